// The evaluation dataset built from Prep Lab's own content: every exam item and card names the note
// it comes from, so its question has a known relevant document, and its answer a reference text.
//
// - Single, multiple and ordering items: query = the stem without exam boilerplate ("Choose two.",
//   "Put the steps in order."…); ground truth = the correct option(s) (in order, for ordering) followed
//   by the explanation. Both, because the explanation alone often states the principle without
//   naming the answer, and the option alone is a short imperative with few words a note sentence
//   shares; together they read like a good answer, so F1/ROUGE/BLEU measure how much of it the
//   extractive answer recovers. Measured on 123 sampled items (BM25, heading chunks, k = 5, a
//   three-sentence extractive answer): F1 0.13 against both, 0.10 against the explanation only, 0.05
//   against the option only, with ROUGE-1 recall 0.55 / 0.55 / 0.63, so the longer reference
//   separates answers better without being harder to recall.
// - Yes/no items: one example per statement (the stem is only boilerplate); query = the statement,
//   ground truth = its "why" then the explanation.
// - Case studies: each sub-item as above; the scenario is left out (long and shared by all sub-items).
// - Cards: query = front, ground truth = back.
// Relevant = the note, narrowed to a section when the source URL's anchor or the explanation names
// one of the note's headings. Ids are stable: `item:<id>`, `item:<id>:s<n>` (statement n from 1),
// `card:<deck>/<card>`. Items or cards whose note does not exist are skipped and listed.
import type { Deck, ExamItem, Note } from '../../content/schema';
import { seededRandom, shuffle } from '../../ml/random';
import { markdownSections } from '../markdown-text';
import type { EvalExample } from '../types';

export interface ContentForDataset {
	notes: readonly Pick<Note, 'id' | 'body'>[];
	items: readonly ExamItem[];
	decks: readonly Pick<Deck, 'cards'>[];
}

export interface ContentDataset {
	examples: EvalExample[];
	/** What was left out because its note does not exist. */
	skipped: { id: string; note: string }[];
}

/** Exam phrasing that says how to answer, not what is asked. */
const BOILERPLATE = [
	/\(?Choose (two|three|four)\.?\)?/gi,
	/Each correct answer presents (a complete solution|part of the solution)\./gi,
	/Select all that apply\./gi,
	/NOTE: Each correct selection is worth one point\./gi,
	/Put the (steps|actions) in (the correct )?order\./gi,
	/For each (of the following )?statement[^.]*?, select Yes if [^.]*\./gi,
	/Otherwise, select No\./gi
];

/** Markdown emphasis and code marks removed, white space collapsed. */
export function plainText(markdown: string): string {
	return markdown.replace(/`+/g, '').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** The stem as a question: boilerplate removed. */
export function queryFromStem(stem: string): string {
	return plainText(BOILERPLATE.reduce((s, re) => s.replace(re, ' '), stem));
}

function sentence(text: string): string {
	const t = plainText(text);
	return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

interface NoteSections {
	slugs: Set<string>;
	headings: { slug: string; text: string }[];
}

/** The section an item points at: its source URL's anchor when it is a heading slug of the note, else a heading (of 12 characters or more) its explanation quotes. */
function sectionOf(item: ExamItem, note: NoteSections): string | undefined {
	const anchor = /#([^#?]+)$/.exec(item.source)?.[1];
	if (anchor && note.slugs.has(anchor)) return anchor;
	const explanation = item.explanation.toLowerCase();
	return note.headings.find((h) => h.text.length >= 12 && explanation.includes(h.text.toLowerCase()))?.slug;
}

function itemExamples(item: ExamItem, note: NoteSections): EvalExample[] {
	const section = sectionOf(item, note);
	const relevant = [{ docId: item.note, ...(section ? { section } : {}) }];
	if (item.type === 'yesno') {
		return item.statements.map((s, i) => ({
			id: `item:${item.id}:s${i + 1}`,
			query: plainText(s.text),
			groundTruth: [sentence(s.why), sentence(item.explanation)].filter((t) => t !== '').join(' '),
			relevant
		}));
	}
	const answers = item.type === 'ordering' ? item.options : item.options.filter((o) => o.correct);
	const query = queryFromStem(item.stem);
	if (query === '') return [];
	return [{ id: `item:${item.id}`, query, groundTruth: [...answers.map((o) => sentence(o.text)), sentence(item.explanation)].filter((t) => t !== '').join(' '), relevant }];
}

/** Every question the content offers, in content order (items, then cards). */
export function datasetFromContent(content: ContentForDataset): ContentDataset {
	const notes = new Map<string, NoteSections>();
	for (const n of content.notes) {
		const sections = markdownSections(n.body).filter((s) => s.slug !== '');
		notes.set(n.id, { slugs: new Set(sections.map((s) => s.slug)), headings: sections.map((s) => ({ slug: s.slug, text: s.heading })) });
	}
	const examples: EvalExample[] = [];
	const skipped: ContentDataset['skipped'] = [];
	const add = (item: ExamItem) => {
		const note = notes.get(item.note);
		if (note) examples.push(...itemExamples(item, note));
		else skipped.push({ id: `item:${item.id}`, note: item.note });
	};
	for (const item of content.items) {
		if (item.type === 'case') item.items.forEach(add);
		else add(item);
	}
	for (const card of content.decks.flatMap((d) => d.cards)) {
		if (!notes.has(card.note)) skipped.push({ id: `card:${card.id}`, note: card.note });
		else examples.push({ id: `card:${card.id}`, query: plainText(card.front), groundTruth: plainText(card.back), relevant: [{ docId: card.note }] });
	}
	return { examples, skipped };
}

/** A seeded sample of n examples (all of them when n is not smaller), kept in dataset order. */
export function sampleExamples(examples: readonly EvalExample[], n: number, seed: number): EvalExample[] {
	if (n >= examples.length) return [...examples];
	const picked = new Set(shuffle([...examples.keys()], seededRandom(seed)).slice(0, Math.max(0, n)));
	return examples.filter((_, i) => picked.has(i));
}
