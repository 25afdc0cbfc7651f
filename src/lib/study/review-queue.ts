// Which cards to show now, in Anki's order: learning cards first, then reviews, then new cards.
import { State, type CardState } from './scheduler';

export interface QueueCounts {
	new: number;
	learning: number;
	review: number;
}

export interface ReviewQueue {
	cardIds: string[];
	counts: QueueCounts;
}

export interface QueueOptions {
	newLimit: number;
	/** New cards already introduced today (count against the limit). */
	newSeenToday?: number;
	/** Learning cards due this soon are shown once nothing else is due (Anki's "learn ahead"). */
	learnAheadMs?: number;
}

export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * @param cardIds every card in the chosen decks, in content order
 * @param states stored scheduling state by card id (cards without one are new)
 */
export function buildReviewQueue(cardIds: readonly string[], states: ReadonlyMap<string, CardState>, now: Date, options: QueueOptions): ReviewQueue {
	const learning: CardState[] = [];
	const learnAhead: CardState[] = [];
	const review: CardState[] = [];
	const fresh: string[] = [];
	const aheadUntil = now.getTime() + (options.learnAheadMs ?? LEARN_AHEAD_MS);
	for (const id of cardIds) {
		const state = states.get(id);
		if (state?.suspended || (state?.buriedUntil && state.buriedUntil.getTime() > now.getTime())) continue;
		if (!state || state.fsrs.state === State.New) {
			fresh.push(id);
			continue;
		}
		const due = state.due.getTime();
		const isLearning = state.fsrs.state !== State.Review;
		if (due <= now.getTime()) (isLearning ? learning : review).push(state);
		else if (isLearning && due <= aheadUntil) learnAhead.push(state);
	}
	const byDue = (a: CardState, b: CardState) => a.due.getTime() - b.due.getTime();
	learning.sort(byDue);
	learnAhead.sort(byDue);
	review.sort(byDue);
	const newToday = fresh.slice(0, Math.max(0, options.newLimit - (options.newSeenToday ?? 0)));
	return {
		cardIds: [...learning, ...review].map((s) => s.cardId).concat(newToday, learnAhead.map((s) => s.cardId)),
		counts: { new: newToday.length, learning: learning.length + learnAhead.length, review: review.length }
	};
}

/** Start of the local day containing `now`, for "introduced today" counts. */
export function startOfDay(now: Date): Date {
	const d = new Date(now);
	d.setHours(0, 0, 0, 0);
	return d;
}
