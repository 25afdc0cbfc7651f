import { describe, expect, it } from 'vitest';
import { compareMetrics, driftSeries } from '../../../../src/lib/rag/eval/drift';

describe('metric drift', () => {
	const baseline = { hit_rate: 0.8, f1_score: 0.3, latency_p95_ms: 100, cost_per_1000_usd: 2, custom: 0.5 };
	it('flags a quality drop beyond 0.05 points and a latency or cost rise beyond 25 %', () => {
		const report = compareMetrics(baseline, { hit_rate: 0.74, f1_score: 0.27, latency_p95_ms: 130, cost_per_1000_usd: 2.4, custom: 0.5, ndcg: 0.6 });
		expect(report.flagged).toEqual(['hit_rate', 'latency_p95_ms']);
		const hit = report.metrics.find((m) => m.metric === 'hit_rate')!;
		expect(hit.delta).toBeCloseTo(-0.06, 12);
		expect(hit.relativeDelta).toBeCloseTo(-0.075, 12);
		expect(hit.worse).toBe(true);
		const f1 = report.metrics.find((m) => m.metric === 'f1_score')!;
		expect([f1.worse, f1.flagged]).toEqual([true, false]);
		const cost = report.metrics.find((m) => m.metric === 'cost_per_1000_usd')!;
		expect([cost.worse, cost.flagged, cost.tolerance]).toEqual([true, false, 0.5]);
		expect(report.missing).toEqual({ inBaseline: ['ndcg'], inCurrent: [] });
	});
	it('never flags an improvement, however large', () => {
		const report = compareMetrics(baseline, { hit_rate: 1, f1_score: 0.9, latency_p95_ms: 10, cost_per_1000_usd: 0.1, custom: 0.9 });
		expect(report.flagged).toEqual([]);
		expect(report.metrics.every((m) => !m.worse)).toBe(true);
	});
	it('uses a per-metric tolerance when given', () => {
		const report = compareMetrics(baseline, { ...baseline, f1_score: 0.28 }, { absolute: 0.05, relative: 0.25, perMetric: { f1_score: 0.01 } });
		expect(report.flagged).toEqual(['f1_score']);
	});
	it('compares each run of a series with the first', () => {
		const series = driftSeries([baseline, { ...baseline, hit_rate: 0.7 }]);
		expect(series.map((r) => r.flagged)).toEqual([[], ['hit_rate']]);
		expect(driftSeries([])).toEqual([]);
	});
});
