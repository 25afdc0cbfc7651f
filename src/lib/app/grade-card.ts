// Grading the card on the review screen and moving to the next: the scheduler (ts-fsrs, time passed
// in) gives the new state, which is written with its review-log entry in one transaction; then the
// queue is read again. The result says what to undo and whether the card just became a leech.
import { saveReview } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import { gradeCard, newCardState, type CardState, type Grade } from '../study/scheduler';
import { cardScheduling, type StudySettings } from '../study/study-settings';
import { openReviewQueue, type OpenedReviewQueue } from './review-queue';
import type { ReviewUndo } from './undo-review';

export interface CardToGrade {
	cardId: string;
	/** Its stored state; undefined for a new card. */
	stored: CardState | undefined;
	grade: Grade;
	/** How long the card was shown before the grade, in milliseconds. */
	shownForMs: number;
}

export interface GradedCard {
	undo: ReviewUndo;
	/** True when this grade made the card a leech (forgotten too often). */
	becameLeech: boolean;
	/** The queue after the grade. */
	queue: OpenedReviewQueue;
}

/** `cardIds` and `settings` are the session's: the cards its deck filter picks and the settings it opened with. */
export async function gradeReviewCard(db: PrepLabDb, card: CardToGrade, cardIds: readonly string[], settings: StudySettings, now: Date): Promise<GradedCard> {
	const { next, log } = gradeCard(card.stored ?? newCardState(card.cardId, now), card.grade, now, card.shownForMs, cardScheduling(settings));
	// Performance mark (visible in the browser's profiler; read by tests/bench/review-bench.ts).
	const written = performance.now();
	const logId = await saveReview(db, next, log);
	performance.measure('prep-lab:review-write', { start: written });
	return {
		undo: { cardId: card.cardId, previous: card.stored, logId },
		becameLeech: Boolean(next.leech) && !card.stored?.leech,
		queue: await openReviewQueue(db, cardIds, now, settings)
	};
}
