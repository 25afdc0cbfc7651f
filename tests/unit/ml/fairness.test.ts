import { describe, expect, it } from 'vitest';
import { fairnessReport } from '../../../src/lib/ml/fairness';

describe('fairnessReport', () => {
	// Group a: 4 records, 2 positives; flagged: one TP, one FP. Group b: 4 records, 2 positives; flagged: both TPs.
	const groups = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', null];
	const y = [1, 1, 0, 0, 1, 1, 0, 0, 1];
	const p = [0.9, 0.2, 0.7, 0.1, 0.8, 0.6, 0.3, 0.4, 0.9];

	it('computes selection rate, TPR, FPR and precision per group, skipping records without a group', () => {
		const r = fairnessReport(groups, y, p, 0.5, ['b', 'a']);
		expect(r.groups.map((g) => g.group)).toEqual(['b', 'a']);
		expect(r.groups[1]).toEqual({ group: 'a', count: 4, selectionRate: 0.5, tpr: 0.5, fpr: 0.5, precision: 0.5 });
		expect(r.groups[0]).toEqual({ group: 'b', count: 4, selectionRate: 0.5, tpr: 1, fpr: 0, precision: 1 });
	});

	it('reports the demographic parity and equalized odds differences', () => {
		const r = fairnessReport(groups, y, p, 0.5);
		expect(r.demographicParityDifference).toBe(0);
		expect(r.equalizedOddsDifference).toBe(0.5);
		const lower = fairnessReport(groups, y, p, 0.35);
		// At 0.35 group b also flags its 0.4 negative: selection 0.75 vs 0.5.
		expect(lower.demographicParityDifference).toBe(0.25);
	});

	it('ignores a rate a group cannot have (no positives) in the gaps', () => {
		const r = fairnessReport(['a', 'a', 'b'], [1, 0, 0], [0.9, 0.1, 0.9], 0.5);
		expect(r.groups[1]!.tpr).toBeNaN();
		expect(r.equalizedOddsDifference).toBe(1);
	});
});
