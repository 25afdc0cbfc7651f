// One way from a record to a probability: training evaluation, explanations, score() and batch
// scoring of CSV rows give the very same probabilities for the same records, and reject the same values.
import { describe, expect, it } from 'vitest';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { counterfactual, explainRecord } from '../../../src/lib/ml/explain';
import { RecordValueError, score, scoreRows, type FeatureRecord } from '../../../src/lib/ml/model-artifact';
import { stratifiedSplit } from '../../../src/lib/ml/split';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const table = generateDelinquencyTable(1500, 5);
const params = { ...DEFAULT_TRAIN_PARAMS };
const { draft, test } = trainModel(table, DELINQUENCY_SCHEMA, params, undefined, () => 0);
const heldOutRows = stratifiedSplit(table.target.values, params.testFraction, params.seed).test;
const inputs = draft.signature.inputs.map((i) => i.name);
const records: FeatureRecord[] = Array.from(heldOutRows, (i) =>
	Object.fromEntries(inputs.map((name) => {
		const v = table.columns.find((c) => c.name === name)!.values[i];
		return [name, typeof v === 'number' && Number.isNaN(v) ? null : v];
	}))
);

describe('one scoring path', () => {
	it('evaluation, explanation, score() and CSV rows give identical probabilities for the held-out records', () => {
		const scored = Array.from(score(draft, records).probabilities);
		expect(records.some((r) => r.annual_income === null)).toBe(true);
		expect(scored).toEqual(Array.from(test.p));
		expect(records.map((r) => explainRecord(draft, r).probability)).toEqual(scored);
		const rows = records.map((r) => inputs.map((name) => (r[name] === null ? '' : String(r[name]))));
		expect(Array.from(scoreRows(draft, inputs, rows).probabilities)).toEqual(scored);
	});

	it('an explanation reads a missing number as score() does: the training median', () => {
		const missing = { ...records[0]!, annual_income: '' };
		const explained = explainRecord(draft, missing);
		expect(explained.contributions.find((c) => c.column === 'annual_income')!.value).toBe(draft.preprocessor.numeric.find((s) => s.name === 'annual_income')!.median);
		expect(explained.probability).toBe(score(draft, [missing]).probabilities[0]);
	});

	it('a value score() rejects is rejected by explanations and counterfactuals too, never median-filled', () => {
		for (const bad of ['lots', Number.NaN, Number.POSITIVE_INFINITY, true]) {
			const record = { ...records[0]!, credit_utilization: bad };
			const scored = score(draft, [record]);
			expect(scored.probabilities[0]).toBeNaN();
			expect(scored.errors).toEqual([{ record: 0, field: 'credit_utilization', message: '"credit_utilization" must be a number' }]);
			expect(() => explainRecord(draft, record)).toThrow(RecordValueError);
			expect(() => explainRecord(draft, record)).toThrow('"credit_utilization" must be a number.');
			expect(() => counterfactual(draft, record, { features: ['credit_utilization'], threshold: 0.5 })).toThrow('"credit_utilization" must be a number.');
		}
		const badRegion = { ...records[0]!, region: { name: 'north' } };
		expect(score(draft, [badRegion]).errors).toEqual([{ record: 0, field: 'region', message: '"region" must be text' }]);
		expect(() => explainRecord(draft, badRegion)).toThrow('"region" must be text.');
		expect(Array.from(scoreRows(draft, inputs, [inputs.map((n) => (n === 'credit_utilization' ? 'lots' : String(records[0]![n] ?? '')))]).probabilities)).toEqual([NaN]);
	});
});
