// The check every practice-exam attempt read back from IndexedDB passes before a page shows it.
// Attempts from before schema 4 have none of the optional fields and are fine.
import type { StoredExamAttempt } from '../db/schema';

type Rec = Record<string, unknown>;
const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);

const FIELDS: Partial<Record<keyof StoredExamAttempt, (v: unknown) => boolean>> = {
	id: (v) => Number.isInteger(v),
	mode: (v) => v === 'full' || v === 'domain',
	startedAt: isDate,
	finishedAt: isDate,
	itemIds: isStringList,
	correct: (v) => isObject(v) && Object.values(v as Rec).every((c) => typeof c === 'boolean'),
	score: (v) => typeof v === 'number' && Number.isFinite(v),
	byDomain: (v) => isObject(v) && Object.values(v as Rec).every((d) => isObject(d) && Number.isInteger((d as Rec).correct) && Number.isInteger((d as Rec).total)),
	status: optional((v) => v === 'finished' || v === 'partial'),
	unanswered: optional(isStringList),
	responses: optional(isObject),
	seed: optional(Number.isInteger),
	examItemIds: optional(isStringList)
};

/** Null when the record is a usable attempt, else a sentence naming it and what is wrong. */
export function checkExamAttempt(value: unknown): string | null {
	if (!isObject(value)) return 'A saved practice-exam attempt is not a record and was skipped.';
	const v = value as Rec;
	const name = Number.isInteger(v.id) ? `Practice-exam attempt ${v.id}` : 'A practice-exam attempt';
	for (const [field, ok] of Object.entries(FIELDS)) {
		if (!ok(v[field])) return `${name} is damaged ("${field}" is missing or wrong) and was skipped.`;
	}
	return null;
}
