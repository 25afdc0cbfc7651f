// Card states derived from the review log: the log is the source of truth when two devices' histories
// are merged. Replaying a card's reviews in time order through the same scheduler gives the state
// those reviews imply, whichever device did them. Pure: no storage, time comes from the log.
import { gradeCard, newCardState, type CardState, type ReviewLogEntry, type SchedulerSettings } from './scheduler';

/** A review's stable id across devices: the card and the instant it was graded. */
export const reviewKey = (log: Pick<ReviewLogEntry, 'cardId' | 'reviewedAt'>): string => `${log.cardId}@${log.reviewedAt.toISOString()}`;

/** Oldest first; equal instants keep a fixed order (by grade) so every device replays the same way. */
export function inTimeOrder<T extends ReviewLogEntry>(logs: readonly T[]): T[] {
	return [...logs].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime() || a.grade - b.grade);
}

/**
 * The state a card's reviews imply, starting from a new card; undefined when there are none.
 * Flags (suspended, leech) are the caller's to carry over: they are choices, not reviews.
 */
export function replayReviews(cardId: string, logs: readonly ReviewLogEntry[], settings: SchedulerSettings): CardState | undefined {
	let state: CardState | undefined;
	for (const log of inTimeOrder(logs)) {
		state ??= newCardState(cardId, log.reviewedAt);
		// FSRS refuses a review dated before the last one; graded as saving did (at the last review).
		const last = state.fsrs.last_review;
		const at = last && last.getTime() > log.reviewedAt.getTime() ? last : log.reviewedAt;
		state = gradeCard(state, log.grade, at, log.elapsedMs, settings).next;
	}
	return state;
}
