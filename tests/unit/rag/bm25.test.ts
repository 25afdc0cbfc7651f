import { describe, expect, it } from 'vitest';
import { bm25Scores, bm25Search, buildBm25 } from '../../../src/lib/rag/bm25';

// Three chunks, average length 3; k1 = 1.2, b = 0.75.
// "endpoint" is in 2 of 3 chunks: idf = ln(1 + 1.5 / 2.5) = ln 1.6 ≈ 0.470004.
//   chunk 0 (tf 2, length 3, norm 1):    0.470004 · 2 · 2.2 / (2 + 1.2)       ≈ 0.646255
//   chunk 1 (tf 1, length 2, norm 0.75): 0.470004 · 1 · 2.2 / (1 + 0.9)       ≈ 0.544215
// "drift" is in 1 of 3: idf = ln(1 + 2.5 / 1.5) ≈ 0.980829.
//   chunk 2 (tf 2, length 4, norm 1.25): 0.980829 · 2 · 2.2 / (2 + 1.5)       ≈ 1.233042
const CHUNKS = [
	['endpoint', 'deploy', 'endpoint'],
	['batch', 'endpoint'],
	['drift', 'monitor', 'alert', 'drift']
];

describe('BM25', () => {
	const index = buildBm25(CHUNKS);
	const params = { k1: 1.2, b: 0.75 };

	it('scores chunks as computed by hand', () => {
		const scores = bm25Scores(index, ['endpoint'], params);
		expect(scores[0]).toBeCloseTo(0.646255, 5);
		expect(scores[1]).toBeCloseTo(0.544215, 5);
		expect(scores[2]).toBe(0);
		expect(bm25Scores(index, ['drift', 'endpoint'], params)[2]).toBeCloseTo(1.233042, 5);
	});

	it('ranks best first, leaves out chunks with no query term, and counts a repeated query term once', () => {
		expect(bm25Search(index, ['endpoint', 'endpoint'], params, 10)).toEqual([
			{ index: 0, score: expect.closeTo(0.646255, 5) },
			{ index: 1, score: expect.closeTo(0.544215, 5) }
		]);
		expect(bm25Search(index, ['kubernetes'], params, 10)).toEqual([]);
		expect(bm25Search(index, ['endpoint', 'drift'], params, 1).map((s) => s.index)).toEqual([2]);
	});

	it('with b = 0 ignores chunk length', () => {
		const flat = buildBm25([['x', 'y'], ['x', 'y', 'z', 'w', 'v', 'u']]);
		const [short, long] = bm25Scores(flat, ['x'], { k1: 1.2, b: 0 });
		const [shortB, longB] = bm25Scores(flat, ['x'], params);
		expect(shortB).toBeGreaterThan(longB!);
		expect(short).toBeCloseTo(long!, 12);
	});
});
