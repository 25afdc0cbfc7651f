// Okapi BM25 over chunks' retrieval terms (terms.ts). For a query term t and chunk d:
//   idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))      (Lucene's form: never negative)
//   score  = Σ_t idf(t) · tf(t,d) · (k1 + 1) / (tf(t,d) + k1 · (1 − b + b · |d| / avgdl))
// N chunks, n(t) chunks holding t, |d| the chunk's term count, avgdl the mean of |d|. A term repeated
// in the query counts once (a rewritten query may repeat words).

/** What BM25 knows of the chunks; k1 and b are given per search, so changing them needs no rebuild. */
export interface Bm25Index {
	lengths: Uint32Array;
	avgLength: number;
	/** term → [chunk index, term frequency] pairs, chunk indices ascending. */
	postings: Map<string, [number, number][]>;
}

export interface Scored {
	/** Position of the chunk in the index. */
	index: number;
	score: number;
}

export interface Bm25Params {
	k1: number;
	b: number;
}

export function buildBm25(chunkTerms: readonly (readonly string[])[]): Bm25Index {
	const postings = new Map<string, [number, number][]>();
	const lengths = new Uint32Array(chunkTerms.length);
	chunkTerms.forEach((terms, i) => {
		lengths[i] = terms.length;
		const tf = new Map<string, number>();
		for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
		for (const [t, f] of tf) {
			let list = postings.get(t);
			if (!list) postings.set(t, (list = []));
			list.push([i, f]);
		}
	});
	const total = lengths.reduce((a, b) => a + b, 0);
	return { lengths, avgLength: chunkTerms.length > 0 ? total / chunkTerms.length : 0, postings };
}

export function bm25Idf(index: Bm25Index, term: string): number {
	const n = index.postings.get(term)?.length ?? 0;
	const N = index.lengths.length;
	return Math.log(1 + (N - n + 0.5) / (n + 0.5));
}

/** Every chunk's score for the query terms (0 where no term matches). */
export function bm25Scores(index: Bm25Index, queryTerms: readonly string[], { k1, b }: Bm25Params): Float64Array {
	const scores = new Float64Array(index.lengths.length);
	const { avgLength } = index;
	for (const term of new Set(queryTerms)) {
		const list = index.postings.get(term);
		if (!list) continue;
		const idf = bm25Idf(index, term);
		for (const [i, tf] of list) {
			const norm = avgLength > 0 ? 1 - b + (b * index.lengths[i]!) / avgLength : 1;
			scores[i]! += (idf * tf * (k1 + 1)) / (tf + k1 * norm);
		}
	}
	return scores;
}

/** The `k` best chunks with a score above 0, best first; equal scores keep chunk order. */
export function topScored(scores: ArrayLike<number>, k: number): Scored[] {
	const out: Scored[] = [];
	for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) out.push({ index: i, score: scores[i]! });
	return out.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

export function bm25Search(index: Bm25Index, queryTerms: readonly string[], params: Bm25Params, k: number): Scored[] {
	return topScored(bm25Scores(index, queryTerms, params), k);
}
