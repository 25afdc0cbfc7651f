// Grading the card on the review screen and moving to the next: the scheduler (ts-fsrs, time passed
// in) gives the new state, the session's queue moves on at once (the graded card comes back only if
// due again soon), and the state is written with its review-log entry in one transaction, by key,
// reading nothing back. The next card can be shown before the write settles; if the write fails,
// the card is put back in the queue as it was, to be shown first, and `saved` rejects.
import { saveReview } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import type { SessionQueue } from '../study/review-queue';
import { gradeCard, newCardState, type Grade } from '../study/scheduler';
import { cardScheduling, type StudySettings } from '../study/study-settings';
import type { ReviewUndo } from './undo-review';

export interface CardToGrade {
	cardId: string;
	grade: Grade;
	/** How long the card was shown before the grade, in milliseconds. */
	shownForMs: number;
}

export interface GradedCard {
	/** True when this grade made the card a leech (forgotten too often). */
	becameLeech: boolean;
	/** Settles once the review is stored, with what undoes it; rejects (card back in the queue) if it could not be. */
	saved: Promise<ReviewUndo>;
}

/** `settings` are the session's: the ones it opened the queue with. */
export function gradeReviewCard(db: PrepLabDb, queue: SessionQueue, card: CardToGrade, settings: StudySettings, now: Date): GradedCard {
	const stored = queue.state(card.cardId);
	const { next, log } = gradeCard(stored ?? newCardState(card.cardId, now), card.grade, now, card.shownForMs, cardScheduling(settings));
	queue.update(next, now);
	// Performance mark (visible in the browser's profiler; read by tests/bench/review-bench.ts).
	const written = performance.now();
	const saved = saveReview(db, next, log).then(
		(logId): ReviewUndo => {
			performance.measure('prep-lab:review-write', { start: written });
			return { cardId: card.cardId, previous: stored, logId };
		},
		(error: unknown) => {
			queue.putBack(card.cardId, stored, now);
			throw error;
		}
	);
	return { becameLeech: Boolean(next.leech) && !stored?.leech, saved };
}
