// The decks the Cards page studies: the content decks (HTML rendered at build time) and the
// mistakes deck (plain text from practice exams), and which cards a deck and tag filter picks.

export interface StudyCard {
	id: string;
	front: string;
	back: string;
	note: string;
	tags: string[];
	/** Plain text (the mistakes deck, read from storage): shown as text, never as HTML. */
	plain?: boolean;
}

export interface StudyDeck {
	id: string;
	title: string;
	cards: StudyCard[];
}

/** The deck of practice-exam items answered wrong. */
export const MISTAKES_DECK_ID = 'mistakes';

/** The cards of the chosen decks, optionally only those with `tag`. */
export function chosenCards(decks: readonly StudyDeck[], chosen: readonly string[], tag = ''): StudyCard[] {
	return decks.filter((d) => chosen.includes(d.id)).flatMap((d) => d.cards.filter((c) => !tag || c.tags.includes(tag)));
}

/** Every tag on the chosen decks' cards, sorted. */
export function chosenTags(decks: readonly StudyDeck[], chosen: readonly string[]): string[] {
	return [...new Set(chosenCards(decks, chosen).flatMap((c) => c.tags))].sort();
}
