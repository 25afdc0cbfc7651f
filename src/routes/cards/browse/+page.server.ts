import { content } from '$lib/content/content.server';
import { renderMarkdown } from '$lib/content/render-markdown';
import { plainText } from '$lib/search/search-docs';

export function load() {
	const noteDomain = new Map(content.notes.map((n) => [n.id, n.domain]));
	const outline = new Map((content.outline?.domains ?? []).map((d) => [d.id, d.title]));
	const domainIds = [...new Set(content.notes.map((n) => n.domain))];
	return {
		decks: content.decks.map((d) => ({ id: d.id, title: d.title })),
		/** Exam domains first (outline order), then any other (e.g. interview-prep). */
		domains: [...[...outline].map(([id, title]) => ({ id, title })), ...domainIds.filter((id) => !outline.has(id)).map((id) => ({ id, title: id[0]!.toUpperCase() + id.slice(1).replace(/-/g, ' ') }))],
		cards: content.decks.flatMap((d) =>
			d.cards.map((c) => ({
				id: c.id,
				deck: d.id,
				front: plainText(c.front),
				frontHtml: renderMarkdown(c.front),
				backHtml: renderMarkdown(c.back),
				tags: c.tags,
				note: c.note,
				domain: noteDomain.get(c.note) ?? ''
			}))
		)
	};
}
