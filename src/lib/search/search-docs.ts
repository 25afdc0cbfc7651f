// What search can find: note sections, flashcards, interview questions and exam items, as plain
// text with the URL that opens each one (note sections open at their heading). Built at build time.
import GithubSlugger from 'github-slugger';
import type { ContentBundle } from '../content/bundle';
import { sections } from '../content/read-fields';
import type { ExamItem } from '../content/schema';

export type SearchKind = 'note' | 'card' | 'interview' | 'question';

export interface SearchDoc {
	id: string;
	kind: SearchKind;
	title: string;
	text: string;
	url: string;
	/** The first words of the text, shown under a result. */
	snippet: string;
}

/** Markdown to searchable text: code fences, link targets and formatting marks removed. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, (block) => block.replace(/```\w*/g, ' '))
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`>#|]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

const snippetOf = (text: string) => (text.length > 180 ? `${text.slice(0, 177).replace(/\s+\S*$/, '')}…` : text);

function itemText(item: ExamItem): string {
	return [item.stem, item.scenario ?? '', ...item.options.map((o) => o.text), ...item.statements.map((s) => s.text), item.explanation, ...item.items.map(itemText)].join(' ');
}

/** A flashcard as search sees it (the card browser indexes the mistakes deck the same way). */
export function cardSearchDoc(cardId: string, front: string, back: string, url: string): SearchDoc {
	return { id: `card:${cardId}`, kind: 'card', title: front, text: `${front} ${back}`, url, snippet: snippetOf(back) };
}

export function buildSearchDocs(content: ContentBundle): SearchDoc[] {
	const docs: SearchDoc[] = [];
	for (const note of content.notes) {
		// Same slugs as the rendered headings (marked-gfm-heading-id uses github-slugger too).
		const slugger = new GithubSlugger();
		const intro = plainText(note.body.split(/^## /m)[0] ?? '');
		const lead = `${note.objectives.join(' ')} ${intro}`;
		docs.push({ id: `note:${note.id}`, kind: 'note', title: note.title, text: lead, url: `/notes/${note.id}`, snippet: snippetOf(plainText(note.objectives.join('; '))) });
		for (const s of sections(note.body)) {
			const text = plainText(s.text);
			const slug = slugger.slug(s.heading);
			docs.push({ id: `note:${note.id}#${slug}`, kind: 'note', title: `${note.title} › ${plainText(s.heading)}`, text, url: `/notes/${note.id}#${slug}`, snippet: snippetOf(text) });
		}
	}
	for (const deck of content.decks) {
		for (const card of deck.cards) docs.push(cardSearchDoc(card.id, plainText(card.front), plainText(card.back), `/notes/${card.note}#flashcards`));
	}
	for (const q of content.interviews) {
		const text = plainText(Object.values(q.answer).join(' '));
		docs.push({ id: `interview:${q.id}`, kind: 'interview', title: q.question, text, url: `/interview#${q.id}`, snippet: snippetOf(text) });
	}
	for (const item of content.items) {
		const text = plainText(itemText(item));
		docs.push({ id: `question:${item.id}`, kind: 'question', title: plainText(item.stem), text, url: `/exam/${item.domain}#${item.id}`, snippet: snippetOf(plainText(item.explanation || item.scenario || '')) });
	}
	return docs;
}
