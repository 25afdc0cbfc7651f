import { describe, expect, it } from 'vitest';
import { fitScaler, transformRows } from '../../../src/lib/ml/scaler';
import { stratifiedSplit } from '../../../src/lib/ml/split';

describe('stratifiedSplit', () => {
	const y = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0)); // 20 % positive

	it('partitions every row exactly once and keeps the class share', () => {
		const { train, test } = stratifiedSplit(y, 0.25, 42);
		expect(train.length + test.length).toBe(1000);
		expect(new Set([...train, ...test]).size).toBe(1000);
		expect(test.length).toBe(250);
		const share = (idx: Uint32Array) => Array.from(idx).filter((i) => y[i] === 1).length / idx.length;
		expect(share(test)).toBeCloseTo(0.2, 5);
		expect(share(train)).toBeCloseTo(0.2, 5);
	});

	it('is seeded', () => {
		expect(Array.from(stratifiedSplit(y, 0.25, 1).test)).toEqual(Array.from(stratifiedSplit(y, 0.25, 1).test));
		expect(Array.from(stratifiedSplit(y, 0.25, 1).test)).not.toEqual(Array.from(stratifiedSplit(y, 0.25, 2).test));
	});

	it('rejects an impossible test share', () => {
		expect(() => stratifiedSplit(y, 1.5, 1)).toThrow(RangeError);
	});
});

describe('fitScaler', () => {
	it('uses only the given rows and standardises them to mean 0, sd 1', () => {
		// Two features, four rows; the last row is an outlier that must not leak into the fit.
		const x = Float64Array.from([1, 10, 2, 20, 3, 30, 1000, -5]);
		const s = fitScaler(x, 2, [0, 1, 2]);
		expect(s.mean).toEqual([2, 20]);
		expect(s.scale[0]).toBeCloseTo(Math.sqrt(2 / 3));
		const z = transformRows(s, x, 2, [0, 1, 2]);
		expect(z[0]! + z[2]! + z[4]!).toBeCloseTo(0);
		expect(z[0]! ** 2 + z[2]! ** 2 + z[4]! ** 2).toBeCloseTo(3);
	});

	it('leaves a constant column finite', () => {
		const s = fitScaler(Float64Array.from([5, 5, 5]), 1, [0, 1, 2]);
		expect(s.scale).toEqual([1]);
	});
});
