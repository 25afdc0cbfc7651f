import { describe, expect, it } from 'vitest';
import { score } from '../../../src/lib/ml/model-artifact';
import { trainDelinquencyModel, validateTrainParams } from '../../../src/lib/ml/train-delinquency';

const params = { seed: 42, rows: 3000, C: 1, testFraction: 0.2 };

describe('trainDelinquencyModel', () => {
	it('produces a draft with held-out metrics well above chance', () => {
		const { draft } = trainDelinquencyModel(params);
		expect(draft.name).toBe('delinquency');
		expect(draft.metrics.testRows).toBe(600);
		expect(draft.metrics.rocAuc).toBeGreaterThan(0.7);
		expect(draft.metrics.accuracy).toBeGreaterThan(0.8);
		expect(draft.solver.converged).toBe(true);
	});

	it('is reproducible: same params, same model and fingerprint', () => {
		const a = trainDelinquencyModel(params, undefined, () => 0).draft;
		const b = trainDelinquencyModel(params, undefined, () => 0).draft;
		expect(a).toEqual(b);
		expect(trainDelinquencyModel({ ...params, seed: 43 }).draft.dataFingerprint).not.toBe(a.dataFingerprint);
	});

	it('reports progress through every stage, ending at 1', () => {
		const seen: string[] = [];
		let last = 0;
		trainDelinquencyModel(params, (p) => {
			seen.push(p.stage);
			expect(p.fraction).toBeGreaterThanOrEqual(last);
			last = p.fraction;
		});
		expect(new Set(seen)).toEqual(new Set(['generating', 'preparing', 'fitting', 'evaluating']));
		expect(last).toBe(1);
	});

	it('scores a risky account above a safe one', () => {
		const { draft } = trainDelinquencyModel(params);
		const base = { num_open_accounts: 5, annual_income: 50000, debt_to_income: 0.3, months_on_book: 60 };
		const risky = score(draft, { ...base, credit_utilization: 0.95, days_past_due_12m: 4, payment_to_balance: 0.02 });
		const safe = score(draft, { ...base, credit_utilization: 0.1, days_past_due_12m: 0, payment_to_balance: 0.5 });
		expect(risky).toBeGreaterThan(0.5);
		expect(safe).toBeLessThan(0.1);
		expect(() => score(draft, { ...base, credit_utilization: 0.1 })).toThrow(/days_past_due_12m/);
	});

	it('refuses invalid parameters with a message', () => {
		expect(validateTrainParams({ ...params, rows: 10 })).toMatch(/Rows/);
		expect(validateTrainParams({ ...params, C: -1 })).toMatch(/C must/);
		expect(() => trainDelinquencyModel({ ...params, testFraction: 0.9 })).toThrow(/Test share/);
	});
});
