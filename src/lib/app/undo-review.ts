// Undoing a review-screen action (a grade, a suspend, a bury): the card's previous state and, for a
// grade, the removal of its review-log entry go back in one transaction; then the card goes back in
// the session's queue as it was, to be shown first.
import { restoreCardState } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import type { SessionQueue } from '../study/review-queue';
import type { CardState } from '../study/scheduler';

/** What an action replaced, enough to put it back. */
export interface ReviewUndo {
	cardId: string;
	/** The card's stored state before the action; undefined if it had none (a new card). */
	previous: CardState | undefined;
	/** The review-log entry the action added, if it was a grade. */
	logId?: number;
}

export async function undoReview(db: PrepLabDb, undo: ReviewUndo, queue: SessionQueue, now: Date): Promise<void> {
	await restoreCardState(db, undo.cardId, undo.previous, undo.logId);
	queue.putBack(undo.cardId, undo.previous, now);
}
