// The extractive answer: no language model runs offline, so the answer is made of retrieved
// sentences only. Each sentence of the retrieved chunks (headings and fragments under three words left
// out, repeats from overlapping chunks counted once, a chunk's first sentence left out when it starts
// in lower case: a fixed-size window cut it mid-sentence) scores the number of distinct query terms it
// holds; the best `maxSentences` with at least one are kept (ties: the better-ranked chunk, then the
// earlier sentence) and printed in retrieval-rank order, document order within a chunk, each cited.
import { sentencesOf } from './markdown-text';
import { terms, words } from './terms';
import type { Chunk, Citation } from './types';

export interface ExtractiveAnswer {
	/** The chosen sentences joined by spaces; '' when no retrieved sentence shares a term with the query. */
	answer: string;
	citations: Citation[];
}

interface Candidate {
	sentence: string;
	chunkId: string;
	rank: number;
	position: number;
	overlap: number;
}

/** Sentences of a chunk's plain text: one per line or more, headings excluded. */
export function chunkSentences(chunk: Chunk): string[] {
	return chunk.text
		.split(/\n+/)
		.filter((line) => line.trim() !== chunk.heading)
		.flatMap((line) => sentencesOf({ text: line.trim(), code: false }))
		.filter((s) => words(s).length >= 3);
}

/** @param chunks the retrieved chunks, best first */
export function extractiveAnswer(query: string, chunks: readonly Chunk[], maxSentences: number): ExtractiveAnswer {
	const wanted = new Set(terms(query));
	const seen = new Set<string>();
	const candidates: Candidate[] = [];
	chunks.forEach((chunk, rank) => {
		chunkSentences(chunk).forEach((sentence, position) => {
			if (position === 0 && /^[a-z]/.test(sentence)) return;
			const key = words(sentence).join(' ');
			if (seen.has(key)) return;
			seen.add(key);
			const overlap = new Set(terms(sentence).filter((t) => wanted.has(t))).size;
			if (overlap > 0) candidates.push({ sentence, chunkId: chunk.id, rank, position, overlap });
		});
	});
	// A sentence whose words all sit inside a longer chosen one (the tail of a sentence another
	// overlapping chunk holds whole) adds nothing.
	const picked: { candidate: Candidate; key: string }[] = [];
	for (const candidate of candidates.sort((a, b) => b.overlap - a.overlap || a.rank - b.rank || a.position - b.position)) {
		if (picked.length >= maxSentences) break;
		const key = ` ${words(candidate.sentence).join(' ')} `;
		if (picked.some((p) => p.key.includes(key))) continue;
		const inside = picked.findIndex((p) => key.includes(p.key));
		if (inside >= 0) picked.splice(inside, 1);
		picked.push({ candidate, key });
	}
	const chosen = picked
		.map((p) => p.candidate)
		.sort((a, b) => a.rank - b.rank || a.position - b.position);
	return { answer: chosen.map((c) => c.sentence).join(' '), citations: chosen.map(({ sentence, chunkId }) => ({ sentence, chunkId })) };
}
