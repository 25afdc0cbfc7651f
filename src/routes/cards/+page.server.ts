import { content } from '$lib/content/content.server';
import { renderMarkdown } from '$lib/content/render-markdown';

export function load() {
	return {
		decks: content.decks.map((d) => ({
			id: d.id,
			title: d.title,
			description: d.description,
			cards: d.cards.map((c) => ({ id: c.id, front: renderMarkdown(c.front), back: renderMarkdown(c.back), note: c.note, tags: c.tags }))
		})),
		// Every note's title, so a card's source reads as a title (the mistakes deck too, read from IndexedDB).
		noteTitles: Object.fromEntries(content.notes.map((n) => [n.id, n.title]))
	};
}
