// Undoing a review-screen action (a grade, a suspend, a bury): the card's previous state and, for a
// grade, the removal of its review-log entry go back in one transaction; the card comes up again.
import { restoreCardState } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import type { CardState } from '../study/scheduler';
import type { StudySettings } from '../study/study-settings';
import { openReviewQueue, type OpenedReviewQueue } from './review-queue';

/** What an action replaced, enough to put it back. */
export interface ReviewUndo {
	cardId: string;
	/** The card's stored state before the action; undefined if it had none (a new card). */
	previous: CardState | undefined;
	/** The review-log entry the action added, if it was a grade. */
	logId?: number;
}

/** The queue after the undo; the undone card is shown first whatever the queue says. */
export async function undoReview(db: PrepLabDb, undo: ReviewUndo, cardIds: readonly string[], settings: StudySettings, now: Date): Promise<OpenedReviewQueue> {
	await restoreCardState(db, undo.cardId, undo.previous, undo.logId);
	const queue = await openReviewQueue(db, cardIds, now, settings);
	return { ...queue, cardIds: [undo.cardId, ...queue.cardIds.filter((id) => id !== undo.cardId)] };
}
