// The in-progress exam as plain JSON, kept in sessionStorage so a reload resumes it. Anything that
// does not match the current content (items removed by an update, a damaged value) is dropped
// rather than half-restored.
import type { Responses } from './exam-engine';

export const SAVED_EXAM_KEY = 'prep-lab:practice-exam';

export interface SavedExam {
	version: 1;
	mode: 'full' | 'domain';
	domain: string | null;
	seed: number;
	/** Top-level item ids in exam order (a case study is one id). */
	itemIds: string[];
	/** Keyed by question id (a case's sub-items by their own ids). */
	responses: Responses;
	marked: string[];
	/** Questions whose answer was checked (practice by domain). */
	checked: string[];
	position: number;
	/** Epoch milliseconds. */
	startedAt: number;
	/** Time allowed, or null when the timer is off. */
	minutes: number | null;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readSavedExam(json: string | null, knownItemIds: ReadonlySet<string>): SavedExam | null {
	if (!json) return null;
	let v: Partial<SavedExam>;
	try {
		v = JSON.parse(json) as Partial<SavedExam>;
	} catch {
		return null;
	}
	if (
		!v ||
		v.version !== 1 ||
		(v.mode !== 'full' && v.mode !== 'domain') ||
		!Number.isInteger(v.seed) ||
		!isStringList(v.itemIds) ||
		v.itemIds.length === 0 ||
		!v.itemIds.every((id) => knownItemIds.has(id)) ||
		!isStringList(v.marked) ||
		!isStringList(v.checked) ||
		typeof v.responses !== 'object' ||
		v.responses === null ||
		typeof v.startedAt !== 'number' ||
		!(v.minutes === null || typeof v.minutes === 'number') ||
		typeof v.position !== 'number'
	) {
		return null;
	}
	return { ...(v as SavedExam), domain: typeof v.domain === 'string' ? v.domain : null };
}
