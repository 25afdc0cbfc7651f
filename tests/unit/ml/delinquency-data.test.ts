import { describe, expect, it } from 'vitest';
import { AGE_BANDS, DELINQUENCY_NUMERIC, DELINQUENCY_REGIONS, DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { column, positiveRate } from '../../../src/lib/ml/table';
import { trainModel, DEFAULT_TRAIN_PARAMS } from '../../../src/lib/ml/train-model';

describe('generateDelinquencyTable', () => {
	it('is reproducible from its seed and differs across seeds', () => {
		const a = generateDelinquencyTable(500, 7);
		const b = generateDelinquencyTable(500, 7);
		const c = generateDelinquencyTable(500, 8);
		expect(a).toEqual(b);
		expect(Array.from(a.target.values)).not.toEqual(Array.from(c.target.values));
	});

	it('has the documented columns, a 10–20 % delinquency rate and some missing values', () => {
		const t = generateDelinquencyTable(20_000, 1);
		expect(t.columns.map((c) => c.name)).toEqual(DELINQUENCY_SCHEMA.filter((c) => c.role !== 'target').map((c) => c.name));
		expect(positiveRate(t)).toBeGreaterThan(0.1);
		expect(positiveRate(t)).toBeLessThan(0.2);
		const income = column(t, 'annual_income').values as Float64Array;
		const missing = income.filter(Number.isNaN).length / t.rows;
		expect(missing).toBeGreaterThan(0.02);
		expect(missing).toBeLessThan(0.06);
		expect(new Set(column(t, 'region').values as string[])).toEqual(new Set(DELINQUENCY_REGIONS.map((r) => r.name)));
		expect(new Set(column(t, 'age_band').values as string[])).toEqual(new Set(AGE_BANDS));
	});

	it('recovers the generating model: signs of every effect and the region effects in rough size', () => {
		const t = generateDelinquencyTable(60_000, 3);
		const { draft } = trainModel(t, DELINQUENCY_SCHEMA, { ...DEFAULT_TRAIN_PARAMS, C: 100 });
		const numeric = draft.preprocessor.numeric;
		DELINQUENCY_NUMERIC.forEach((f) => {
			const j = numeric.findIndex((s) => s.name === f.name);
			// Weights are per standard unit of the training data; the generator's are per its own spread.
			const recovered = (draft.weights[j]! / numeric[j]!.scale) * f.spread;
			expect(Math.sign(recovered), f.name).toBe(Math.sign(f.effect));
			expect(Math.abs(recovered - f.effect), f.name).toBeLessThan(0.15 + 0.2 * Math.abs(f.effect));
		});
		const regions = draft.preprocessor.categorical.find((c) => c.name === 'region')!;
		const offset = numeric.length;
		const w = (r: string) => draft.weights[offset + regions.categories.indexOf(r)]!;
		// One-hot weights are identified up to a shared constant: compare differences from the baseline.
		expect(w('south') - w('north')).toBeGreaterThan(0.2);
		expect(w('east') - w('north')).toBeLessThan(-0.05);
		// The sensitive attribute is never a model input.
		expect(draft.signature.inputs.map((i) => i.name)).not.toContain('age_band');
		expect(draft.signature.sensitive).toEqual(['age_band']);
	});
});
