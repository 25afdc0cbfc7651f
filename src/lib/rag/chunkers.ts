// Cutting the corpus into chunks, the unit a retriever returns. Three strategies (types.ts):
// - heading: one chunk per section; a section over HEADING_MAX_TOKENS is cut between blocks
//   (paragraphs, list items, rows), each piece repeating the heading line;
// - fixed: windows of `size` o200k tokens over the whole document's plain text (sections joined by
//   blank lines), each starting `size − round(overlap × size)` tokens after the previous one, so
//   consecutive chunks share exactly `round(overlap × size)` tokens; windows may cross headings;
// - sentences: windows of `window` sentences moving by `stride`; headings are not sentences.
// A chunk's section is the one holding its first character (fixed) or first sentence (sentences).
import type { Chunk, ChunkStrategy, CorpusDoc } from './types';
import { markdownSections, sectionSentences, sectionText, type TextSection } from './markdown-text';
import { countTokens, detokenize, tokenize } from './tokens';

export const HEADING_MAX_TOKENS = 512;

/** [start, end) token ranges of fixed windows over `length` tokens (every token covered, none empty). */
export function fixedWindows(length: number, size: number, overlap: number): [number, number][] {
	const step = size - Math.round(overlap * size);
	if (!Number.isInteger(size) || size < 1 || step < 1) throw new RangeError(`fixed chunking needs a whole size ≥ 1 and an overlap below 1 (size ${size}, overlap ${overlap})`);
	const windows: [number, number][] = [];
	for (let start = 0; start < length; start += step) {
		const end = Math.min(length, start + size);
		windows.push([start, end]);
		if (end === length) break;
	}
	return windows;
}

/** Start indices of sentence windows over `length` sentences (the last window ends at the last sentence). */
export function sentenceWindows(length: number, window: number, stride: number): [number, number][] {
	if (!Number.isInteger(window) || !Number.isInteger(stride) || window < 1 || stride < 1 || stride > window) {
		throw new RangeError(`sentence chunking needs whole numbers with 1 ≤ stride ≤ window (window ${window}, stride ${stride})`);
	}
	const windows: [number, number][] = [];
	for (let start = 0; start < length; start += stride) {
		const end = Math.min(length, start + window);
		windows.push([start, end]);
		if (end === length) break;
	}
	return windows;
}

interface Piece {
	section: TextSection;
	text: string;
}

function headingPieces(sections: TextSection[]): Piece[] {
	const pieces: Piece[] = [];
	for (const section of sections) {
		const whole = sectionText(section);
		if (countTokens(whole) <= HEADING_MAX_TOKENS) {
			pieces.push({ section, text: whole });
			continue;
		}
		let current: string[] = [];
		const flush = () => {
			if (current.length > 0) pieces.push({ section, text: [section.heading, ...current].filter((t) => t !== '').join('\n\n') });
			current = [];
		};
		for (const block of section.blocks) {
			const next = [section.heading, ...current, block.text].join('\n\n');
			if (current.length > 0 && countTokens(next) > HEADING_MAX_TOKENS) flush();
			current.push(block.text);
		}
		flush();
	}
	return pieces;
}

function fixedPieces(sections: TextSection[], size: number, overlap: number): Piece[] {
	const texts = sections.map(sectionText);
	const starts: number[] = [];
	let offset = 0;
	for (const t of texts) {
		starts.push(offset);
		offset += t.length + 2;
	}
	const tokens = tokenize(texts.join('\n\n'));
	return fixedWindows(tokens.length, size, overlap).map(([start, end]) => {
		const before = detokenize(tokens.slice(0, start));
		const raw = detokenize(tokens.slice(start, end));
		const first = before.length + (raw.length - raw.trimStart().length);
		let index = 0;
		while (index + 1 < starts.length && starts[index + 1]! <= first) index++;
		return { section: sections[index]!, text: raw.trim() };
	});
}

function sentencePieces(sections: TextSection[], window: number, stride: number): Piece[] {
	const sentences = sections.flatMap((section) => sectionSentences(section).map((text) => ({ section, text })));
	return sentenceWindows(sentences.length, window, stride).map(([start, end]) => ({
		section: sentences[start]!.section,
		text: sentences
			.slice(start, end)
			.map((s) => s.text)
			.join(' ')
	}));
}

function piecesOf(markdown: string, strategy: ChunkStrategy): Piece[] {
	const sections = markdownSections(markdown);
	if (strategy.kind === 'heading') return headingPieces(sections);
	if (strategy.kind === 'fixed') return fixedPieces(sections, strategy.size, strategy.overlap);
	return sentencePieces(sections, strategy.window, strategy.stride);
}

/** Chunks of every document, in corpus order; ids `<docId>#<n>`; no chunk is empty. */
export function chunkCorpus(docs: readonly CorpusDoc[], strategy: ChunkStrategy): Chunk[] {
	return docs.flatMap((doc) =>
		piecesOf(doc.text, strategy)
			.filter((p) => p.text !== '')
			.map((p, n) => ({ id: `${doc.id}#${n}`, docId: doc.id, section: p.section.slug, heading: p.section.heading, text: p.text, tokens: countTokens(p.text) }))
	);
}
