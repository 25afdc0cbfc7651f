// Merging the study records of two devices: a union by stable id of reviews, interview answers,
// practice exams and mistakes, with card states derived from the merged review log. Pure: the
// importing device's records and the backup's come in, what to write comes out.
import { replayReviews, reviewKey } from '../study/replay-reviews';
import type { CardState, ReviewLogEntry, SchedulerSettings } from '../study/scheduler';

type Rec = Record<string, unknown>;

/** The study records of one side of a merge, as stored (local) or as read from a backup. */
export interface StudyRecords {
	cardStates: readonly CardState[];
	reviewLogs: readonly ReviewLogEntry[];
	interviewAttempts: readonly Rec[];
	examAttempts: readonly Rec[];
	mistakes: readonly Rec[];
}

/** What a merge writes: records to add (local ids stripped, the store numbers them) and card states to put. */
export interface StudyMerge {
	reviewLogs: ReviewLogEntry[];
	interviewAttempts: Rec[];
	examAttempts: Rec[];
	mistakes: Rec[];
	cardStates: CardState[];
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));

/** Stable ids that mean the same thing on every device (local auto-increment ids do not). */
export const STUDY_KEYS = {
	reviewLogs: (r: Rec) => reviewKey(r as unknown as ReviewLogEntry),
	interviewAttempts: (r: Rec) => `${String(r.questionId)}@${iso(r.startedAt)}`,
	examAttempts: (r: Rec) => `${String(r.mode)}:${String(r.domain ?? '')}@${iso(r.startedAt)}`,
	mistakes: (r: Rec) => String(r.itemId)
} as const;

/** The incoming records whose stable id the local side lacks, without their local ids. */
function added(store: keyof typeof STUDY_KEYS, local: readonly Rec[], incoming: readonly Rec[]): Rec[] {
	const key = STUDY_KEYS[store];
	const have = new Set(local.map(key));
	const out: Rec[] = [];
	for (const r of incoming) {
		const k = key(r);
		if (have.has(k)) continue;
		have.add(k);
		const { id: _id, ...rest } = r;
		out.push(rest);
	}
	return out;
}

const groupByCard = <T extends { cardId: string }>(items: readonly T[]) => {
	const out = new Map<string, T[]>();
	for (const item of items) out.set(item.cardId, [...(out.get(item.cardId) ?? []), item]);
	return out;
};

/** Whether two states schedule a card the same way (what a learner would notice). */
export function sameSchedule(a: CardState | undefined, b: CardState | undefined): boolean {
	if (!a || !b) return a === b;
	return a.due.getTime() === b.due.getTime() && a.fsrs.state === b.fsrs.state && a.fsrs.reps === b.fsrs.reps && a.fsrs.lapses === b.fsrs.lapses
		&& a.fsrs.stability === b.fsrs.stability && a.fsrs.difficulty === b.fsrs.difficulty && !!a.suspended === !!b.suspended && !!a.leech === !!b.leech;
}

/**
 * A card's state after the merge. Reviews only the backup had: the backup's own state, which those
 * very reviews produced. Reviews from both sides: the merged log replayed in time order. Suspension
 * and the leech mark are kept when either side has them; burying is for today on this device only.
 */
function mergedState(cardId: string, local: CardState | undefined, incoming: CardState | undefined, localLogs: number, logs: readonly ReviewLogEntry[], settings: SchedulerSettings): CardState | undefined {
	const derived = localLogs === 0 && incoming ? incoming : replayReviews(cardId, logs, settings);
	if (!derived) return undefined;
	const { buriedUntil: _b, suspended: _s, leech: _l, ...schedule } = derived;
	const suspended = !!(local?.suspended || incoming?.suspended);
	const leech = !!(derived.leech || local?.leech || incoming?.leech);
	return { ...schedule, ...(local?.buriedUntil ? { buriedUntil: local.buriedUntil } : {}), ...(suspended ? { suspended } : {}), ...(leech ? { leech } : {}) };
}

/** The merge of the backup's study records into the local ones; `scheduling` is this device's, per card. */
export function mergeStudy(local: StudyRecords, incoming: StudyRecords, scheduling: (cardId: string) => SchedulerSettings): StudyMerge {
	const reviewLogs = added('reviewLogs', local.reviewLogs as unknown as Rec[], incoming.reviewLogs as unknown as Rec[]) as unknown as ReviewLogEntry[];
	const localStates = new Map(local.cardStates.map((s) => [s.cardId, s]));
	const incomingStates = new Map(incoming.cardStates.map((s) => [s.cardId, s]));
	const localLogs = groupByCard(local.reviewLogs);
	const newLogsByCard = groupByCard(reviewLogs);
	const cardStates: CardState[] = [];
	for (const [cardId, newLogs] of newLogsByCard) {
		const mine = localLogs.get(cardId) ?? [];
		const state = mergedState(cardId, localStates.get(cardId), incomingStates.get(cardId), mine.length, [...mine, ...newLogs], scheduling(cardId));
		if (state && !sameSchedule(state, localStates.get(cardId))) cardStates.push(state);
	}
	// Cards with no new reviews: a schedule only the backup has (a suspended new card) is added;
	// a suspension or leech mark from the backup is kept.
	for (const [cardId, theirs] of incomingStates) {
		if (newLogsByCard.has(cardId)) continue;
		const mine = localStates.get(cardId);
		if (!mine) {
			const { buriedUntil: _b, ...rest } = theirs;
			cardStates.push(rest);
		} else if ((theirs.suspended && !mine.suspended) || (theirs.leech && !mine.leech)) {
			cardStates.push({ ...mine, ...(theirs.suspended ? { suspended: true } : {}), ...(theirs.leech ? { leech: true } : {}) });
		}
	}
	return {
		reviewLogs,
		interviewAttempts: added('interviewAttempts', local.interviewAttempts, incoming.interviewAttempts),
		examAttempts: added('examAttempts', local.examAttempts, incoming.examAttempts),
		mistakes: added('mistakes', local.mistakes, incoming.mistakes),
		cardStates
	};
}
