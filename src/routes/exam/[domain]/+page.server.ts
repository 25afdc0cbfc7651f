import { error } from '@sveltejs/kit';
import { content, noteTitle } from '$lib/content/content.server';
import { renderInline, renderMarkdown } from '$lib/content/render-markdown';
import type { ExamItem } from '$lib/content/schema';
import { TRACKS, trackItems, trackOutline } from '$lib/content/tracks';
import type { ItemView } from './item-view';

export function entries() {
	return TRACKS.flatMap((t) => trackOutline(content, t)?.domains ?? []).map((d) => ({ domain: d.id }));
}

/** An item as the review page shows it: answers marked, every option explained. */
function view(item: ExamItem): ItemView {
	return {
		id: item.id,
		type: item.type,
		stem: renderInline(item.stem),
		scenario: item.scenario ? renderMarkdown(item.scenario) : null,
		options: item.options.map((o, i) => ({ text: renderInline(o.text), correct: item.type === 'ordering' ? false : o.correct, why: renderInline(o.why), position: i + 1 })),
		statements: item.statements.map((s) => ({ text: renderInline(s.text), answer: s.answer, why: renderInline(s.why) })),
		explanation: item.explanation ? renderInline(item.explanation) : '',
		note: { id: item.note, title: noteTitle(item.note) },
		source: item.source,
		items: item.items.map(view)
	};
}

export function load({ params }) {
	// A domain id belongs to one exam; its items include the other exam's items that carry over.
	const track = TRACKS.find((t) => trackOutline(content, t)?.domains.some((d) => d.id === params.domain));
	const domain = track && trackOutline(content, track)!.domains.find((d) => d.id === params.domain);
	if (!track || !domain) error(404, `No exam domain called "${params.domain}"`);
	return { domain, items: trackItems(content, track).filter((i) => i.domain === domain.id).map(view) };
}
