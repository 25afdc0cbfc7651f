// Combining and re-ordering retrieved lists.
// Reciprocal-rank fusion (Cormack, Clarke and Büttcher 2009): a chunk's fused score is
// Σ 1 / (rrfK + rank) over the lists that hold it, so agreement between retrievers counts and the
// retrievers' incomparable raw scores never do. Ties: best single rank, then chunk id.
// Maximal marginal relevance (Carbonell and Goldstein 1998): pick, one at a time, the candidate that
// maximises λ·relevance − (1 − λ)·(highest similarity to anything already picked); relevance is the
// retriever's score scaled to 0–1 over the candidates, similarity the cosine of the chunks' vectors.
import type { Retrieved } from './types';

export function reciprocalRankFusion(lists: readonly (readonly Retrieved[])[], rrfK: number, limit: number): Retrieved[] {
	const fused = new Map<string, { score: number; best: number }>();
	for (const list of lists) {
		for (const r of list) {
			const entry = fused.get(r.chunkId) ?? { score: 0, best: Infinity };
			entry.score += 1 / (rrfK + r.rank);
			entry.best = Math.min(entry.best, r.rank);
			fused.set(r.chunkId, entry);
		}
	}
	return [...fused]
		.sort(([idA, a], [idB, b]) => b.score - a.score || a.best - b.best || (idA < idB ? -1 : idA > idB ? 1 : 0))
		.slice(0, limit)
		.map(([chunkId, { score }], i) => ({ chunkId, score, rank: i + 1 }));
}

/**
 * Re-ranks `candidates` (best first) by MMR and keeps `limit`; each keeps its retriever score, ranks
 * are renumbered. `similarity(a, b)` compares two chunk ids (0 when either has no vector).
 */
export function maximalMarginalRelevance(candidates: readonly Retrieved[], similarity: (a: string, b: string) => number, lambda: number, limit: number): Retrieved[] {
	if (candidates.length === 0) return [];
	const scores = candidates.map((c) => c.score);
	const lo = Math.min(...scores);
	const span = Math.max(...scores) - lo;
	const relevance = new Map(candidates.map((c) => [c.chunkId, span > 0 ? (c.score - lo) / span : 1]));
	const picked: Retrieved[] = [];
	const left = [...candidates];
	while (picked.length < limit && left.length > 0) {
		let bestAt = 0;
		let bestValue = -Infinity;
		left.forEach((c, i) => {
			const redundancy = picked.length === 0 ? 0 : Math.max(...picked.map((p) => similarity(c.chunkId, p.chunkId)));
			const value = lambda * relevance.get(c.chunkId)! - (1 - lambda) * redundancy;
			if (value > bestValue) {
				bestValue = value;
				bestAt = i;
			}
		});
		picked.push(left.splice(bestAt, 1)[0]!);
	}
	return picked.map((r, i) => ({ ...r, rank: i + 1 }));
}
