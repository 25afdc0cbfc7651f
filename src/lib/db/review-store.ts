import { buildReviewQueue, startOfDay } from '../study/review-queue';
import { State, type CardState, type ReviewLogEntry } from '../study/scheduler';
import type { PrepLabDb } from './schema';

export async function loadCardStates(db: PrepLabDb): Promise<Map<string, CardState>> {
	const all = await db.getAll('cardStates');
	return new Map(all.map((s) => [s.cardId, s]));
}

/** Saves the new scheduling state and its log entry together, or neither. */
export async function saveReview(db: PrepLabDb, next: CardState, log: ReviewLogEntry): Promise<void> {
	const tx = db.transaction(['cardStates', 'reviewLogs'], 'readwrite');
	await Promise.all([tx.objectStore('cardStates').put(next), tx.objectStore('reviewLogs').add({ ...log }), tx.done]);
}

/** Reviews logged since `since` (for "today" counts on the home page). */
export async function reviewsSince(db: PrepLabDb, since: Date): Promise<ReviewLogEntry[]> {
	return db.getAllFromIndex('reviewLogs', 'by-time', IDBKeyRange.lowerBound(since));
}

export const countReviews = (db: PrepLabDb): Promise<number> => db.count('reviewLogs');

/** Today's queue for the given cards: stored states plus the new cards already introduced today. */
export async function loadReviewQueue(db: PrepLabDb, cardIds: readonly string[], now: Date, newLimit: number) {
	const [states, today] = await Promise.all([loadCardStates(db), reviewsSince(db, startOfDay(now))]);
	const newSeenToday = new Set(today.filter((l) => l.stateBefore === State.New).map((l) => l.cardId)).size;
	return { states, queue: buildReviewQueue(cardIds, states, now, { newLimit, newSeenToday }) };
}
