import { LEARN_AHEAD_MS, SessionQueue, startOfDay } from '../study/review-queue';
import { State, type CardState, type ReviewLogEntry } from '../study/scheduler';
import type { PrepLabDb } from './schema';
import { keepReadable } from './record-checks';

/** Readable card states by card id; unreadable ones are named in `skipped`. */
export async function loadCardStates(db: PrepLabDb, skipped?: string[]): Promise<Map<string, CardState>> {
	const all = keepReadable<CardState>('cardStates', await db.getAll('cardStates'), skipped);
	return new Map(all.map((s) => [s.cardId, s]));
}

/** Saves the new scheduling state and its log entry together, or neither; returns the log's id. */
export async function saveReview(db: PrepLabDb, next: CardState, log: ReviewLogEntry): Promise<number> {
	const tx = db.transaction(['cardStates', 'reviewLogs'], 'readwrite');
	const written = Promise.all([tx.objectStore('cardStates').put(next), tx.objectStore('reviewLogs').add({ ...log }), tx.done]);
	// Committed now rather than when the requests' results come back: the shortest time in which a
	// tab closed right after a grade could still lose it.
	try {
		tx.commit();
	} catch {
		// Already aborted (a full disk): `written` rejects with the reason.
	}
	const [, id] = await written;
	return id;
}

/** Stores a card's flags (suspend, bury, leech) without a review. */
export const saveCardState = (db: PrepLabDb, state: CardState) => db.put('cardStates', state);

/**
 * Puts a card back exactly as it was before an action: its previous state (or none, for a card
 * that was new) and, for a review, the removal of that review's log entry. One transaction.
 */
export async function restoreCardState(db: PrepLabDb, cardId: string, previous: CardState | undefined, logId?: number): Promise<void> {
	const tx = db.transaction(['cardStates', 'reviewLogs'], 'readwrite');
	const states = tx.objectStore('cardStates');
	await Promise.all([
		previous ? states.put(previous) : states.delete(cardId),
		logId === undefined ? Promise.resolve() : tx.objectStore('reviewLogs').delete(logId),
		tx.done
	]);
}

export const allReviewLogs = async (db: PrepLabDb, skipped?: string[]): Promise<ReviewLogEntry[]> => keepReadable('reviewLogs', await db.getAll('reviewLogs'), skipped);

/** Reviews logged since `since` (for "today" counts on the home page). */
export async function reviewsSince(db: PrepLabDb, since: Date): Promise<ReviewLogEntry[]> {
	return db.getAllFromIndex('reviewLogs', 'by-time', IDBKeyRange.lowerBound(since));
}

export const countReviews = (db: PrepLabDb): Promise<number> => db.count('reviewLogs');

/**
 * Today's queue for the given cards. Only states due by the learn-ahead limit are read (through the
 * by-due index) plus the keys of all states, so the cost stays small with tens of thousands of cards.
 * A session then changes the queue card by card (SessionQueue) instead of reading it again.
 */
export async function loadReviewQueue(db: PrepLabDb, cardIds: readonly string[], now: Date, newLimit: number): Promise<SessionQueue> {
	const horizon = new Date(now.getTime() + LEARN_AHEAD_MS);
	const [keys, due, today] = await Promise.all([
		db.getAllKeys('cardStates'),
		db.getAllFromIndex('cardStates', 'by-due', IDBKeyRange.upperBound(horizon)),
		reviewsSince(db, startOfDay(now))
	]);
	// An unreadable state keeps its card out of the queue (its key is there); the card browser names it.
	const states = new Map(keepReadable<CardState>('cardStates', due).map((s) => [s.cardId, s]));
	// Cards with a stored state that is not due yet are simply not in today's queue.
	const withState = new Set(keys);
	const candidates = cardIds.filter((id) => states.has(id) || !withState.has(id));
	// Mock interviews log reviews too; only these cards count toward their new-card limit.
	const ids = new Set(cardIds);
	const newSeenToday = new Set(today.filter((l) => l.stateBefore === State.New && ids.has(l.cardId)).map((l) => l.cardId)).size;
	return new SessionQueue(candidates, states, now, { newLimit, newSeenToday });
}
