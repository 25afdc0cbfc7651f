// The practice exam in progress as it is saved after every answer, checked when read back (the
// content may have changed since: an item removed by an update is named, never half-restored),
// and its clock. Plain data, no storage here.
import { examQuestions, isAnswered, type ItemResponse, type Responses, type ScorableItem } from './exam-engine';

export interface ExamSession {
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
	startedAt: Date;
	/** Time allowed, or null when the timer is off. */
	minutes: number | null;
	/** Strict: the clock is the wall clock from `startedAt`, so time away from the app counts. */
	strict: boolean;
	/** Time spent with the exam open so far; what the clock counts when not strict. */
	usedMs: number;
	savedAt: Date;
}

export type SessionCheck = { session: ExamSession } | { problem: string };

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isIndexList = (v: unknown) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0);
const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

function isResponse(v: unknown): v is ItemResponse {
	if (!v || typeof v !== 'object') return false;
	const r = v as Record<string, unknown>;
	if (r.kind === 'choice') return isIndexList(r.selected);
	if (r.kind === 'order') return isIndexList(r.order);
	if (r.kind === 'yesno') return Array.isArray(r.answers) && r.answers.every((a) => a === null || typeof a === 'boolean');
	return false;
}

/** Per field of a saved session: its check. The first failing one names what is damaged. */
const FIELDS: Record<keyof ExamSession, (v: unknown) => boolean> = {
	mode: (v) => v === 'full' || v === 'domain',
	domain: (v) => v === null || typeof v === 'string',
	seed: Number.isInteger,
	itemIds: (v) => isStringList(v) && v.length > 0,
	responses: (v) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((r) => r === undefined || isResponse(r)),
	marked: isStringList,
	checked: isStringList,
	position: (v) => Number.isInteger(v) && (v as number) >= 0,
	startedAt: isDate,
	minutes: (v) => v === null || (typeof v === 'number' && v > 0),
	strict: (v) => typeof v === 'boolean',
	usedMs: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
	savedAt: isDate
};

/** Checks a session read back from storage against the items the app has now. */
export function checkExamSession(value: unknown, knownItemIds: ReadonlySet<string>): SessionCheck {
	if (!value || typeof value !== 'object') return { problem: 'The saved exam in progress is damaged (it is not a record), so it cannot be resumed.' };
	const v = value as Record<string, unknown>;
	for (const [field, ok] of Object.entries(FIELDS)) {
		if (!ok(v[field])) return { problem: `The saved exam in progress is damaged ("${field}" is missing or wrong), so it cannot be resumed.` };
	}
	// Only the known fields, so the storage key and anything unknown are not carried along.
	const session = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, v[k]])) as unknown as ExamSession;
	const missing = session.itemIds.filter((id) => !knownItemIds.has(id));
	if (missing.length > 0) {
		return {
			problem: `Your exam in progress cannot be resumed: ${missing.length} of its ${session.itemIds.length} items ${missing.length === 1 ? 'is' : 'are'} no longer in Prep Lab (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}), probably removed by an update.`
		};
	}
	return { session };
}

/**
 * Milliseconds left, or null without a timer. Not strict: the time allowed minus the time spent
 * with the exam open (`usedMs`, plus `openMs` since the page last saved it), so time with the app
 * closed does not count. Strict: the wall clock from the start.
 */
export function remainingMs(session: Pick<ExamSession, 'minutes' | 'strict' | 'startedAt' | 'usedMs'>, now: number, openMs = 0): number | null {
	if (session.minutes === null) return null;
	const allowed = session.minutes * 60_000;
	const used = session.strict ? now - session.startedAt.getTime() : session.usedMs + openMs;
	return Math.max(0, allowed - used);
}

export interface SessionSummary {
	mode: ExamSession['mode'];
	domain: string | null;
	answered: number;
	total: number;
	remainingMs: number | null;
	strict: boolean;
}

/** How far an exam in progress got, for the Resume offer. */
export function sessionSummary<T extends ScorableItem<T>>(session: ExamSession, items: readonly T[], now: number): SessionSummary {
	const questions = examQuestions(items);
	return {
		mode: session.mode,
		domain: session.domain,
		answered: questions.filter((q) => isAnswered(q.item, session.responses[q.item.id])).length,
		total: questions.length,
		remainingMs: remainingMs(session, now),
		strict: session.strict
	};
}

// The previous version kept the exam in sessionStorage under this key. It is read once, moved to
// IndexedDB (see src/lib/app/resume-exam.ts) and removed.
export const LEGACY_SAVED_EXAM_KEY = 'prep-lab:practice-exam';

/** An exam saved by the previous version, as an ExamSession; null when absent or damaged. Its
 * clock was wall time, so the time already gone by counts as used. */
export function fromLegacySavedExam(json: string | null, now: number): ExamSession | null {
	if (!json) return null;
	let v: Record<string, unknown>;
	try {
		v = JSON.parse(json) as Record<string, unknown>;
	} catch {
		return null;
	}
	if (!v || v.version !== 1 || typeof v.startedAt !== 'number') return null;
	const startedAt = new Date(v.startedAt);
	const session = { ...v, startedAt, strict: false, usedMs: Math.max(0, now - v.startedAt), savedAt: new Date(now) } as Record<string, unknown>;
	delete session.version;
	for (const [field, ok] of Object.entries(FIELDS)) if (!ok(session[field])) return null;
	return session as unknown as ExamSession;
}
