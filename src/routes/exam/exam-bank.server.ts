// Both exams' practice items, compiled to HTML at build time from repository content: what
// /exam/bank.json serves (one prerendered file, precached once) to the practice and attempt pages.
import { skillLines } from '$lib/content/bank-lint';
import { content, noteTitle } from '$lib/content/content.server';
import { renderInline, renderMarkdown } from '$lib/content/render-markdown';
import type { ExamItem } from '$lib/content/schema';
import { byTrack, trackItems, trackOutline } from '$lib/content/tracks';
import { mistakeCard } from '$lib/study/mistake-card';
import type { ExamBank } from './exam-bank';
import type { PracticeDomain, PracticeItem } from './practice/practice-item';

function view(item: ExamItem, caseItem: ExamItem | null = null): PracticeItem {
	return {
		id: item.id,
		type: item.type,
		domain: item.domain,
		stem: renderInline(item.stem),
		scenario: item.scenario ? renderMarkdown(item.scenario) : null,
		options: item.options.map((o) => ({ text: renderInline(o.text), why: renderInline(o.why), correct: o.correct })),
		statements: item.statements.map((s) => ({ text: renderInline(s.text), why: renderInline(s.why), answer: s.answer })),
		explanation: item.explanation ? renderInline(item.explanation) : '',
		note: { id: item.note, title: noteTitle(item.note) },
		skill: item.skill || caseItem?.skill || '',
		source: item.source || caseItem?.source || '',
		items: item.items.map((sub) => view(sub, item)),
		mistake: item.type === 'case' ? null : mistakeCard(item, caseItem)
	};
}

/** Each exam's domains, items (in that exam's domains and task lines) and task lines. */
export function examBank(): ExamBank {
	return byTrack((t) => {
		const outline = trackOutline(content, t);
		const domains: PracticeDomain[] = (outline?.domains ?? []).map((d) => ({ id: d.id, title: d.title, weight: d.weight }));
		return { exam: outline?.exam ?? t, domains, items: trackItems(content, t).map((i) => view(i)), skillLines: outline ? skillLines(outline) : [] };
	});
}
