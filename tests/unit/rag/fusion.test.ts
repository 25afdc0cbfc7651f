import { describe, expect, it } from 'vitest';
import { maximalMarginalRelevance, reciprocalRankFusion } from '../../../src/lib/rag/fusion';
import type { Retrieved } from '../../../src/lib/rag/types';

const list = (...ids: string[]): Retrieved[] => ids.map((chunkId, i) => ({ chunkId, score: 10 - i, rank: i + 1 }));

describe('reciprocal-rank fusion', () => {
	it('sums 1 / (k + rank) over the lists (hand-computed with k = 60)', () => {
		const fused = reciprocalRankFusion([list('a', 'b', 'c'), list('c', 'a', 'd')], 60, 10);
		// a: 1/61 + 1/62; c: 1/63 + 1/61; b: 1/62; d: 1/63
		expect(fused.map((r) => r.chunkId)).toEqual(['a', 'c', 'b', 'd']);
		expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
		expect(fused[1]!.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
		expect(fused[3]!.score).toBeCloseTo(1 / 63, 12);
		expect(fused.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
	});

	it('breaks equal fused scores by best single rank, then id, and keeps only the limit', () => {
		// x and y each appear once at rank 1 → equal scores; then by id.
		expect(reciprocalRankFusion([list('y', 'z'), list('x')], 60, 2).map((r) => r.chunkId)).toEqual(['x', 'y']);
	});
});

describe('maximal marginal relevance', () => {
	// a and b are near duplicates; c is different and slightly less relevant.
	const candidates: Retrieved[] = [
		{ chunkId: 'a', score: 3.0, rank: 1 },
		{ chunkId: 'b', score: 2.9, rank: 2 },
		{ chunkId: 'c', score: 2.5, rank: 3 },
		{ chunkId: 'd', score: 1.0, rank: 4 }
	];
	const sim = (x: string, y: string) => ((x === 'a' && y === 'b') || (x === 'b' && y === 'a') ? 0.98 : 0.1);

	it('prefers a diverse second result over a near duplicate', () => {
		const reranked = maximalMarginalRelevance(candidates, sim, 0.5, 3);
		expect(reranked.map((r) => r.chunkId)).toEqual(['a', 'c', 'b']);
		expect(reranked.map((r) => r.rank)).toEqual([1, 2, 3]);
		expect(reranked[1]!.score).toBe(2.5);
	});

	it('with λ = 1 keeps the relevance order', () => {
		expect(maximalMarginalRelevance(candidates, sim, 1, 4).map((r) => r.chunkId)).toEqual(['a', 'b', 'c', 'd']);
	});
});
