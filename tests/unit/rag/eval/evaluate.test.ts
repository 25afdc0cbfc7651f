import { describe, expect, it } from 'vitest';
import { evaluateRag, traceLatency } from '../../../../src/lib/rag/eval/evaluate';
import type { Chunk, EvalExample, RagAnswer, Span } from '../../../../src/lib/rag/types';

const CHUNKS: Chunk[] = [
	{ id: 'endpoints#0', docId: 'endpoints', section: 'online', heading: 'Online', text: 'A managed online endpoint serves real-time requests.', tokens: 9 },
	{ id: 'endpoints#1', docId: 'endpoints', section: 'batch', heading: 'Batch', text: 'A batch endpoint scores files on a schedule.', tokens: 9 },
	{ id: 'mlflow#0', docId: 'mlflow', section: 'runs', heading: 'Runs', text: 'MLflow logs parameters and metrics of each run.', tokens: 9 }
];
const BY_ID = new Map(CHUNKS.map((c) => [c.id, c]));

const EXAMPLES: EvalExample[] = [
	{ id: 'q1', query: 'What serves real-time requests?', groundTruth: 'A managed online endpoint serves real-time requests.', relevant: [{ docId: 'endpoints', section: 'online' }] },
	{ id: 'q2', query: 'What does MLflow log?', groundTruth: 'MLflow logs parameters and metrics.', relevant: [{ docId: 'mlflow' }] },
	{ id: 'q3', query: 'Free question without labels', groundTruth: '', relevant: [] }
];

/** A fake system: fixed retrievals and answers per question, a trace with a root span and two children. */
function fakeAnswer(plan: Record<string, { ids: string[]; latency: number }>) {
	return (query: string): RagAnswer => {
		const { ids, latency } = plan[query]!;
		const chunks = ids.map((id) => BY_ID.get(id)!);
		const answer = chunks[0]!.text;
		const spans: Span[] = [
			{ spanId: 'a', name: 'rag.answer', startMs: 0, durationMs: latency, attributes: {} },
			{ spanId: 'b', parentId: 'a', name: 'retrieve.bm25', startMs: 0, durationMs: latency * 0.6, attributes: {} },
			{ spanId: 'c', parentId: 'a', name: 'compose', startMs: latency * 0.6, durationMs: latency * 0.4, attributes: {} }
		];
		return {
			question: query,
			retrieved: ids.map((chunkId, i) => ({ chunkId, rank: i + 1, score: 1 - i / 10 })),
			answer,
			citations: [{ sentence: answer, chunkId: ids[0]! }],
			prompt: { system: 'Answer from the context.', context: chunks.map((c) => c.text).join('\n'), user: query, tokens: 100 },
			costUsd: 0.0002,
			trace: { traceId: `t-${query.length}`, question: query, spans }
		};
	};
}

const PLAN = {
	'What serves real-time requests?': { ids: ['endpoints#0', 'mlflow#0'], latency: 10 },
	'What does MLflow log?': { ids: ['endpoints#1', 'mlflow#0'], latency: 30 },
	'Free question without labels': { ids: ['mlflow#0'], latency: 20 }
};

describe('evaluateRag', () => {
	it('scores retrieval, answers, proxies, latency, tokens and cost per example', () => {
		const report = evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, { k: 2 });
		const [q1, q2, q3] = report.examples;
		expect(q1!.scores).toMatchObject({ hit_rate: 1, mrr: 1, context_recall: 1, f1_score: 1, groundedness_proxy: 1, latency_ms: 10, cost_usd: 0.0002 });
		expect(q1!.scores.tokens).toBeGreaterThan(100);
		expect(q2!.scores).toMatchObject({ hit_rate: 1, mrr: 0.5, context_precision: 0.5 });
		expect(q2!.retrieved).toEqual(['endpoints#1', 'mlflow#0']);
		// No relevant docs and no ground truth: no retrieval or answer metrics, but proxies and operations.
		expect(q3!.scores.hit_rate).toBeUndefined();
		expect(q3!.scores.f1_score).toBeUndefined();
		expect(q3!.scores.relevance_proxy).toBeDefined();
		expect(report.means.hit_rate).toBe(1);
		expect(report.means.mrr).toBe(0.75);
		expect(report.means.latency_ms).toBe(20);
	});

	it('sums up latency percentiles, tokens, cost per 1,000 questions and the slowest spans', () => {
		const report = evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, { k: 2, slowestSpans: 2 });
		expect(report.latency).toEqual({ p50Ms: 20, p95Ms: 30, meanMs: 20, maxMs: 30 });
		expect(report.cost.per1000Usd).toBeCloseTo(0.2, 12);
		expect(report.tokens.total).toBe(report.examples.reduce((s, e) => s + e.scores.tokens!, 0));
		expect(report.metrics).toMatchObject({ latency_p50_ms: 20, latency_p95_ms: 30, hit_rate: 1 });
		expect(report.slowestSpans.map((s) => [s.name, s.durationMs, s.exampleId])).toEqual([
			['retrieve.bm25', 18, 'q2'],
			// A tie at 12 ms (q2's compose, q3's retrieval) goes to the earlier example.
			['compose', 12, 'q2']
		]);
		expect(report.slowestSpans[0]!.question).toBe('What does MLflow log?');
	});

	it('checks the gates on the run’s metrics and names the failing ones', () => {
		const report = evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, {
			k: 2,
			gates: [
				{ metric: 'hit_rate', op: '>=', threshold: 0.9 },
				{ metric: 'mrr', op: '>=', threshold: 0.9 },
				{ metric: 'latency_p95_ms', op: '<=', threshold: 25 }
			]
		});
		expect(report.gates?.passed).toBe(false);
		expect(report.gates?.failing).toEqual(['mrr', 'latency_p95_ms']);
		expect(evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, { k: 2 }).gates).toBeNull();
	});

	it('only the top k retrieved chunks count', () => {
		const k1 = evaluateRag(EXAMPLES.slice(1, 2), fakeAnswer(PLAN), BY_ID, { k: 1 });
		expect(k1.examples[0]!.scores).toMatchObject({ hit_rate: 0, mrr: 0, context_recall: 0 });
	});

	it('is deterministic, reports progress and stops when the signal aborts', () => {
		const a = evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, { k: 2 });
		expect(evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, { k: 2 })).toEqual(a);
		const controller = new AbortController();
		const progress: number[] = [];
		const report = evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, {
			k: 2,
			signal: controller.signal,
			onProgress: (f) => {
				progress.push(f);
				if (progress.length === 2) controller.abort();
			}
		});
		expect(progress).toEqual([1 / 3, 2 / 3]);
		expect(report.cancelled).toBe(true);
		expect(report.examples).toHaveLength(2);
		expect(report.total).toBe(3);
	});

	it('names the example a failing system could not answer, and refuses a bad k', () => {
		const failing = () => {
			throw new Error('index not built');
		};
		expect(() => evaluateRag(EXAMPLES, failing, BY_ID, { k: 2 })).toThrow('Example q1 ("What serves real-time requests?") could not be answered: index not built');
		expect(() => evaluateRag(EXAMPLES, fakeAnswer(PLAN), BY_ID, { k: 0 })).toThrow('k must be a whole number of at least 1 (got 0).');
	});

	it('takes a trace’s latency from its root span', () => {
		expect(traceLatency([{ spanId: 'x', parentId: 'r', name: 'compose', startMs: 5, durationMs: 3, attributes: {} }])).toBe(8);
	});
});
