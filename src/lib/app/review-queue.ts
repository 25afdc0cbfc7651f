// Opening the review queue for the cards a deck filter picks: the learner's study settings and
// today's queue under their new-card limit (the home page's "Today" counts the same way), or, for
// cram, every picked card in a shuffled order that changes no schedule.
import { loadReviewQueue } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import { loadStudySettings } from '../db/settings-store';
import { shuffle, type Random } from '../ml/random';
import type { ReviewQueue } from '../study/review-queue';
import type { CardState } from '../study/scheduler';
import type { StudySettings } from '../study/study-settings';

export interface OpenedReviewQueue extends ReviewQueue {
	settings: StudySettings;
	/** Stored states of the cards in the queue (a card without one is new). */
	states: Map<string, CardState>;
}

/** `settings` as already loaded for this session, or read from storage when not given. */
export async function openReviewQueue(db: PrepLabDb, cardIds: readonly string[], now: Date, settings?: StudySettings): Promise<OpenedReviewQueue> {
	const used = settings ?? (await loadStudySettings(db));
	const { states, queue } = await loadReviewQueue(db, cardIds, now, used.newCardsPerDay);
	return { settings: used, states, counts: queue.counts, cardIds: queue.cardIds };
}

export interface CramDeck {
	settings: StudySettings;
	/** The picked cards, due or not, shuffled. Cram reads and writes no card state. */
	cardIds: string[];
}

export async function openCramDeck(db: PrepLabDb, cardIds: readonly string[], random: Random): Promise<CramDeck> {
	return { settings: await loadStudySettings(db), cardIds: shuffle([...cardIds], random) };
}
