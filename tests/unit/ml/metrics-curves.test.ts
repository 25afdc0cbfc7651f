import { describe, expect, it } from 'vitest';
import { calibrationCurve, costCurve, decileTable, precisionRecallCurve, rocCurve } from '../../../src/lib/ml/curves';
import { accuracy, averagePrecision, brierScore, confusionAt, evaluate, logLoss, rocAuc, thresholdMetrics } from '../../../src/lib/ml/metrics';

const y = [0, 0, 1, 1];
const p = [0.1, 0.4, 0.35, 0.8];

describe('metrics on a hand-checked example', () => {
	it('ROC AUC counts ordered pairs, ties as one half', () => {
		expect(rocAuc(y, p)).toBe(0.75);
		expect(rocAuc([0, 0, 1, 1], [0.2, 0.6, 0.6, 0.9])).toBe(0.875);
		expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
	});
	it('average precision sums precision at each recall step', () => {
		// Ranked: 0.8 (pos) P=1 R=.5; 0.4 (neg); 0.35 (pos) P=2/3 R=1 → AP = .5·1 + .5·2/3
		expect(averagePrecision(y, p)).toBeCloseTo(0.5 + 1 / 3);
	});
	it('confusion, precision, recall and F1 at a threshold', () => {
		const c = confusionAt(y, p, 0.3);
		expect(c).toEqual({ tp: 2, fp: 1, tn: 1, fn: 0 });
		expect(thresholdMetrics(c)).toEqual({ accuracy: 0.75, precision: 2 / 3, recall: 1, f1: 0.8 });
		expect(thresholdMetrics(confusionAt(y, p, 0.9))).toMatchObject({ precision: 0, recall: 0, f1: 0 });
		expect(accuracy(y, p)).toBe(0.75);
	});
	it('log loss and Brier score', () => {
		expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2);
		expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15));
		expect(brierScore([1, 0], [0.8, 0.4])).toBeCloseTo((0.04 + 0.16) / 2);
		expect(Object.keys(evaluate(y, p))).toEqual(['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'prAuc', 'logLoss', 'brier']);
	});
});

describe('curves', () => {
	it('ROC runs from (0,0) to (1,1) and PR ends at full recall', () => {
		const roc = rocCurve(y, p);
		expect(roc[0]).toEqual({ x: 0, y: 0 });
		expect(roc.at(-1)).toEqual({ x: 1, y: 1 });
		expect(precisionRecallCurve(y, p).at(-1)).toEqual({ x: 1, y: 0.5 });
	});

	it('calibration bins hold mean score and observed rate', () => {
		const bins = calibrationCurve([0, 1, 1, 0], [0.05, 0.08, 0.95, 0.91]);
		expect(bins.map((b) => [b.meanPredicted.toFixed(3), b.fractionPositive, b.count])).toEqual([
			['0.065', 0.5, 2],
			['0.930', 0.5, 2]
		]);
	});

	it('deciles: the riskiest tenth holds the share of positives a good ranking puts there', () => {
		// 100 rows, 10 positives, all ranked on top: decile 1 captures everything, lift 10.
		const labels = Array.from({ length: 100 }, (_, i) => (i < 10 ? 1 : 0));
		const scores = Array.from({ length: 100 }, (_, i) => 1 - i / 100);
		const table = decileTable(labels, scores);
		expect(table).toHaveLength(10);
		expect(table[0]).toMatchObject({ decile: 1, rows: 10, positives: 10, lift: 10, cumulativeCapture: 1 });
		expect(table[9]!.cumulativeCapture).toBe(1);
	});

	it('cost view picks the cheapest threshold', () => {
		// Missing a delinquent costs 100, a call costs 10. Calling the top 2 (0.8, 0.4) catches one;
		// calling the top 3 catches both for 30: the cheapest.
		const { best } = costCurve(y, p, 100, 10);
		expect(best).toEqual({ threshold: 0.35, cost: 30, calls: 3, missed: 0 });
		// When calls are dearer than misses, calling nobody is cheapest.
		expect(costCurve(y, p, 1, 10).best).toMatchObject({ calls: 0, cost: 2 });
	});
});
