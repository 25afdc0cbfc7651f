import { describe, expect, it } from 'vitest';
import { contextPrecision, contextRecall, hitRate, ndcg, newTargetFlags, plainPrecision, reciprocalRank, relevanceFlags, retrievalScores } from '../../../../src/lib/rag/eval/retrieval-metrics';
import type { Chunk, Retrieved } from '../../../../src/lib/rag/types';

function chunk(docId: string, n: number, section: string): Chunk {
	return { id: `${docId}#${n}`, docId, section, heading: section, text: '', tokens: 0 };
}
const CHUNKS = [chunk('endpoints', 0, 'blue-green'), chunk('endpoints', 1, 'traffic'), chunk('mlflow', 0, 'runs'), chunk('mlflow', 1, 'models'), chunk('sweeps', 0, '')];
const BY_ID = new Map(CHUNKS.map((c) => [c.id, c]));
const ranked = (...ids: string[]): Retrieved[] => ids.map((chunkId, i) => ({ chunkId, rank: i + 1, score: 1 / (i + 1) }));

describe('retrieval metrics', () => {
	it('flag chunks of a relevant document, or of its section when one is named, in rank order', () => {
		const retrieved = ranked('mlflow#0', 'endpoints#1', 'endpoints#0', 'unknown#3');
		expect(relevanceFlags(retrieved, [{ docId: 'endpoints' }], BY_ID, 10)).toEqual([0, 1, 1, 0]);
		expect(relevanceFlags(retrieved, [{ docId: 'endpoints', section: 'traffic' }], BY_ID, 10)).toEqual([0, 1, 0, 0]);
		expect(relevanceFlags([...retrieved].reverse(), [{ docId: 'endpoints' }], BY_ID, 2)).toEqual([0, 1]);
	});

	it('hit rate and reciprocal rank look at the first relevant chunk within k', () => {
		expect(hitRate([0, 0, 1])).toBe(1);
		expect(hitRate([0, 0, 0])).toBe(0);
		expect(reciprocalRank([0, 0, 1])).toBeCloseTo(1 / 3, 12);
		expect(reciprocalRank([1, 1])).toBe(1);
		expect(reciprocalRank([])).toBe(0);
	});

	it('context precision is RAGAS’s rank-weighted mean of precision@i at the relevant ranks', () => {
		// RAGAS-style example: relevance 0,0,1,1,0 → (1/3 + 2/4) / 2 = 0.41666…
		expect(contextPrecision([0, 0, 1, 1, 0])).toBeCloseTo((1 / 3 + 2 / 4) / 2, 12);
		expect(contextPrecision([1, 1, 0, 0, 0])).toBe(1);
		expect(contextPrecision([0, 0, 0])).toBe(0);
		expect(plainPrecision([0, 0, 1, 1, 0])).toBeCloseTo(0.4, 12);
		expect(plainPrecision([1, 1, 0, 0, 0])).toBeCloseTo(0.4, 12);
	});

	it('nDCG gains once per target at its first chunk, against all targets at the top', () => {
		const retrieved = ranked('sweeps#0', 'endpoints#0', 'endpoints#1', 'mlflow#1');
		const one = [{ docId: 'endpoints' }];
		expect(newTargetFlags(retrieved, one, BY_ID, 10)).toEqual([0, 1, 0, 0]);
		expect(ndcg(newTargetFlags(retrieved, one, BY_ID, 10), 1, 10)).toBeCloseTo(1 / Math.log2(3), 12);
		const two = [{ docId: 'endpoints' }, { docId: 'mlflow' }];
		// Gains at ranks 2 and 4; ideal at ranks 1 and 2.
		const expected = (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3));
		expect(ndcg(newTargetFlags(retrieved, two, BY_ID, 10), 2, 10)).toBeCloseTo(expected, 12);
		expect(ndcg([1, 0], 1, 2)).toBe(1);
		expect(ndcg([0, 0], 1, 2)).toBe(0);
		expect(ndcg([], 0, 5)).toBe(0);
	});

	it('context recall is the share of targets found within k', () => {
		const retrieved = ranked('sweeps#0', 'endpoints#1', 'mlflow#1');
		const targets = [{ docId: 'endpoints', section: 'traffic' }, { docId: 'mlflow', section: 'runs' }];
		expect(contextRecall(retrieved, targets, BY_ID, 10)).toBe(0.5);
		expect(contextRecall(retrieved, targets, BY_ID, 1)).toBe(0);
		expect(contextRecall(retrieved, [], BY_ID, 10)).toBe(0);
	});

	it('retrievalScores keys every retrieval metric', () => {
		const s = retrievalScores(ranked('endpoints#0', 'mlflow#0'), [{ docId: 'endpoints' }], BY_ID, 5);
		expect(s).toEqual({ hit_rate: 1, mrr: 1, ndcg: 1, context_precision: 1, context_recall: 1 });
	});
});
