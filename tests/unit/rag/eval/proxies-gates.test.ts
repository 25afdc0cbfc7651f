import { describe, expect, it } from 'vitest';
import { checkGates, describeFailures, gateProblems } from '../../../../src/lib/rag/eval/gates';
import { METRIC_INFO, metricInfo, metricKeys } from '../../../../src/lib/rag/eval/metric-info';
import { groundednessProxy, relevanceProxy } from '../../../../src/lib/rag/eval/proxies';

describe('lexical proxies', () => {
	const context = 'A managed online endpoint serves real-time requests. Blue-green deployments split traffic between two deployments.';
	it('groundedness counts answer sentences whose content words are mostly in the context', () => {
		expect(groundednessProxy('A managed online endpoint serves real-time requests.', context)).toBe(1);
		// Second sentence: "kubernetes", "cluster", "required" are not in the context (0 of 3 terms).
		expect(groundednessProxy('Deployments split traffic. A Kubernetes cluster is required.', context)).toBe(0.5);
		expect(groundednessProxy('', context)).toBe(0);
	});
	it('relevance is the share of the question’s content words the answer uses', () => {
		// Question terms: endpoint, serve, real, time (plural "serves" → "serve"); the answer uses endpoint, real, time.
		expect(relevanceProxy('The endpoint answers in real time.', 'Which endpoint serves real time?')).toBe(3 / 4);
		expect(relevanceProxy('anything', 'what is it?')).toBe(0);
	});
	it('are labelled as proxies with what an LLM judge would do instead', () => {
		for (const key of ['groundedness_proxy', 'relevance_proxy']) {
			const info = metricInfo(key)!;
			expect(info.kind).toBe('proxy');
			expect(info.llmJudge).toMatch(/judge model/);
			expect(info.evaluator).toMatch(/Evaluator$/);
		}
	});
});

describe('metric table', () => {
	it('names every metric once, with a docs URL and a direction', () => {
		const keys = METRIC_INFO.map((m) => m.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const m of METRIC_INFO) expect(m.docsUrl).toMatch(/^https:\/\//);
		expect(metricKeys('retrieval')).toEqual(['hit_rate', 'mrr', 'ndcg', 'context_precision', 'context_recall']);
		expect(metricInfo('latency_p95_ms')?.higherIsBetter).toBe(false);
		expect(metricKeys('operations', 'run')).toEqual(['latency_p50_ms', 'latency_p95_ms', 'tokens_total', 'cost_per_1000_usd']);
	});
});

describe('quality gates', () => {
	const gates = [
		{ metric: 'hit_rate', op: '>=' as const, threshold: 0.7 },
		{ metric: 'latency_p95_ms', op: '<=' as const, threshold: 100 },
		{ metric: 'f1_score', op: '>=' as const, threshold: 0.2 }
	];
	it('pass or fail each metric and name the failing ones', () => {
		const report = checkGates({ hit_rate: 0.7, latency_p95_ms: 140, f1_score: 0.1 }, gates);
		expect(report.passed).toBe(false);
		expect(report.results.map((r) => r.passed)).toEqual([true, false, false]);
		expect(report.failing).toEqual(['latency_p95_ms', 'f1_score']);
		expect(describeFailures(report)).toEqual(['latency_p95_ms 140 > 100', 'f1_score 0.100 < 0.200']);
	});
	it('fail a gate whose metric was not measured, and pass with no gate', () => {
		const report = checkGates({ hit_rate: 0.9, latency_p95_ms: 10 }, gates);
		expect(report.failing).toEqual(['f1_score']);
		expect(describeFailures(report)).toEqual(['f1_score not measured (gate >= 0.2)']);
		expect(checkGates({}, [])).toEqual({ passed: true, results: [], failing: [] });
	});
	it('name what is wrong with a gate', () => {
		expect(gateProblems(gates)).toEqual([]);
		expect(gateProblems([{ metric: 'hitrate', op: '>=', threshold: 0.5 }])).toEqual(['Gate 1 (hitrate): "hitrate" is not a metric this evaluation measures.']);
		expect(gateProblems([{ metric: 'mrr', op: '>=', threshold: 1.5 }])).toEqual(["Gate 1 (mrr): the threshold 1.5 is outside the metric's range 0–1."]);
		expect(gateProblems([{ metric: 'mrr', op: '>' as '>=', threshold: Number.NaN }])).toEqual(['Gate 1 (mrr): the comparison must be >= or <=, not ">".', 'Gate 1 (mrr): the threshold must be a number.']);
	});
});
