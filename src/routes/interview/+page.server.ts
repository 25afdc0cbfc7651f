import { content, noteTitle } from '$lib/content/content.server';
import { renderMarkdown } from '$lib/content/render-markdown';
import { CATER_PARTS } from '$lib/content/schema';

export function load() {
	return {
		questions: content.interviews.map((q) => ({
			id: q.id,
			question: q.question,
			area: q.area,
			answer: CATER_PARTS.map((part) => ({ part, html: renderMarkdown(q.answer[part]), checklist: q.checklist[part] })),
			followups: q.followups,
			pitfalls: q.pitfalls,
			notes: q.notes.map((id) => ({ id, title: noteTitle(id) }))
		}))
	};
}
