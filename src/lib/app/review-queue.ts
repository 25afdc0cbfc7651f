// Opening the review queue for the cards a deck filter picks: the learner's study settings and
// today's queue under their new-card limit (the home page's "Today" counts the same way), or, for
// cram, every picked card in a shuffled order that changes no schedule. Grading, flagging and undo
// then change the opened queue card by card (grade-card.ts, flag-card.ts, undo-review.ts).
import { loadReviewQueue } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import { loadStudySettings } from '../db/settings-store';
import { shuffle, type Random } from '../ml/random';
import type { SessionQueue } from '../study/review-queue';
import type { StudySettings } from '../study/study-settings';

export interface OpenedReviewQueue {
	settings: StudySettings;
	queue: SessionQueue;
}

/** `settings` as already loaded for this session, or read from storage when not given. */
export async function openReviewQueue(db: PrepLabDb, cardIds: readonly string[], now: Date, settings?: StudySettings): Promise<OpenedReviewQueue> {
	const used = settings ?? (await loadStudySettings(db));
	return { settings: used, queue: await loadReviewQueue(db, cardIds, now, used.newCardsPerDay) };
}

export interface CramDeck {
	settings: StudySettings;
	/** The picked cards, due or not, shuffled. Cram reads and writes no card state. */
	cardIds: string[];
}

export async function openCramDeck(db: PrepLabDb, cardIds: readonly string[], random: Random): Promise<CramDeck> {
	return { settings: await loadStudySettings(db), cardIds: shuffle([...cardIds], random) };
}
