import { describe, expect, it } from 'vitest';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import {
	coefficientImportance,
	counterfactual,
	evaluationSample,
	explainRecord,
	generatorIncompatibility,
	permutationImportance
} from '../../../src/lib/ml/explain';
import { score } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const { draft } = trainModel(generateDelinquencyTable(3000, 7), DELINQUENCY_SCHEMA, { ...DEFAULT_TRAIN_PARAMS }, undefined, () => 0);
const sample = evaluationSample(2000, 11);
const logit = (p: number) => Math.log(p / (1 - p));

describe('evaluation sample', () => {
	it('accepts generator-trained models and names the columns of others', () => {
		expect(generatorIncompatibility(draft)).toBeNull();
		const other = { signature: { ...draft.signature, inputs: [...draft.signature.inputs, { name: 'tenure', type: 'double' as const }] } };
		expect(generatorIncompatibility(other)).toContain('tenure');
	});

	it('is seeded, keeps age_band out of the records and missing numbers as null', () => {
		expect(evaluationSample(50, 3)).toEqual(evaluationSample(50, 3));
		expect(sample.records[0]).not.toHaveProperty('age_band');
		expect(sample.sensitive.age_band).toHaveLength(2000);
		expect(sample.records.some((r) => r.annual_income === null)).toBe(true);
	});
});

describe('global importance', () => {
	it('ranks a strong generator feature above a weak one by coefficients', () => {
		const ranked = coefficientImportance(draft).map((c) => c.column);
		expect(ranked).toHaveLength(8);
		expect(ranked.indexOf('credit_utilization')).toBeLessThan(ranked.indexOf('num_open_accounts'));
	});

	it('permutation importance ranks the strongest generator features first and is seeded', () => {
		const imp = permutationImportance(draft, sample, { seed: 1, repeats: 2 });
		expect(imp.slice(0, 2).map((c) => c.column).sort()).toEqual(['credit_utilization', 'days_past_due_12m']);
		expect(imp[0]!.importance).toBeGreaterThan(0.02);
		expect(imp.at(-1)!.importance).toBeLessThan(0.01);
		expect(permutationImportance(draft, sample, { seed: 1, repeats: 2 })).toEqual(imp);
	});
});

describe('local explanation', () => {
	it('base value plus contributions equals the model log-odds (SHAP sum), including missing and unseen values', () => {
		const records = [...sample.records.slice(0, 50), { ...sample.records[0]!, annual_income: null, region: 'atlantis' }];
		const probabilities = score(draft, records).probabilities;
		records.forEach((r, i) => {
			const e = explainRecord(draft, r);
			const sum = e.contributions.reduce((s, c) => s + c.contribution, e.base);
			expect(sum).toBeCloseTo(logit(probabilities[i]!), 9);
			expect(e.probability).toBeCloseTo(probabilities[i]!, 12);
		});
	});

	it('gives a numeric feature at its training mean no contribution', () => {
		const mean = draft.preprocessor.numeric[0]!.mean;
		const e = explainRecord(draft, { ...sample.records[0]!, credit_utilization: mean });
		expect(e.contributions.find((c) => c.column === 'credit_utilization')!.contribution).toBeCloseTo(0, 12);
	});
});

describe('counterfactual', () => {
	const risky = { ...sample.records[0]!, credit_utilization: 0.95, days_past_due_12m: 4, payment_to_balance: 0.02 };
	const features = ['credit_utilization', 'payment_to_balance'];

	it('crosses the threshold with the minimal change along the weight direction of the allowed features', () => {
		expect(score(draft, [risky]).probabilities[0]).toBeGreaterThan(0.5);
		const cf = counterfactual(draft, risky, { features, threshold: 0.5 });
		expect(cf.reached).toBe(true);
		expect(cf.probability).toBeLessThan(0.5);
		expect(cf.probability).toBeGreaterThan(0.49);
		expect(score(draft, [{ ...risky, ...cf.values }]).probabilities[0]).toBeCloseTo(cf.probability, 12);
		expect(Object.keys(cf.values).sort()).toEqual([...features].sort());
		// Any other change of the same length along the allowed features does not cross: compare with
		// moving only one feature, which needs a longer step.
		const [u, t] = draft.preprocessor.numeric.filter((s) => features.includes(s.name));
		const z = explainRecord(draft, risky).logOdds;
		const wu = draft.weights[0]!;
		const wt = draft.weights[6]!;
		expect(u!.name).toBe('credit_utilization');
		expect(t!.name).toBe('payment_to_balance');
		expect(cf.distance).toBeCloseTo(z / Math.hypot(wu, wt), 2);
		expect(cf.distance).toBeLessThan(z / Math.abs(wu));
	});

	it('respects bounds by moving the remaining features further, and says when it cannot cross', () => {
		const bounds = { credit_utilization: { min: 0.9, max: 1.2 }, payment_to_balance: { min: 0, max: 1 } };
		const cf = counterfactual(draft, risky, { features, threshold: 0.5, bounds });
		expect(cf.values.credit_utilization).toBeCloseTo(0.9, 12);
		expect(cf.reached).toBe(true);
		const stuck = counterfactual(draft, risky, { features: ['credit_utilization'], threshold: 0.5, bounds });
		expect(stuck.reached).toBe(false);
		expect(stuck.values.credit_utilization).toBeCloseTo(0.9, 12);
	});

	it('moves a low-risk record up across the threshold too', () => {
		const safe = { ...risky, credit_utilization: 0.1, days_past_due_12m: 0, payment_to_balance: 0.5 };
		const cf = counterfactual(draft, safe, { features: ['days_past_due_12m'], threshold: 0.3 });
		expect(cf.probability).toBeGreaterThanOrEqual(0.3);
		expect(cf.values.days_past_due_12m).toBeGreaterThan(0);
	});
});
