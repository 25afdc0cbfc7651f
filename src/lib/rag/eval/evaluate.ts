// One evaluation run: every example's question answered by the system under test, scored on retrieval
// (against the example's relevant notes/sections), on the answer (against its ground truth), by the
// two lexical proxies, and on latency (its trace), tokens and cost; then means, latency percentiles,
// cost per 1,000 questions, the slowest spans and the quality gates. Deterministic given its inputs:
// nothing here reads a clock or a random source (latency comes from the traces the answers carry).
import { percentile } from '../../ml/percentile';
import { countTokens } from '../tokens';
import type { Chunk, EvalExample, RagAnswer, Span } from '../types';
import { answerScores } from './answer-metrics';
import { checkGates, type GateReport, type GateSpec } from './gates';
import { proxyScores, termSet } from './proxies';
import { retrievalScores } from './retrieval-metrics';

export interface EvalOptions {
	/** Retrieved chunks scored per question (top k by rank). */
	k: number;
	/** Quality gates checked on the run's metrics; none (or an empty list) gives `gates: null`. */
	gates?: readonly GateSpec[];
	/** Called after each question with the share done (0–1). */
	onProgress?: (fraction: number) => void;
	/** Checked between questions: once aborted, the run stops and reports what it scored (`cancelled`). */
	signal?: AbortSignal;
	/** How many of the slowest spans to keep (default 10). */
	slowestSpans?: number;
}

export interface ExampleResult {
	id: string;
	query: string;
	groundTruth: string;
	answer: string;
	/** Ids of the top k retrieved chunks, in rank order. */
	retrieved: string[];
	/** Metric key → value; retrieval metrics are absent when the example names no relevant document, answer metrics when it has no ground truth. */
	scores: Record<string, number>;
	traceId: string;
}

export interface SlowSpan {
	name: string;
	durationMs: number;
	exampleId: string;
	question: string;
	traceId: string;
	spanId: string;
}

export interface EvalReport {
	k: number;
	/** Examples given. */
	total: number;
	/** Stopped by the signal before every example was scored. */
	cancelled: boolean;
	examples: ExampleResult[];
	/** Mean of each per-question metric over the examples that have it. */
	means: Record<string, number>;
	/** The run's flat metrics, what a run logs and gates read: `means` plus latency_p50_ms, latency_p95_ms, tokens_total and cost_per_1000_usd. */
	metrics: Record<string, number>;
	latency: { p50Ms: number; p95Ms: number; meanMs: number; maxMs: number };
	tokens: { total: number; perQuestion: number };
	cost: { totalUsd: number; per1000Usd: number };
	/** The slowest spans (root spans excluded) across the run, longest first. */
	slowestSpans: SlowSpan[];
	gates: GateReport | null;
}

/** A trace's latency: its root span's duration (the span without a parent), else the end of its last span. */
export function traceLatency(spans: readonly Span[]): number {
	const root = spans.find((s) => s.parentId === undefined);
	if (root) return root.durationMs;
	return spans.reduce((end, s) => Math.max(end, s.startMs + s.durationMs), 0);
}

/** Terms of each chunk, kept for the run: many questions retrieve the same chunks. */
type TermCache = Map<string, ReadonlySet<string>>;

/** The terms of the context the answer was composed from: its top k chunks (cached), or the prompt's context when a chunk is unknown. */
function contextTerms(answer: RagAnswer, chunksById: ReadonlyMap<string, Chunk>, k: number, cache: TermCache): ReadonlySet<string> {
	const top = [...answer.retrieved].sort((a, b) => a.rank - b.rank).slice(0, k);
	if (!top.every((r) => chunksById.has(r.chunkId))) return termSet(answer.prompt.context);
	const union = new Set<string>();
	for (const r of top) {
		let t = cache.get(r.chunkId);
		if (!t) cache.set(r.chunkId, (t = termSet(chunksById.get(r.chunkId)!.text)));
		for (const term of t) union.add(term);
	}
	return union;
}

function scoreExample(example: EvalExample, answer: RagAnswer, chunksById: ReadonlyMap<string, Chunk>, k: number, cache: TermCache): ExampleResult {
	const scores: Record<string, number> = {};
	if (example.relevant.length > 0) Object.assign(scores, retrievalScores(answer.retrieved, example.relevant, chunksById, k));
	if (example.groundTruth.trim() !== '') Object.assign(scores, answerScores(answer.answer, example.groundTruth));
	Object.assign(scores, proxyScores(answer.answer, example.query, contextTerms(answer, chunksById, k, cache)));
	scores.latency_ms = traceLatency(answer.trace.spans);
	scores.tokens = answer.prompt.tokens + countTokens(answer.answer);
	scores.cost_usd = answer.costUsd;
	return {
		id: example.id,
		query: example.query,
		groundTruth: example.groundTruth,
		answer: answer.answer,
		retrieved: [...answer.retrieved].sort((a, b) => a.rank - b.rank).slice(0, k).map((r) => r.chunkId),
		scores,
		traceId: answer.trace.traceId
	};
}

function meansOf(results: readonly ExampleResult[]): Record<string, number> {
	const sums = new Map<string, { sum: number; n: number }>();
	for (const r of results) {
		for (const [key, value] of Object.entries(r.scores)) {
			const s = sums.get(key) ?? { sum: 0, n: 0 };
			s.sum += value;
			s.n++;
			sums.set(key, s);
		}
	}
	return Object.fromEntries([...sums].map(([key, s]) => [key, s.sum / s.n]));
}

/**
 * Evaluates a RAG system on a dataset. `answerFn` answers one question (the system under test);
 * `chunksById` resolves retrieved chunk ids to their document and section. A question the system
 * fails on stops the run with an error naming the example.
 */
export function evaluateRag(examples: readonly EvalExample[], answerFn: (query: string) => RagAnswer, chunksById: ReadonlyMap<string, Chunk>, options: EvalOptions): EvalReport {
	if (!Number.isInteger(options.k) || options.k < 1) throw new Error(`k must be a whole number of at least 1 (got ${options.k}).`);
	const results: ExampleResult[] = [];
	const spans: SlowSpan[] = [];
	const cache: TermCache = new Map();
	let cancelled = false;
	for (const example of examples) {
		if (options.signal?.aborted) {
			cancelled = true;
			break;
		}
		let answer: RagAnswer;
		try {
			answer = answerFn(example.query);
		} catch (e) {
			throw new Error(`Example ${example.id} ("${example.query.slice(0, 80)}") could not be answered: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
		}
		results.push(scoreExample(example, answer, chunksById, options.k, cache));
		for (const s of answer.trace.spans) {
			if (s.parentId !== undefined) spans.push({ name: s.name, durationMs: s.durationMs, exampleId: example.id, question: example.query, traceId: answer.trace.traceId, spanId: s.spanId });
		}
		options.onProgress?.(results.length / examples.length);
	}
	return summarise(results, spans, examples.length, cancelled, options);
}

function summarise(results: ExampleResult[], spans: SlowSpan[], total: number, cancelled: boolean, options: EvalOptions): EvalReport {
	const latencies = results.map((r) => r.scores.latency_ms!).sort((a, b) => a - b);
	const n = results.length;
	const tokensTotal = results.reduce((s, r) => s + r.scores.tokens!, 0);
	const costTotal = results.reduce((s, r) => s + r.scores.cost_usd!, 0);
	const latency = {
		p50Ms: n ? percentile(latencies, 0.5) : 0,
		p95Ms: n ? percentile(latencies, 0.95) : 0,
		meanMs: n ? latencies.reduce((s, x) => s + x, 0) / n : 0,
		maxMs: n ? latencies[n - 1]! : 0
	};
	const means = meansOf(results);
	const cost = { totalUsd: costTotal, per1000Usd: n ? (costTotal / n) * 1000 : 0 };
	const metrics = { ...means, latency_p50_ms: latency.p50Ms, latency_p95_ms: latency.p95Ms, tokens_total: tokensTotal, cost_per_1000_usd: cost.per1000Usd };
	// Longest first; ties in example order, then span order (a stable sort keeps it).
	const slowestSpans = spans.sort((a, b) => b.durationMs - a.durationMs).slice(0, options.slowestSpans ?? 10);
	return {
		k: options.k,
		total,
		cancelled,
		examples: results,
		means,
		metrics,
		latency,
		tokens: { total: tokensTotal, perQuestion: n ? tokensTotal / n : 0 },
		cost,
		slowestSpans,
		gates: options.gates && options.gates.length > 0 ? checkGates(metrics, options.gates) : null
	};
}
