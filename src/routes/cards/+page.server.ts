import { content } from '$lib/content/content.server';
import { renderMarkdown } from '$lib/content/render-markdown';

export function load() {
	return {
		decks: content.decks.map((d) => ({
			id: d.id,
			title: d.title,
			description: d.description,
			cards: d.cards.map((c) => ({ id: c.id, front: renderMarkdown(c.front), back: renderMarkdown(c.back), note: c.note, tags: c.tags }))
		}))
	};
}
