import { error } from '@sveltejs/kit';
import { content, noteTitle } from '$lib/content/content.server';
import { renderInline, renderMarkdown } from '$lib/content/render-markdown';
import type { ExamItem } from '$lib/content/schema';
import type { ItemView } from './item-view';

export function entries() {
	return (content.outline?.domains ?? []).map((d) => ({ domain: d.id }));
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
	const domain = content.outline?.domains.find((d) => d.id === params.domain);
	if (!domain) error(404, `No exam domain called "${params.domain}"`);
	return { domain, items: content.items.filter((i) => i.domain === domain.id).map(view) };
}
