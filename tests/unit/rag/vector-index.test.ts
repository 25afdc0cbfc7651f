import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../../../src/lib/ml/random';
import { exactIndex, hnswIndex, recallAtK } from '../../../src/lib/rag/vector-index';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('exact index', () => {
	it('ranks by cosine similarity and by 1 / (1 + Euclidean distance), skipping zero vectors', () => {
		const vectors = [v(1, 0), v(0, 1), v(0, 0), v(2, 2), v(3, 0.1)];
		const cosine = exactIndex(vectors, 'cosine').search(v(1, 0), 3);
		expect(cosine.map((s) => s.index)).toEqual([0, 4, 3]);
		expect(cosine[2]!.score).toBeCloseTo(Math.SQRT1_2, 6);
		const euclid = exactIndex(vectors, 'euclidean').search(v(1, 0), 2);
		expect(euclid.map((s) => s.index)).toEqual([0, 1]);
		expect(euclid[1]!.score).toBeCloseTo(1 / (1 + Math.SQRT2), 6);
		expect(exactIndex(vectors, 'cosine').search(v(0, 0), 3)).toEqual([]);
	});
});

describe('HNSW index', () => {
	const random = seededRandom(3);
	const dims = 16;
	const vectors = Array.from({ length: 600 }, () => Float32Array.from({ length: dims }, () => normal(random)));
	const queries = Array.from({ length: 40 }, () => Float32Array.from({ length: dims }, () => normal(random)));

	async function meanRecall(M: number, efConstruction: number, efSearch: number) {
		const exact = exactIndex(vectors, 'cosine');
		const approx = await hnswIndex(vectors, 'cosine', { M, efConstruction, efSearch });
		return queries.reduce((sum, q) => sum + recallAtK(exact.search(q, 10), approx.search(q, 10)), 0) / queries.length;
	}

	it('finds nearly all of the exact top 10 with generous settings, and fewer with small M and ef = k', async () => {
		const generous = await meanRecall(12, 64, 100);
		const tight = await meanRecall(2, 10, 10);
		expect(generous).toBeGreaterThan(0.95);
		expect(tight).toBeLessThan(generous);
	}, 30_000);

	it('returns the same neighbours on every build (seeded layers)', async () => {
		const a = await hnswIndex(vectors, 'euclidean', { M: 4, efConstruction: 20, efSearch: 10 });
		const b = await hnswIndex(vectors, 'euclidean', { M: 4, efConstruction: 20, efSearch: 10 });
		for (const q of queries.slice(0, 5)) expect(a.search(q, 10)).toEqual(b.search(q, 10));
	}, 30_000);
});

describe('recallAtK', () => {
	it('is the share of the exact results found', () => {
		expect(recallAtK([{ index: 1, score: 1 }, { index: 2, score: 1 }], [{ index: 2, score: 1 }, { index: 9, score: 1 }])).toBe(0.5);
	});
});
