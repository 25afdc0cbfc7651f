// Merging the RAG lab's saved configurations by content, as model versions are merged: a version
// this device already holds (same name, settings and description, whatever its number) is not added
// twice; one whose number is taken here by other settings is added under the next free number. Aliases
// (`production`) stay as they are on this device: merged versions arrive without them.
import { fingerprint, without } from './fingerprint';

type Rec = Record<string, unknown>;

/** What a saved configuration is, whatever its number, aliases or the moment it was saved. */
export const ragConfigFingerprint = (r: Rec) => `${String(r.name)}|${fingerprint(without(r, ['version', 'aliases', 'createdAt']))}`;

export interface RagConfigMerge {
	add: Rec[];
	renumbered: { name: string; from: number; to: number }[];
}

export function mergeRagConfigs(local: readonly Rec[], incoming: readonly Rec[]): RagConfigMerge {
	const out: RagConfigMerge = { add: [], renumbered: [] };
	const known = new Set(local.map(ragConfigFingerprint));
	const highest = new Map<string, number>();
	const taken = new Set<string>();
	for (const r of local) {
		highest.set(String(r.name), Math.max(highest.get(String(r.name)) ?? 0, r.version as number));
		taken.add(`${String(r.name)}:${String(r.version)}`);
	}
	const sorted = [...incoming].sort((a, b) => String(a.name).localeCompare(String(b.name)) || (a.version as number) - (b.version as number));
	for (const r of sorted) {
		const fp = ragConfigFingerprint(r);
		if (known.has(fp)) continue;
		const name = String(r.name);
		const from = r.version as number;
		// The backup's own numbers are kept free for its versions still to come.
		const to = taken.has(`${name}:${from}`) ? Math.max(highest.get(name) ?? 0, ...sorted.filter((x) => x.name === name).map((x) => x.version as number)) + 1 : from;
		highest.set(name, Math.max(highest.get(name) ?? 0, to));
		taken.add(`${name}:${to}`);
		known.add(fp);
		out.add.push({ ...r, version: to, aliases: [] });
		if (to !== from) out.renumbered.push({ name, from, to });
	}
	return out;
}
