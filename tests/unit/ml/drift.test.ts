import { describe, expect, it } from 'vitest';
import {
	binIndex,
	categoricalProfile,
	countValue,
	driftBand,
	emptyCounts,
	featureDrift,
	jensenShannonDistance,
	numericProfile,
	psi,
	PSI_EPSILON,
	quantileEdges,
	referenceShares,
	trainingProfile
} from '../../../src/lib/ml/drift';
import { generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { DELINQUENCY_SCHEMA } from '../../../src/lib/ml/delinquency-data';

const range = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);

describe('PSI and Jensen–Shannon distance', () => {
	it('are 0 for identical distributions', () => {
		const p = [0.1, 0.2, 0.3, 0.4];
		expect(psi(p, p)).toBe(0);
		expect(jensenShannonDistance(p, p)).toBe(0);
	});

	it('match hand-computed values for a known shift', () => {
		// (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.173287 + 0.101366
		expect(psi([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.274653, 6);
		// M = (0.375, 0.625); JSD = ½·KL(P‖M) + ½·KL(Q‖M) = ½·0.0465545 + ½·0.0510354 (bits)
		expect(jensenShannonDistance([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(Math.sqrt(0.04879494), 6);
	});

	it('keep PSI finite for an empty bin by using the epsilon, and give distance 1 for no overlap', () => {
		const value = psi([1, 0], [0, 1]);
		expect(value).toBeCloseTo(2 * (1 - PSI_EPSILON) * Math.log(1 / PSI_EPSILON), 9);
		expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(1, 12);
	});

	it('refuse distributions over different bins', () => {
		expect(() => psi([0.5, 0.5], [1])).toThrow(/same bins/);
		expect(() => jensenShannonDistance([1], [0.5, 0.5])).toThrow(/same bins/);
	});

	it('band PSI at 0.1 and 0.25', () => {
		expect([0, 0.099, 0.1, 0.249, 0.25, 3].map(driftBand)).toEqual(['none', 'none', 'moderate', 'moderate', 'significant', 'significant']);
	});
});

describe('binning', () => {
	it('cuts a numeric feature at its deciles into 10 equal bins', () => {
		const edges = quantileEdges(range(100));
		expect(edges).toHaveLength(9);
		expect(edges).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
		const profile = numericProfile('x', range(100));
		expect(profile.proportions).toEqual(new Array(10).fill(0.1));
		expect(profile.missing).toBe(0);
	});

	it('merges repeated cut points for a feature with few values, and keeps missing values in their own bin', () => {
		const values = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2, NaN]);
		const profile = numericProfile('count', values);
		expect(profile.edges).toEqual([0, 1]);
		expect(profile.proportions.map((p) => +p.toFixed(2))).toEqual([0.6, 0.2, 0.1]);
		expect(profile.missing).toBeCloseTo(0.1, 12);
		expect(binIndex(-5, profile.edges)).toBe(0);
		expect(binIndex(0.5, profile.edges)).toBe(1);
		expect(binIndex(99, profile.edges)).toBe(2);
	});

	it('puts categories the training data never had in an "unseen" bucket', () => {
		const profile = categoricalProfile('region', ['north', 'south', 'north', null]);
		expect(profile.categories).toEqual(['north', 'south']);
		expect(referenceShares(profile)).toEqual([0.5, 0.25, 0, 0.25]);
		const counts = emptyCounts(profile);
		for (const v of ['north', 'mars', 'mars', null]) countValue(profile, counts, v);
		expect(counts).toEqual([1, 0, 2, 1]);
		const drift = featureDrift(profile, counts);
		expect(drift.band).toBe('significant');
	});

	it('finds no drift in a second sample from the same generator, and significant drift after a shift', () => {
		const reference = numericProfile('u', generateDelinquencyTable(4000, 1).columns[1]!.values as Float64Array);
		const count = (values: Float64Array) => {
			const c = emptyCounts(reference);
			for (const v of values) countValue(reference, c, v);
			return c;
		};
		const same = featureDrift(reference, count(generateDelinquencyTable(4000, 2).columns[1]!.values as Float64Array));
		const shifted = featureDrift(reference, count(generateDelinquencyTable(4000, 2, { shift: { credit_utilization: 1 } }).columns[1]!.values as Float64Array));
		expect(same.band).toBe('none');
		expect(same.psi).toBeLessThan(0.03);
		expect(shifted.band).toBe('significant');
		expect(shifted.js).toBeGreaterThan(same.js);
	});
});

describe('training profile', () => {
	it('is stored with every trained model, for its input features only, from the training split', () => {
		const table = generateDelinquencyTable(1000, 3);
		const { draft } = trainModel(table, DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
		expect(draft.profile?.rows).toBe(draft.metrics.trainRows);
		expect(draft.profile?.features.map((f) => f.name)).toEqual(draft.signature.inputs.map((i) => i.name));
		const income = draft.profile!.features.find((f) => f.name === 'annual_income')!;
		expect(income.kind).toBe('numeric');
		expect(income.missing).toBeGreaterThan(0);
		expect(referenceShares(income).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
	});

	it('skips names that are not columns of the right kind', () => {
		const table = generateDelinquencyTable(50, 3);
		expect(trainingProfile(table, [0, 1, 2], { numeric: ['region', 'nope'], categorical: ['region'] }).features.map((f) => f.name)).toEqual(['region']);
	});
});
