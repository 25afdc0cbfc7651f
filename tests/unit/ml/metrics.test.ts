import { describe, expect, it } from 'vitest';
import { accuracy, rocAuc } from '../../../src/lib/ml/metrics';

describe('rocAuc', () => {
	it('matches a hand-computed value', () => {
		// Pairs (pos, neg): 0.8>0.1 ✓, 0.8>0.4 ✓, 0.35>0.1 ✓, 0.35<0.4 ✗ → 3/4 (scikit-learn gives 0.75).
		expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
	});

	it('counts ties as one half', () => {
		expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
		expect(rocAuc([0, 0, 1, 1], [0.2, 0.6, 0.6, 0.9])).toBe(0.875);
	});

	it('is 1 for a perfect ranking and NaN with a single class', () => {
		expect(rocAuc([0, 0, 1], [0.1, 0.2, 0.9])).toBe(1);
		expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
	});
});

describe('accuracy', () => {
	it('thresholds probabilities at 0.5 by default', () => {
		expect(accuracy([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.5])).toBe(0.5);
		expect(accuracy([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.5], 0.3)).toBe(0.75);
		expect(accuracy([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.1], 0.3)).toBe(1);
	});
});
