// The one check of every record read back from storage: IndexedDB (store reads below) and backup
// files (backup-format.ts). A record a page cannot show is skipped and named, never passed on to
// crash a page with a TypeError. Pure: no IndexedDB here, so backups and Node tests share it.
import { ZONES } from '../lab/storage';
import { RAG_CONFIG_NAME } from '../rag/config-version';
import { validateRagConfig } from '../rag/config';

type Rec = Record<string, unknown>;
/** A field check: true when fine, false for "is missing or has the wrong type", or the problem in words. */
type FieldRule = (v: unknown) => boolean | string;

export const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
export const isText = (v: unknown) => typeof v === 'string';
export const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
export const isInt = (v: unknown, min = 0) => Number.isInteger(v) && (v as number) >= min;
export const isObject = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const isGrade = (v: unknown) => isInt(v, 1) && (v as number) <= 4;
const isCardState = (v: unknown) => isInt(v) && (v as number) <= 3;
const optional = (rule: FieldRule): FieldRule => (v) => v === undefined || rule(v);
const textValues = (v: unknown) => isObject(v) && Object.values(v).every(isText);

/**
 * Metrics are optional numbers: a model trained on too few rows has no AUC (null once stored as
 * JSON), which pages show as "—". Text or objects where a number belongs are refused, naming the key.
 * `cv` (cross-validation summary) is the one nested object allowed.
 */
const metricValues: FieldRule = (v) => {
	if (!isObject(v)) return false;
	for (const [key, value] of Object.entries(v)) {
		if (key === 'cv' && (value === undefined || isObject(value))) continue;
		if (value !== null && value !== undefined && !isNumber(value)) return `has "${key}" that is not a number`;
	}
	return true;
};

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const ENDPOINT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,30}[A-Za-z0-9]$/;

/** Every kind of record, by the store that holds it. */
export const RECORD_RULES = {
	settings: { key: isText },
	cardStates: {
		cardId: isText,
		due: isDate,
		fsrs: (v: unknown) => isObject(v) && isDate(v.due) && isNumber(v.stability) && isNumber(v.difficulty) && isCardState(v.state) && isInt(v.lapses)
	},
	reviewLogs: { id: (v: unknown) => isInt(v, 1), cardId: isText, grade: isGrade, reviewedAt: isDate, elapsedMs: isNumber, stateBefore: isCardState, stateAfter: isCardState },
	interviewAttempts: { id: (v: unknown) => isInt(v, 1), questionId: isText, startedAt: isDate, answer: isText, ticked: isObject, partScores: isObject, grade: isGrade },
	examAttempts: {
		id: (v: unknown) => isInt(v, 1),
		mode: (v: unknown) => v === 'full' || v === 'domain',
		startedAt: isDate,
		finishedAt: optional(isDate),
		itemIds: (v: unknown) => Array.isArray(v) && v.every(isText),
		correct: (v: unknown) => isObject(v) && Object.values(v).every((c) => typeof c === 'boolean'),
		score: isNumber,
		byDomain: (v: unknown) => isObject(v) && Object.values(v).every((d) => isObject(d) && isInt(d.correct) && isInt(d.total)),
		// Optional since schema 4 (older records have none of them): what a review of the attempt needs.
		status: (v: unknown) => v === undefined || v === 'finished' || v === 'partial',
		unanswered: optional((v: unknown) => Array.isArray(v) && v.every(isText)),
		responses: optional(isObject),
		seed: optional((v: unknown) => Number.isInteger(v)),
		examItemIds: optional((v: unknown) => Array.isArray(v) && v.every(isText))
	},
	mistakes: { itemId: isText, front: isText, back: isText, addedAt: isDate },
	/** What pages need to list a version; the model artifact itself is checked where it is scored. */
	models: { name: isText, version: (v: unknown) => isInt(v, 1), metrics: metricValues, description: optional(isText), tags: optional(textValues), createdAt: optional(isText) },
	aliases: { name: isText, alias: isText, version: (v: unknown) => isInt(v, 1) },
	heldOut: { name: isText, version: (v: unknown) => isInt(v, 1), y: (v: unknown) => v instanceof Uint8Array, p: (v: unknown) => v instanceof Float64Array },
	datasets: { file: isText, schema: Array.isArray },
	runs: { id: (v: unknown) => isInt(v, 1), experiment: isText, startedAt: isDate, params: isObject, metrics: metricValues, tags: isObject },
	endpoints: {
		name: (v: unknown) => isText(v) && ENDPOINT_NAME.test(v as string),
		keys: (v: unknown) => isObject(v) && isText(v.primary) && isText(v.secondary),
		deployments: (v: unknown) => Array.isArray(v) && v.every((d) => isObject(d) && isText(d.name) && isText(d.modelName) && isInt(d.modelVersion, 1)),
		traffic: (v: unknown) => isObject(v) && Object.values(v).every((p) => isInt(p) && (p as number) <= 100),
		mirrorTraffic: (v: unknown) => isObject(v) && Object.values(v).every((p) => isInt(p) && (p as number) <= 50)
	},
	endpointRequests: { id: (v: unknown) => isInt(v, 1), endpoint: isText, at: isDate, status: (v: unknown) => isInt(v, 100) && (v as number) < 600, latencyMs: isNumber, records: (v: unknown) => isInt(v) },
	files: {
		zone: (v: unknown) => (ZONES as readonly unknown[]).includes(v) || `must be one of ${ZONES.join(', ')}`,
		name: (v: unknown) => (isText(v) && FILE_NAME.test(v as string) && !(v as string).includes('..')) || 'is not a plain file name (letters, digits, ".", "_" and "-", no folders)',
		blob: (v: unknown) => typeof Blob !== 'undefined' && v instanceof Blob
	},
	ragConfigs: {
		name: (v: unknown) => (isText(v) && RAG_CONFIG_NAME.test(v as string)) || 'is not a name of letters, digits, "-" and "_" starting with a letter',
		version: (v: unknown) => isInt(v, 1),
		config: (v: unknown) => validateRagConfig(v) ?? true,
		description: isText,
		createdAt: isDate,
		aliases: (v: unknown) => Array.isArray(v) && v.every(isText)
	}
} satisfies Record<string, Record<string, FieldRule>>;

export type RecordKind = keyof typeof RECORD_RULES;

/** How a record is named to the learner: "run 14", "endpoint \"scoring\"". */
const NAMES: Record<RecordKind, (r: Rec) => string> = {
	settings: (r) => `setting ${JSON.stringify(r.key)}`,
	cardStates: (r) => `card schedule ${JSON.stringify(r.cardId)}`,
	reviewLogs: (r) => `review ${String(r.id)}`,
	interviewAttempts: (r) => `interview answer ${String(r.id)}`,
	examAttempts: (r) => `practice exam ${String(r.id)}`,
	mistakes: (r) => `mistake ${JSON.stringify(r.itemId)}`,
	models: (r) => `model version ${String(r.name)}:${String(r.version)}`,
	aliases: (r) => `alias ${JSON.stringify(r.alias)}`,
	heldOut: (r) => `evaluation data of ${String(r.name)}:${String(r.version)}`,
	datasets: (r) => `dataset ${JSON.stringify(r.file)}`,
	runs: (r) => `run ${String(r.id)}`,
	endpoints: (r) => `endpoint ${JSON.stringify(r.name)}`,
	endpointRequests: (r) => `request ${String(r.id)}`,
	files: (r) => `file ${String(r.zone)}/${String(r.name)}`,
	ragConfigs: (r) => `RAG configuration ${String(r.name)}:${String(r.version)}`
};

export interface RecordProblem {
	field: string;
	problem: string;
}

/** The first problem of a record of this kind, or null when pages can use it. */
export function recordProblem(kind: RecordKind, record: unknown, skip: readonly string[] = []): RecordProblem | null {
	if (!isObject(record)) return { field: '', problem: 'is not an object' };
	for (const [field, rule] of Object.entries(RECORD_RULES[kind] as Record<string, FieldRule>)) {
		if (skip.includes(field)) continue;
		const verdict = rule(record[field]);
		if (verdict !== true) return { field, problem: verdict === false ? 'is missing or has the wrong type' : verdict };
	}
	return null;
}

/** `run 14 ("metrics" has "rocAuc" that is not a number)` */
export function describeProblem(kind: RecordKind, record: unknown, problem: RecordProblem): string {
	const name = isObject(record) ? NAMES[kind](record) : `a ${kind} record`;
	return `${name} (${problem.field ? `"${problem.field}" ` : ''}${problem.problem})`;
}

/**
 * The records pages can show, in order; each one skipped is described in `skipped` (when given) so
 * the page can say which records it left out and why.
 */
export function keepReadable<T>(kind: RecordKind, records: readonly unknown[], skipped?: string[]): T[] {
	const out: T[] = [];
	for (const record of records) {
		const problem = recordProblem(kind, record);
		if (problem) skipped?.push(describeProblem(kind, record, problem));
		else out.push(record as T);
	}
	return out;
}
