import { error } from '@sveltejs/kit';
import { content } from '$lib/content/content.server';
import { renderInline, renderWithOutline } from '$lib/content/render-markdown';
import { INTERVIEW_DOMAIN } from '$lib/content/schema';
import { noteTracks } from '$lib/content/tracks';

export function entries() {
	return content.notes.map((n) => ({ id: n.id }));
}

export function load({ params }) {
	const note = content.notes.find((n) => n.id === params.id);
	if (!note) error(404, `No note called "${params.id}"`);
	const siblings = content.notes.filter((n) => n.domain === note.domain);
	const i = siblings.indexOf(note);
	const link = (n: (typeof siblings)[number] | undefined) => (n ? { id: n.id, title: n.title } : null);
	const domain = [...(content.outline?.domains ?? []), ...(content.ai300?.domains ?? [])].find((d) => d.id === note.domain);
	const { html, outline } = renderWithOutline(note.body);
	return {
		note: {
			id: note.id,
			title: note.title,
			domainTitle: domain?.title ?? (note.domain === INTERVIEW_DOMAIN ? 'Interview preparation' : note.domain),
			objectives: note.objectives.map(renderInline),
			sources: note.sources,
			lab: note.lab ?? null,
			tracks: noteTracks(content, note),
			ai300Skills: note.ai300Skills,
			html,
			outline
		},
		previous: link(siblings[i - 1]),
		next: link(siblings[i + 1]),
		cards: content.decks.flatMap((d) => d.cards.filter((c) => c.note === note.id).map((c) => ({ id: c.id, front: renderInline(c.front) }))),
		items: content.items
			.flatMap((it) => [it, ...it.items.map((sub) => ({ ...sub, domain: it.domain, parent: it.id }))])
			.filter((it) => it.note === note.id)
			.map((it) => ({ id: it.id, domain: it.domain, stem: it.stem, anchor: 'parent' in it ? (it.parent as string) : it.id }))
	};
}
