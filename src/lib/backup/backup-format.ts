// The backup file: every store of the learner's data, versioned, and checked record by record
// before anything is written. A file that fails any check changes nothing.
import { isDate, isInt, isNumber, isObject, isText, recordProblem } from '../db/record-checks';
import { encodedWidth } from '../ml/preprocess';
import { isBase64 } from './base64';
import { decodeTagged, ESCAPED_KEYS_SINCE } from './tagged-json';

export const BACKUP_FORMAT = 'prep-lab-backup';
/** 2: datastore files as base64 bytes and "$" keys escaped; format-1 backups still restore. */
export const BACKUP_VERSION = 2;

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
	'endpoints',
	'ragConfigs'
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
	endpoints: 'Online endpoints',
	ragConfigs: 'RAG configurations'
};

export interface Backup {
	format: typeof BACKUP_FORMAT;
	version: number;
	exportedAt: Date;
	/** The device that made the backup (absent in backups made before merging existed). */
	deviceId?: string;
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

/** What a device id looks like (made by the app, checked on reading). */
export const DEVICE_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Per store: the shared record checks (record-checks.ts, also used when pages read IndexedDB), plus
 * what only a backup holds. Files carry their bytes as base64 (format 2) or, in format-1 backups,
 * as text; models must also be scorable, so their artifact fields are checked here.
 */
const BACKUP_ONLY: Partial<Record<BackupStore, Record<string, (v: unknown, r: Rec) => boolean>>> = {
	models: { weights: (v) => Array.isArray(v) && v.every(isNumber), intercept: isNumber, preprocessor: isObject, signature: isObject },
	files: { content: (_v, r) => (r.base64 !== undefined ? isBase64(r.base64) : isText(r.text)) && (r.type === undefined || isText(r.type)) }
};

/** The first problem of a backup record, in the words the settings page shows. */
function backupRecordProblem(store: BackupStore, record: Rec): string | null {
	// Files in a backup hold their bytes, not a Blob: that field is checked below instead.
	const shared = recordProblem(store, record, store === 'files' ? ['blob'] : []);
	if (shared) return `"${shared.field}" ${shared.problem}`;
	for (const [field, ok] of Object.entries(BACKUP_ONLY[store] ?? {})) {
		if (!ok(record[field], record)) return field === 'content' ? 'has no readable contents ("base64" or "text")' : `"${field}" is missing or has the wrong type`;
	}
	return null;
}

/** Key of a record within its store, for duplicate and reference checks. */
export const BACKUP_KEYS: Record<BackupStore, (r: Rec) => string> = {
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
	endpoints: (r) => String(r.name),
	ragConfigs: (r) => `${r.name}:${r.version}`
};

/** Checks a parsed file and returns it as a Backup, or throws a BackupError naming the first problem. */
export function checkBackup(value: unknown): Backup {
	if (!isObject(value) || (value as Rec).format !== BACKUP_FORMAT) throw new BackupError('This file is not a Prep Lab backup.');
	const v = value as Rec;
	if (!isInt(v.version, 1)) throw new BackupError('The backup has no valid version number.');
	if ((v.version as number) > BACKUP_VERSION) throw new BackupError(`This backup was made by a newer Prep Lab (format ${v.version}); this version reads format ${BACKUP_VERSION}. Update the app first.`);
	if (!isDate(v.exportedAt)) throw new BackupError('The backup has no valid export date.');
	if (v.deviceId !== undefined && !(isText(v.deviceId) && DEVICE_ID.test(v.deviceId as string))) throw new BackupError('The backup\'s device id ("deviceId") is not a short id of letters, digits and "-".');
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
			const problem = backupRecordProblem(store, record as Rec);
			if (problem) throw new BackupError(`${where}: ${problem}.`);
			const key = BACKUP_KEYS[store](record as Rec);
			if (seen.has(key)) throw new BackupError(`${where}: the id "${key}" appears twice.`);
			seen.add(key);
		});
		out[store] = records as Rec[];
	}
	// References between stores must resolve, and every model must be usable.
	const models = new Set(out.models.map(BACKUP_KEYS.models));
	for (const m of out.models) {
		if (encodedWidth(m.preprocessor as never) !== (m.weights as number[]).length) throw new BackupError(`Registered models (models), model ${BACKUP_KEYS.models(m)}: its weights do not match its preprocessing.`);
	}
	for (const a of out.aliases) if (!models.has(`${a.name}:${a.version}`)) throw new BackupError(`Model aliases (aliases): "${a.alias}" points to ${a.name}:${a.version}, which is not in the backup.`);
	for (const h of out.heldOut) {
		if (!models.has(`${h.name}:${h.version}`)) throw new BackupError(`Model evaluation data (heldOut): ${h.name}:${h.version} is not in the backup.`);
		if ((h.y as Uint8Array).length !== (h.p as Float64Array).length) throw new BackupError(`Model evaluation data (heldOut): ${h.name}:${h.version} has ${(h.y as Uint8Array).length} labels but ${(h.p as Float64Array).length} scores.`);
	}
	return { format: BACKUP_FORMAT, version: v.version as number, exportedAt: v.exportedAt as Date, ...(v.deviceId ? { deviceId: v.deviceId as string } : {}), stores: out };
}

/** Reads backup text: JSON errors and failed checks both become a BackupError. */
export function parseBackup(text: string): Backup {
	let value: unknown;
	try {
		// Some editors save JSON with a byte-order mark, which JSON.parse refuses.
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new BackupError(`The file is not valid JSON (${(e as Error).message}). It may be truncated or not a backup.`);
	}
	// The format version decides how tags are read, so it is looked at before decoding.
	const version = isObject(value) ? value.version : undefined;
	try {
		value = decodeTagged(value, typeof version === 'number' && version >= ESCAPED_KEYS_SINCE);
	} catch (e) {
		throw new BackupError(`The file could not be read (${(e as Error).message}). It may not be a backup.`);
	}
	return checkBackup(value);
}
