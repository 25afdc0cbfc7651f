// Merging the lab records of two devices by content: a model version, run or datastore file the
// importing device already holds is not added twice; a backup's version whose number is taken here
// by a different model is added under the next free number, tagged with the device it came from,
// and a file whose name is taken by other contents is added under a new name. Nothing is
// overwritten. Aliases and endpoints stay local; the backup's are offered as differences.
import { fingerprint, without } from './fingerprint';
import { shown, type Difference } from './merge-choices';

type Rec = Record<string, unknown>;

export interface LabFile {
	zone: string;
	name: string;
	type: string;
	modifiedAt: string;
	bytes: Uint8Array;
}

export interface LabRecords {
	models: readonly Rec[];
	heldOut: readonly Rec[];
	runs: readonly Rec[];
	datasets: readonly Rec[];
	aliases: readonly Rec[];
	endpoints: readonly Rec[];
	files: readonly LabFile[];
}

export interface LabMerge {
	models: Rec[];
	heldOut: Rec[];
	runs: Rec[];
	datasets: Rec[];
	files: LabFile[];
	/** Versions added under another number than the backup's, because that number was taken here. */
	renumbered: { name: string; from: number; to: number }[];
	/** Files added under another name, because that name holds other contents here. */
	renamed: { from: string; to: string }[];
	differences: Difference[];
}

/** The tag naming the device a renumbered version came from. */
export const FROM_DEVICE_TAG = 'from_device';

/** What a version is, whatever its number, notes and tags (the editable parts). */
export const modelFingerprint = (m: Rec) => fingerprint(without(m, ['version', 'description', 'tags']));
/** A run is the same run when it started at the same instant in the same experiment. */
export const runKey = (r: Rec) => `${String(r.experiment)}@${r.startedAt instanceof Date ? r.startedAt.toISOString() : String(r.startedAt)}`;

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** "accounts.csv" → "accounts_from_ab12cd34.csv" */
export function renamedFile(name: string, device: string): string {
	const dot = name.lastIndexOf('.');
	const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
	return `${stem.slice(0, 100)}_from_${device.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) || 'device'}${ext.slice(0, 12)}`;
}

/** The backup's versions mapped to their numbers after the merge, and the versions to add. */
function mergeModels(local: LabRecords, incoming: LabRecords, device: string, out: LabMerge): Map<string, number> {
	const byFingerprint = new Map(local.models.map((m) => [`${String(m.name)}|${modelFingerprint(m)}`, m.version as number]));
	const taken = new Set(local.models.map((m) => `${String(m.name)}:${String(m.version)}`));
	const highest = new Map<string, number>();
	for (const m of local.models) highest.set(String(m.name), Math.max(highest.get(String(m.name)) ?? 0, m.version as number));
	const numbers = new Map<string, number>();
	const sorted = [...incoming.models].sort((a, b) => String(a.name).localeCompare(String(b.name)) || (a.version as number) - (b.version as number));
	for (const m of sorted) {
		const name = String(m.name);
		const from = m.version as number;
		const fp = `${name}|${modelFingerprint(m)}`;
		const same = byFingerprint.get(fp);
		if (same !== undefined) {
			numbers.set(`${name}:${from}`, same);
			continue;
		}
		// A number taken here (or by a version this merge renumbered) goes after the highest one.
		// Numbers the backup uses are kept free for its own versions still to come.
		const to = taken.has(`${name}:${from}`) ? Math.max(highest.get(name) ?? 0, ...sorted.filter((x) => x.name === name).map((x) => x.version as number)) + 1 : from;
		highest.set(name, Math.max(highest.get(name) ?? 0, to));
		const tags = { ...((m.tags as Record<string, string> | undefined) ?? {}), ...(to === from ? {} : { [FROM_DEVICE_TAG]: device }) };
		out.models.push({ ...m, version: to, tags });
		if (to !== from) out.renumbered.push({ name, from, to });
		taken.add(`${name}:${to}`);
		byFingerprint.set(fp, to);
		numbers.set(`${name}:${from}`, to);
		const held = incoming.heldOut.find((h) => h.name === name && h.version === from);
		if (held) out.heldOut.push({ ...held, version: to });
	}
	return numbers;
}

function mergeFiles(local: LabRecords, incoming: LabRecords, device: string, out: LabMerge): void {
	const here = new Map(local.files.map((f) => [`${f.zone}/${f.name}`, f.bytes]));
	for (const f of incoming.files) {
		const path = `${f.zone}/${f.name}`;
		const mine = here.get(path);
		if (mine && sameBytes(mine, f.bytes)) continue;
		const name = mine ? renamedFile(f.name, device) : f.name;
		const existing = here.get(`${f.zone}/${name}`);
		if (existing) continue; // that name holds these or other contents already: never overwritten
		out.files.push({ ...f, name });
		here.set(`${f.zone}/${name}`, f.bytes);
		if (name !== f.name) out.renamed.push({ from: path, to: `${f.zone}/${name}` });
	}
}

const deploymentsText = (e: Rec) =>
	((e.deployments as Rec[] | undefined) ?? []).map((d) => `${String(d.name)} → ${String(d.modelName)}:${String(d.modelVersion)} (${String((e.traffic as Rec | undefined)?.[String(d.name)] ?? 0)} %)`).join(', ') || 'no deployments';

/** The backup's aliases and endpoints that differ here, with versions in this device's numbering. */
function choices(local: LabRecords, incoming: LabRecords, numbers: Map<string, number>, out: LabMerge): void {
	const mapped = (name: unknown, version: unknown) => numbers.get(`${String(name)}:${String(version)}`) ?? (version as number);
	for (const a of incoming.aliases) {
		const record = { ...a, version: mapped(a.name, a.version) };
		const mine = local.aliases.find((x) => x.name === a.name && x.alias === a.alias);
		if (mine?.version === record.version) continue;
		out.differences.push({ id: `aliases:${String(a.name)}:${String(a.alias)}`, store: 'aliases', what: `Alias "${String(a.alias)}" of ${String(a.name)}`, here: mine ? `version ${String(mine.version)}` : shown(undefined), backup: `version ${record.version}`, record });
	}
	for (const e of incoming.endpoints) {
		const record: Rec = { ...e, deployments: ((e.deployments as Rec[] | undefined) ?? []).map((d) => ({ ...d, modelVersion: mapped(d.modelName, d.modelVersion) })) };
		const mine = local.endpoints.find((x) => x.name === e.name);
		if (mine && deploymentsText(mine) === deploymentsText(record) && fingerprint(mine.keys) === fingerprint(record.keys)) continue;
		out.differences.push({ id: `endpoints:${String(e.name)}`, store: 'endpoints', what: `Endpoint "${String(e.name)}"`, here: mine ? deploymentsText(mine) : shown(undefined), backup: deploymentsText(record), record });
	}
}

/** The merge of the backup's lab records into the local ones; `device` names the backup's device. */
export function mergeLab(local: LabRecords, incoming: LabRecords, device: string): LabMerge {
	const out: LabMerge = { models: [], heldOut: [], runs: [], datasets: [], files: [], renumbered: [], renamed: [], differences: [] };
	const numbers = mergeModels(local, incoming, device, out);
	const runs = new Set(local.runs.map(runKey));
	for (const r of incoming.runs) {
		if (runs.has(runKey(r))) continue;
		runs.add(runKey(r));
		const { id: _id, ...rest } = r;
		out.runs.push(rest);
	}
	const datasets = new Set(local.datasets.map((d) => d.file));
	out.datasets = incoming.datasets.filter((d) => !datasets.has(d.file));
	mergeFiles(local, incoming, device, out);
	choices(local, incoming, numbers, out);
	return out;
}
