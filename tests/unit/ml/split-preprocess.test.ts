import { describe, expect, it } from 'vitest';
import { encodedFeatureNames, fitPreprocessor, transformTable } from '../../../src/lib/ml/preprocess';
import { stratifiedKFold, stratifiedSplit } from '../../../src/lib/ml/split';
import type { LabelledTable } from '../../../src/lib/ml/table';

describe('stratifiedSplit', () => {
	it('splits half a million rows, the Train page maximum, without overflowing the stack', () => {
		const y = Uint8Array.from({ length: 500_000 }, (_, i) => (i % 6 === 0 ? 1 : 0));
		const { train, test } = stratifiedSplit(y, 0.2, 1);
		expect(train.length + test.length).toBe(500_000);
		expect(test.length).toBe(100_000);
	});

	const y = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0)); // 20 % positive

	it('partitions every row once and keeps the class share, reproducibly', () => {
		const { train, test } = stratifiedSplit(y, 0.25, 42);
		expect(train.length + test.length).toBe(1000);
		expect(new Set([...train, ...test]).size).toBe(1000);
		const share = (idx: Uint32Array) => Array.from(idx).filter((i) => y[i] === 1).length / idx.length;
		expect(share(test)).toBeCloseTo(0.2, 5);
		expect(Array.from(stratifiedSplit(y, 0.25, 42).test)).toEqual(Array.from(test));
		expect(Array.from(stratifiedSplit(y, 0.25, 43).test)).not.toEqual(Array.from(test));
		expect(() => stratifiedSplit(y, 1.5, 1)).toThrow(RangeError);
	});

	it('k-fold puts each row in exactly one test fold with the class share kept', () => {
		const folds = stratifiedKFold(y, 5, 1);
		const tested = folds.flatMap((f) => Array.from(f.test));
		expect(tested.sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
		for (const f of folds) {
			expect(f.test.length).toBe(200);
			expect(Array.from(f.test).filter((i) => y[i] === 1).length).toBe(40);
			expect(f.train.length).toBe(800);
		}
		expect(() => stratifiedKFold(Uint8Array.from([1, 0, 0]), 2, 1)).toThrow(/fewer than 2 folds/);
	});
});

describe('preprocessing', () => {
	const table: LabelledTable = {
		rows: 5,
		columns: [
			{ name: 'income', kind: 'numeric', values: Float64Array.from([10, NaN, 30, 50, 1000]) },
			{ name: 'region', kind: 'categorical', values: ['north', 'south', null, 'north', 'west'] }
		],
		target: { name: 't', values: Uint8Array.from([0, 1, 0, 1, 0]) }
	};
	const train = [0, 1, 2, 3];
	const pre = fitPreprocessor(table, train, { numeric: ['income'], categorical: ['region'] });

	it('fits on the training rows only: median of present values, categories seen in training', () => {
		expect(pre.numeric[0]!.median).toBe(30);
		expect(pre.numeric[0]!.mean).toBe(30); // 10, 30 (imputed), 30, 50
		expect(pre.categorical[0]!.categories).toEqual(['north', 'south']);
		expect(encodedFeatureNames(pre)).toEqual(['income', 'region=north', 'region=south']);
	});

	it('imputes, scales, one-hot encodes and counts unseen categories', () => {
		const { x, unseen } = transformTable(pre, table, [1, 2, 4]);
		const scale = pre.numeric[0]!.scale;
		expect(scale).toBeCloseTo(Math.sqrt((400 + 0 + 0 + 400) / 4));
		expect(Array.from(x.subarray(0, 3))).toEqual([0, 0, 1]); // missing income → median → 0; south
		expect(Array.from(x.subarray(3, 6))).toEqual([0, 0, 0]); // missing region → no category
		expect(x[6]).toBeCloseTo((1000 - 30) / scale);
		expect(Array.from(x.subarray(7, 9))).toEqual([0, 0]); // west was never seen
		expect(unseen).toEqual({ region: 1 });
	});

	it('sums in row order, so the same rows give the same model to the last bit', () => {
		// 0.3 + 0.2 + 0.2 + 0.1 in this order is 0.7999999999999999 (0.1 + 0.2 + 0.2 + 0.3 is 0.8): the median's
		// selection reorders its working copy, never the order the mean is added up in.
		const t: LabelledTable = { rows: 4, columns: [{ name: 'v', kind: 'numeric', values: Float64Array.from([0.3, NaN, 0.2, 0.1]) }], target: { name: 't', values: Uint8Array.from([0, 1, 0, 1]) } };
		const s = fitPreprocessor(t, [0, 1, 2, 3], { numeric: ['v'], categorical: [] }).numeric[0]!;
		expect(s.median).toBe(0.2);
		expect(s.mean).toBe((0.3 + 0.2 + 0.2 + 0.1) / 4);
		expect(s.scale).toBe(Math.sqrt(((0.3 - s.mean) ** 2 + (0.2 - s.mean) ** 2 + (0.2 - s.mean) ** 2 + (0.1 - s.mean) ** 2) / 4));
	});
});

describe('median', () => {
	it('matches numpy: middle value, or mean of the two middles', async () => {
		const { median } = await import('../../../src/lib/ml/preprocess');
		expect(median(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
		expect(median(Float64Array.from([5, 1, 3]))).toBe(3);
		expect(median(Float64Array.from([1, 1, 2, 9]))).toBe(1.5);
		expect(median(Float64Array.from([7, 7, 7, 7, 7, 7]))).toBe(7);
		// Against a sort on random data, odd and even lengths.
		for (const n of [1, 2, 999, 1000]) {
			const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 100);
			const sorted = Float64Array.from(values).sort();
			const expected = n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
			expect(median(values)).toBe(expected);
		}
	});
});
