// An interview question as the interview pages show it: the model answer compiled from markdown
// at build time, part by part, with that part's checklist.
import { noteTitle } from '$lib/content/content.server';
import { renderMarkdown } from '$lib/content/render-markdown';
import { CATER_PARTS, type InterviewQuestion } from '$lib/content/schema';

export function questionView(q: InterviewQuestion) {
	return {
		id: q.id,
		question: q.question,
		area: q.area,
		answer: CATER_PARTS.map((part) => ({ part, html: renderMarkdown(q.answer[part]), checklist: q.checklist[part] })),
		checklist: q.checklist,
		followups: q.followups,
		pitfalls: q.pitfalls,
		notes: q.notes.map((id) => ({ id, title: noteTitle(id) }))
	};
}
