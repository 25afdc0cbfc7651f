// Storage for the card browser: changing many cards' states in one transaction (and putting them
// back for undo), and one card's review history through the `by-card` index.
import type { CardState } from '../study/scheduler';
import type { PrepLabDb, StoredReviewLog } from './schema';
import { abortOnError } from './transaction';

/** A card's stored state before a change; undefined when it had none (a new card). */
export type PreviousStates = Map<string, CardState | undefined>;

/**
 * Reads each card's state, asks `edit` for the new one and writes the changes, all in one
 * transaction: every card changes or none does. `edit` returns the new state, undefined to delete
 * the record, or 'unchanged'. Returns the previous state of each card that changed.
 */
export async function updateCardStates(
	db: PrepLabDb,
	cardIds: readonly string[],
	edit: (cardId: string, state: CardState | undefined) => CardState | undefined | 'unchanged'
): Promise<PreviousStates> {
	const tx = db.transaction('cardStates', 'readwrite');
	const store = tx.objectStore('cardStates');
	const previous: PreviousStates = new Map();
	// Every request made, so a failure can wait for all of them (none is left rejecting unheard).
	const requests: Promise<unknown>[] = [];
	// A refused read or write (or an edit that threw) must not let the writes already queued commit.
	await abortOnError(
		tx,
		async () => {
			for (const id of cardIds) requests.push(store.get(id)); // a refused key throws here, mid-way
			const states = (await Promise.all(requests)) as (CardState | undefined)[];
			cardIds.forEach((id, i) => {
				const next = edit(id, states[i]);
				if (next === 'unchanged' || previous.has(id)) return;
				previous.set(id, states[i]);
				requests.push(next ? store.put(next) : store.delete(id));
			});
			await Promise.all([...requests, tx.done]);
		},
		requests
	);
	return previous;
}

/** Puts every card back as it was before a change (the undo of updateCardStates), in one transaction. */
export async function restoreCardStates(db: PrepLabDb, previous: PreviousStates): Promise<void> {
	const tx = db.transaction('cardStates', 'readwrite');
	const store = tx.objectStore('cardStates');
	await Promise.all([...[...previous].map(([id, state]) => (state ? store.put(state) : store.delete(id))), tx.done]);
}

export const reviewLogsOfCard = (db: PrepLabDb, cardId: string): Promise<StoredReviewLog[]> => db.getAllFromIndex('reviewLogs', 'by-card', cardId);

/** Every stored card state and mistakes-deck record as read, unchecked: the caller validates them. */
export async function readCardRecords(db: PrepLabDb): Promise<{ states: unknown[]; mistakes: unknown[] }> {
	const tx = db.transaction(['cardStates', 'mistakes'], 'readonly');
	const [states, mistakes] = await Promise.all([tx.objectStore('cardStates').getAll(), tx.objectStore('mistakes').getAll(), tx.done]);
	return { states, mistakes };
}
