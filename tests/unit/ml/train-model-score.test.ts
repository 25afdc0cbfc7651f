import { describe, expect, it } from 'vitest';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { score } from '../../../src/lib/ml/model-artifact';
import { stratifiedSplit } from '../../../src/lib/ml/split';
import { DEFAULT_TRAIN_PARAMS, trainModel, validateTrainParams } from '../../../src/lib/ml/train-model';

const table = generateDelinquencyTable(3000, 42);
const params = { ...DEFAULT_TRAIN_PARAMS };
const { draft, test, lossCurve } = trainModel(table, DELINQUENCY_SCHEMA, params, undefined, () => 0);

const base = { num_open_accounts: 5, annual_income: 50000, debt_to_income: 0.3, months_on_book: 60, region: 'north' };
const risky = { ...base, credit_utilization: 0.95, days_past_due_12m: 4, payment_to_balance: 0.02 };
const safe = { ...base, credit_utilization: 0.1, days_past_due_12m: 0, payment_to_balance: 0.5 };

describe('trainModel', () => {
	it('evaluates on the held-out part with every metric, well above chance', () => {
		expect(draft.metrics.testRows).toBe(600);
		expect(test.y.length).toBe(600);
		expect(draft.metrics.rocAuc).toBeGreaterThan(0.75);
		expect(draft.metrics.prAuc).toBeGreaterThan(draft.metrics.positiveRate);
		expect(draft.metrics.logLoss).toBeLessThan(0.45);
		expect(draft.solver).toMatchObject({ name: 'newton', converged: true });
		expect(lossCurve[0]!.step).toBe(0);
		expect(lossCurve.at(-1)!.loss).toBeLessThan(lossCurve[0]!.loss);
	});

	it('records the signature without ignored or sensitive columns', () => {
		expect(draft.signature.inputs.map((i) => i.name)).toEqual([
			'credit_utilization', 'days_past_due_12m', 'num_open_accounts', 'annual_income', 'debt_to_income', 'months_on_book', 'payment_to_balance', 'region'
		]);
		expect(draft.signature.inputs.at(-1)!.type).toBe('string');
	});

	it('is reproducible: same data and params give the same model', () => {
		expect(trainModel(table, DELINQUENCY_SCHEMA, params, undefined, () => 0).draft).toEqual(draft);
	});

	it('cross-validates with a mean and spread per metric', () => {
		const cv = trainModel(table, DELINQUENCY_SCHEMA, { ...params, cvFolds: 4 }).draft.metrics.cv!;
		expect(cv.folds).toBe(4);
		expect(cv.mean.rocAuc).toBeGreaterThan(0.75);
		expect(cv.std.rocAuc).toBeGreaterThan(0);
		expect(cv.std.rocAuc).toBeLessThan(0.05);
	});

	it('trains with gradient descent too, and refuses bad parameters with a message', () => {
		const gd = trainModel(table, DELINQUENCY_SCHEMA, { ...params, solver: 'gd' });
		expect(gd.draft.solver.name).toBe('gd');
		expect(Math.abs(gd.draft.metrics.rocAuc - draft.metrics.rocAuc)).toBeLessThan(0.02);
		expect(validateTrainParams({ ...params, C: -1 })).toMatch(/C must/);
		expect(() => trainModel(table, DELINQUENCY_SCHEMA, { ...params, testFraction: 0.9 })).toThrow(/Test share/);
	});
});

describe('score', () => {
	it('ranks a risky account above a safe one, from numbers or numeric strings', () => {
		const r = score(draft, [risky, safe, { ...safe, credit_utilization: '0.1', days_past_due_12m: '0' }]);
		expect(r.errors).toEqual([]);
		expect(r.probabilities[0]).toBeGreaterThan(0.5);
		expect(r.probabilities[1]).toBeLessThan(0.1);
		expect(r.probabilities[2]).toBe(r.probabilities[1]);
	});

	it('gives the same probabilities as training did on the held-out rows (one scoring path)', () => {
		const rows = stratifiedSplit(table.target.values, params.testFraction, params.seed).test;
		const records = Array.from(rows, (i) => {
			const record: Record<string, unknown> = {};
			for (const c of table.columns) record[c.name] = c.kind === 'numeric' ? (Number.isNaN(c.values[i]!) ? null : c.values[i]) : c.values[i];
			return record;
		});
		const r = score(draft, records);
		expect(r.imputed.annual_income).toBeGreaterThan(0);
		r.probabilities.forEach((p, k) => expect(Math.abs(p - test.p[k]!)).toBeLessThan(1e-12));
	});

	it('imputes missing values, counts unseen categories, and reports bad fields per record', () => {
		const r = score(draft, [
			{ ...risky, annual_income: null },
			{ ...risky, region: 'atlantis' },
			{ ...risky, credit_utilization: 'lots' },
			{ ...risky, days_past_due_12m: Infinity }
		]);
		expect(r.imputed).toEqual({ annual_income: 1 });
		expect(r.unseenCategories).toEqual({ region: 1 });
		expect(r.errors).toEqual([
			{ record: 2, field: 'credit_utilization', message: '"credit_utilization" must be a number' },
			{ record: 3, field: 'days_past_due_12m', message: '"days_past_due_12m" must be a number' }
		]);
		expect(r.probabilities[2]).toBeNaN();
		expect(r.probabilities[0]).toBeGreaterThan(0.5);
	});
});
