import { content } from '$lib/content/content.server';
import { noteTracks } from '$lib/content/tracks';
import { renderMarkdown } from '$lib/content/render-markdown';
import { plainText } from '$lib/search/search-docs';

export function load() {
	const notes = new Map(content.notes.map((n) => [n.id, n]));
	// Both exams' domains by title: DP-100's, then AI-300's (a note belongs to one of them or to interview-prep).
	const outline = new Map([...(content.outline?.domains ?? []), ...(content.ai300?.domains ?? [])].map((d) => [d.id, d.title]));
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
				domain: notes.get(c.note)?.domain ?? '',
				/** The exams the card serves: its note's. */
				tracks: notes.has(c.note) ? noteTracks(content, notes.get(c.note)!) : []
			}))
		)
	};
}
