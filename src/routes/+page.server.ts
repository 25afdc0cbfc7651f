import { content } from '$lib/content/content.server';

export function load() {
	return {
		cardIds: content.decks.flatMap((d) => d.cards.map((c) => c.id)),
		examHeadline: typeof content.outline?.headline === 'string' ? content.outline.headline : null,
		counts: {
			notes: content.notes.length,
			cards: content.decks.reduce((s, d) => s + d.cards.length, 0),
			interviews: content.interviews.length,
			items: content.items.length
		}
	};
}
