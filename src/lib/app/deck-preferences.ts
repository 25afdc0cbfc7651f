// Which decks the learner turned off on the Cards page, kept in the browser's localStorage (passed
// in). What is stored is the decks turned off, so a deck that appears later (e.g. the mistakes deck)
// starts switched on. A damaged or unreadable preference means every deck is on; a preference that
// cannot be written (storage blocked or full) is simply not kept.

/** The part of the Web Storage API this needs (localStorage in the page, a Map in tests). */
export interface PreferenceStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/** Reaching localStorage itself can throw (blocked by privacy settings), hence a function. */
type StorageAccess = () => PreferenceStorage;

const DECKS_OFF_KEY = 'prep-lab:review-decks-off';

/** The decks of `deckIds` the learner has not turned off. */
export function loadChosenDecks(storage: StorageAccess, deckIds: readonly string[]): string[] {
	let off: unknown = [];
	try {
		off = JSON.parse(storage().getItem(DECKS_OFF_KEY) ?? '[]');
	} catch {
		/* a damaged or unreadable preference: start with every deck */
	}
	return deckIds.filter((id) => !(Array.isArray(off) && off.includes(id)));
}

export function saveChosenDecks(storage: StorageAccess, deckIds: readonly string[], chosen: readonly string[]): void {
	try {
		storage().setItem(DECKS_OFF_KEY, JSON.stringify(deckIds.filter((id) => !chosen.includes(id))));
	} catch {
		/* not kept: the decks chosen still apply in this tab */
	}
}
