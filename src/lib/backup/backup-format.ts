// The backup file: every store of the learner's data, versioned, and checked record by record
// before anything is written. A file that fails any check changes nothing.
import { ZONES } from '../lab/storage';
import { encodedWidth } from '../ml/preprocess';
import { fromTaggedJson } from './tagged-json';

export const BACKUP_FORMAT = 'prep-lab-backup';
export const BACKUP_VERSION = 1;

/** Stores in a backup, in the order they are shown and restored. */
export const BACKUP_STORES = [
	'settings',
	'cardStates',
	'reviewLogs',
	'interviewAttempts',
	'examAttempts',
	'mistakes',
	'models',
	'aliases',
	'heldOut',
	'datasets',
	'files',
	'runs',
	'endpoints'
] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

export const STORE_LABELS: Record<BackupStore, string> = {
	settings: 'Settings',
	cardStates: 'Card schedules',
	reviewLogs: 'Review history',
	interviewAttempts: 'Mock interview answers',
	examAttempts: 'Practice exams',
	mistakes: 'Mistakes deck',
	models: 'Registered models',
	aliases: 'Model aliases',
	heldOut: 'Model evaluation data',
	datasets: 'Confirmed CSV columns',
	files: 'Datastore files',
	runs: 'Experiment runs',
	endpoints: 'Online endpoints'
};

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: number;
	exportedAt: Date;
	stores: Record<BackupStore, Record<string, unknown>[]>;
}

/** A backup that cannot be restored, with where the problem is. */
export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

type Rec = Record<string, unknown>;
const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
const isText = (v: unknown) => typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown, min = 0) => Number.isInteger(v) && (v as number) >= min;
const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isGrade = (v: unknown) => isInt(v, 1) && (v as number) <= 4;
const isCardState = (v: unknown) => isInt(v) && (v as number) <= 3;

/** Per store: the fields a record must have, each with its check. */
const RULES: Record<BackupStore, Record<string, (v: unknown) => boolean>> = {
	settings: { key: isText },
	cardStates: {
		cardId: isText,
		due: isDate,
		fsrs: (v) => isObject(v) && isDate((v as Rec).due) && isNumber((v as Rec).stability) && isNumber((v as Rec).difficulty) && isCardState((v as Rec).state) && isInt((v as Rec).lapses)
	},
	reviewLogs: { id: (v) => isInt(v, 1), cardId: isText, grade: isGrade, reviewedAt: isDate, elapsedMs: isNumber, stateBefore: isCardState, stateAfter: isCardState },
	interviewAttempts: { id: (v) => isInt(v, 1), questionId: isText, startedAt: isDate, answer: isText, ticked: isObject, partScores: isObject, grade: isGrade },
	examAttempts: {
		id: (v) => isInt(v, 1),
		startedAt: isDate,
		itemIds: (v) => Array.isArray(v) && v.every(isText),
		correct: isObject,
		score: isNumber,
		// Optional since schema 4 (older backups have none of them): what a review of the attempt needs.
		status: (v) => v === undefined || v === 'finished' || v === 'partial',
		unanswered: (v) => v === undefined || (Array.isArray(v) && v.every(isText)),
		responses: (v) => v === undefined || isObject(v),
		seed: (v) => v === undefined || Number.isInteger(v)
	},
	mistakes: { itemId: isText, front: isText, back: isText, addedAt: isDate },
	models: { name: isText, version: (v) => isInt(v, 1), weights: (v) => Array.isArray(v) && v.every(isNumber), intercept: isNumber, preprocessor: isObject, signature: isObject, metrics: isObject },
	aliases: { name: isText, alias: isText, version: (v) => isInt(v, 1) },
	heldOut: { name: isText, version: (v) => isInt(v, 1), y: (v) => v instanceof Uint8Array, p: (v) => v instanceof Float64Array },
	datasets: { file: isText, schema: Array.isArray },
	runs: { id: (v) => isInt(v, 1), experiment: isText, startedAt: isDate, params: isObject, metrics: isObject, tags: isObject },
	endpoints: {
		name: (v) => isText(v) && /^[A-Za-z][A-Za-z0-9-]{1,30}[A-Za-z0-9]$/.test(v as string),
		keys: (v) => isObject(v) && isText((v as Rec).primary) && isText((v as Rec).secondary),
		deployments: (v) => Array.isArray(v) && v.every((d) => isObject(d) && isText((d as Rec).name) && isText((d as Rec).modelName) && isInt((d as Rec).modelVersion, 1)),
		traffic: (v) => isObject(v) && Object.values(v as Rec).every((p) => isInt(p) && (p as number) <= 100),
		mirrorTraffic: (v) => isObject(v) && Object.values(v as Rec).every((p) => isInt(p) && (p as number) <= 50)
	},
	files: { zone: (v) => (ZONES as readonly unknown[]).includes(v), name: (v) => isText(v) && /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(v as string) && !(v as string).includes('..'), text: isText }
};

/** Plainer words than "wrong type" where a field has a rule a learner can act on. */
const FIELD_PROBLEMS: Partial<Record<`${BackupStore}.${string}`, string>> = {
	'files.zone': `must be one of ${ZONES.join(', ')}`,
	'files.name': 'is not a plain file name (letters, digits, ".", "_" and "-", no folders)'
};

/** Key of a record within its store, for duplicate and reference checks. */
const KEYS: Record<BackupStore, (r: Rec) => string> = {
	settings: (r) => String(r.key),
	cardStates: (r) => String(r.cardId),
	reviewLogs: (r) => String(r.id),
	interviewAttempts: (r) => String(r.id),
	examAttempts: (r) => String(r.id),
	mistakes: (r) => String(r.itemId),
	models: (r) => `${r.name}:${r.version}`,
	aliases: (r) => `${r.name}:${r.alias}`,
	heldOut: (r) => `${r.name}:${r.version}`,
	datasets: (r) => String(r.file),
	files: (r) => `${r.zone}/${r.name}`,
	runs: (r) => String(r.id),
	endpoints: (r) => String(r.name)
};

/** Checks a parsed file and returns it as a Backup, or throws a BackupError naming the first problem. */
export function checkBackup(value: unknown): Backup {
	if (!isObject(value) || (value as Rec).format !== BACKUP_FORMAT) throw new BackupError('This file is not a Prep Lab backup.');
	const v = value as Rec;
	if (!isInt(v.version, 1)) throw new BackupError('The backup has no valid version number.');
	if ((v.version as number) > BACKUP_VERSION) throw new BackupError(`This backup was made by a newer Prep Lab (format ${v.version}); this version reads format ${BACKUP_VERSION}. Update the app first.`);
	if (!isDate(v.exportedAt)) throw new BackupError('The backup has no valid export date.');
	if (!isObject(v.stores)) throw new BackupError('The backup has no data section ("stores").');
	const stores = v.stores as Rec;
	const out = {} as Backup['stores'];
	for (const store of BACKUP_STORES) {
		const records = stores[store] ?? [];
		if (!Array.isArray(records)) throw new BackupError(`"${store}" in the backup is not a list.`);
		const seen = new Set<string>();
		records.forEach((record, i) => {
			const where = `${STORE_LABELS[store]} (${store}), record ${i + 1}`;
			if (!isObject(record)) throw new BackupError(`${where} is not an object.`);
			for (const [field, ok] of Object.entries(RULES[store])) {
				if (!ok((record as Rec)[field])) throw new BackupError(`${where}: "${field}" ${FIELD_PROBLEMS[`${store}.${field}`] ?? 'is missing or has the wrong type'}.`);
			}
			const key = KEYS[store](record as Rec);
			if (seen.has(key)) throw new BackupError(`${where}: the id "${key}" appears twice.`);
			seen.add(key);
		});
		out[store] = records as Rec[];
	}
	// References between stores must resolve, and every model must be usable.
	const models = new Set(out.models.map(KEYS.models));
	for (const m of out.models) {
		if (encodedWidth(m.preprocessor as never) !== (m.weights as number[]).length) throw new BackupError(`Registered models (models), model ${KEYS.models(m)}: its weights do not match its preprocessing.`);
	}
	for (const a of out.aliases) if (!models.has(`${a.name}:${a.version}`)) throw new BackupError(`Model aliases (aliases): "${a.alias}" points to ${a.name}:${a.version}, which is not in the backup.`);
	for (const h of out.heldOut) {
		if (!models.has(`${h.name}:${h.version}`)) throw new BackupError(`Model evaluation data (heldOut): ${h.name}:${h.version} is not in the backup.`);
		if ((h.y as Uint8Array).length !== (h.p as Float64Array).length) throw new BackupError(`Model evaluation data (heldOut): ${h.name}:${h.version} has ${(h.y as Uint8Array).length} labels but ${(h.p as Float64Array).length} scores.`);
	}
	return { format: BACKUP_FORMAT, version: v.version as number, exportedAt: v.exportedAt as Date, stores: out };
}

/** Reads backup text: JSON errors and failed checks both become a BackupError. */
export function parseBackup(text: string): Backup {
	let value: unknown;
	try {
		// Some editors save JSON with a byte-order mark, which JSON.parse refuses.
		value = fromTaggedJson(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new BackupError(`The file is not valid JSON (${(e as Error).message}). It may be truncated or not a backup.`);
	}
	return checkBackup(value);
}
