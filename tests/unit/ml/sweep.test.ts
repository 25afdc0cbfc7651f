import { describe, expect, it } from 'vitest';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import {
	bestTrial,
	gridAssignments,
	policyApplies,
	policyDecision,
	runSweep,
	sobolSequence,
	suggestBayesian,
	validateSweep,
	valueAt,
	type SweepConfig,
	type TerminationPolicy
} from '../../../src/lib/ml/sweep';
import { cvEvaluator, schemaForSubset, trialSettings } from '../../../src/lib/ml/sweep-trial';
import { seededRandom } from '../../../src/lib/ml/random';

const base: SweepConfig = {
	space: { C: { type: 'choice', values: [0.1, 1, 10] }, class_weight: { type: 'choice', values: ['none', 'balanced'] } },
	sampler: 'grid',
	policy: { type: 'none' },
	primaryMetric: 'AUC',
	goal: 'maximize',
	maxTotalTrials: 20,
	maxConcurrentTrials: 2,
	seed: 7
};

const t = (id: number, metrics: number[]) => ({ id, metrics });

describe('parameter expressions', () => {
	it('map the unit interval as azure.ai.ml.sweep defines them', () => {
		expect(valueAt({ type: 'choice', values: ['a', 'b', 'c'] }, 0)).toBe('a');
		expect(valueAt({ type: 'choice', values: ['a', 'b', 'c'] }, 0.99)).toBe('c');
		expect(valueAt({ type: 'choice', values: ['a', 'b', 'c'] }, 1)).toBe('c');
		expect(valueAt({ type: 'uniform', min: 2, max: 4 }, 0.25)).toBe(2.5);
		// LogUniform bounds are exponents: exp(uniform(-6, -1)).
		expect(valueAt({ type: 'loguniform', min: -6, max: -1 }, 0)).toBeCloseTo(Math.exp(-6), 10);
		expect(valueAt({ type: 'loguniform', min: -6, max: -1 }, 0.999999)).toBeCloseTo(Math.exp(-1), 4);
		expect(valueAt({ type: 'quniform', min: 0, max: 1, q: 0.25 }, 0.3)).toBe(0.25);
		expect(valueAt({ type: 'quniform', min: 0, max: 1, q: 0.1 }, 0.36)).toBe(0.4);
	});

	it('grid enumerates every choice combination', () => {
		const grid = gridAssignments(base.space);
		expect(grid).toHaveLength(6);
		expect(grid[0]).toEqual({ C: 0.1, class_weight: 'none' });
		expect(grid[5]).toEqual({ C: 10, class_weight: 'balanced' });
	});
});

describe('validation', () => {
	it('refuses grid sampling with a continuous parameter', () => {
		const problem = validateSweep({ ...base, space: { ...base.space, threshold: { type: 'uniform', min: 0.2, max: 0.8 } } });
		expect(problem).toMatch(/Grid sampling supports only choice parameters; "threshold" is uniform/);
	});

	it('refuses Bayesian sampling with a policy or a loguniform parameter', () => {
		const bayes = { ...base, sampler: 'bayesian' as const };
		expect(validateSweep(bayes)).toBeNull();
		expect(validateSweep({ ...bayes, policy: { type: 'median', evaluationInterval: 1, delayEvaluation: 0 } })).toMatch(/does not support early termination/);
		expect(validateSweep({ ...bayes, space: { C: { type: 'loguniform', min: -3, max: 2 } } })).toMatch(/only choice, uniform and quniform parameters; "C" is loguniform/);
		expect(validateSweep({ ...bayes, space: { C: { type: 'quniform', min: 1, max: 5, q: 1 } } })).toBeNull();
	});

	it('refuses bad bounds, limits and policy settings', () => {
		expect(validateSweep({ ...base, space: {} })).toMatch(/at least one parameter/);
		expect(validateSweep({ ...base, sampler: 'random', space: { C: { type: 'uniform', min: 2, max: 1 } } })).toMatch(/min_value below max_value/);
		expect(validateSweep({ ...base, maxTotalTrials: 0 })).toMatch(/max_total_trials/);
		expect(validateSweep({ ...base, maxConcurrentTrials: 1.5 })).toMatch(/max_concurrent_trials/);
		expect(validateSweep({ ...base, policy: { type: 'bandit', slackFactor: 0.1, slackAmount: 0.1, evaluationInterval: 1, delayEvaluation: 0 } })).toMatch(/exactly one of slack_factor or slack_amount/);
		expect(validateSweep({ ...base, policy: { type: 'bandit', evaluationInterval: 1, delayEvaluation: 0 } })).toMatch(/exactly one/);
		expect(validateSweep({ ...base, policy: { type: 'truncation', truncationPercentage: 0, evaluationInterval: 1, delayEvaluation: 0 } })).toMatch(/truncation_percentage/);
		expect(validateSweep({ ...base, policy: { type: 'median', evaluationInterval: 0, delayEvaluation: 0 } })).toMatch(/evaluation_interval/);
	});
});

describe('Sobol sequence', () => {
	it('without a shift gives the textbook first points', () => {
		const next = sobolSequence(3);
		expect(next()).toEqual([0.5, 0.5, 0.5]);
		expect(next()).toEqual([0.75, 0.25, 0.25]);
		expect(next()).toEqual([0.25, 0.75, 0.75]);
		expect(next()).toEqual([0.375, 0.375, 0.625]);
	});

	it('spreads the first 2^k points one per stratum in every dimension, with or without a shift', () => {
		for (const shifts of [[], [123456789, 987654321, 55555, 4242]]) {
			const next = sobolSequence(4, shifts);
			const points = [next(), ...Array.from({ length: 15 }, () => next())];
			// The skipped origin plus these 15 points are one (0,4,s)-net: with the skipped point in the
			// first stratum, each of the 16 strata per dimension holds exactly one point.
			for (let d = 0; d < 4; d++) {
				const strata = new Set(points.map((p) => Math.floor(p[d]! * 16)));
				expect(strata.size).toBe(15);
			}
		}
	});
});

describe('policy timing', () => {
	it('starts at delay_evaluation and repeats every evaluation_interval', () => {
		const p: TerminationPolicy = { type: 'median', evaluationInterval: 2, delayEvaluation: 3 };
		expect([1, 2, 3, 4, 5, 6].filter((i) => policyApplies(p, i))).toEqual([4, 6]);
		expect(policyApplies({ type: 'none' }, 1)).toBe(false);
	});
});

describe('bandit policy', () => {
	const history = [t(1, [0.8]), t(2, [0.74]), t(3, [0.7])];
	it('with slack_factor cancels below best / (1 + slack_factor)', () => {
		const p: TerminationPolicy = { type: 'bandit', slackFactor: 0.1, evaluationInterval: 1, delayEvaluation: 0 };
		// 0.8 / 1.1 ≈ 0.727: 0.74 survives, 0.70 is cancelled.
		expect(policyDecision(p, 'maximize', 'AUC', history[1]!, history, 1)).toBeNull();
		expect(policyDecision(p, 'maximize', 'AUC', history[2]!, history, 1)).toBe('AUC 0.7 below the bandit slack limit 0.7273 (best 0.8)');
		expect(policyDecision(p, 'maximize', 'AUC', history[0]!, history, 1)).toBeNull();
	});
	it('with slack_amount cancels below best - slack_amount', () => {
		const p: TerminationPolicy = { type: 'bandit', slackAmount: 0.07, evaluationInterval: 1, delayEvaluation: 0 };
		expect(policyDecision(p, 'maximize', 'AUC', history[1]!, history, 1)).toBeNull();
		expect(policyDecision(p, 'maximize', 'AUC', history[2]!, history, 1)).toMatch(/below the bandit slack limit 0.73 /);
	});
	it('when minimizing, cancels above best * (1 + slack_factor)', () => {
		const losses = [t(1, [0.3]), t(2, [0.32]), t(3, [0.4])];
		const p: TerminationPolicy = { type: 'bandit', slackFactor: 0.1, evaluationInterval: 1, delayEvaluation: 0 };
		expect(policyDecision(p, 'minimize', 'log_loss', losses[1]!, losses, 1)).toBeNull();
		expect(policyDecision(p, 'minimize', 'log_loss', losses[2]!, losses, 1)).toBe('log_loss 0.4 above the bandit slack limit 0.33 (best 0.3)');
	});
	it('does nothing before delay_evaluation', () => {
		const p: TerminationPolicy = { type: 'bandit', slackFactor: 0.1, evaluationInterval: 1, delayEvaluation: 2 };
		expect(policyDecision(p, 'maximize', 'AUC', history[2]!, history, 1)).toBeNull();
	});
});

describe('median stopping policy', () => {
	const p: TerminationPolicy = { type: 'median', evaluationInterval: 1, delayEvaluation: 0 };
	// Running averages at interval 2: trial 1 0.8, trial 2 0.7, trial 3 0.6 → median of the others.
	const history = [t(1, [0.8, 0.8]), t(2, [0.6, 0.8]), t(3, [0.6, 0.6]), t(4, [0.7, 0.72])];
	it('cancels a trial whose best so far is worse than the median of the others’ running averages', () => {
		// Others of trial 3: averages 0.8, 0.7, 0.71 → median 0.71 > best 0.6.
		expect(policyDecision(p, 'maximize', 'AUC', history[2]!, history, 2)).toBe('best AUC 0.6 below the median of running averages 0.71');
		// Trial 2's best is 0.8, above the median of 0.8, 0.6, 0.71 = 0.71.
		expect(policyDecision(p, 'maximize', 'AUC', history[1]!, history, 2)).toBeNull();
	});
	it('uses the direction of the goal', () => {
		expect(policyDecision(p, 'minimize', 'log_loss', history[2]!, history, 2)).toBeNull();
		expect(policyDecision(p, 'minimize', 'log_loss', history[0]!, history, 2)).toMatch(/best log_loss 0.8 above the median/);
	});
});

describe('truncation selection policy', () => {
	const p: TerminationPolicy = { type: 'truncation', truncationPercentage: 25, evaluationInterval: 1, delayEvaluation: 0 };
	const history = [t(1, [0.8]), t(2, [0.6]), t(3, [0.7]), t(4, [0.75]), t(5, [0.65])];
	it('cancels the lowest truncation_percentage % at the interval', () => {
		// floor(5 × 25 %) = 1: only the worst trial (0.6) is cut.
		expect(policyDecision(p, 'maximize', 'AUC', history[1]!, history, 1)).toBe('AUC 0.6 in the lowest 25 % of 5 trials at this interval');
		expect(policyDecision(p, 'maximize', 'AUC', history[4]!, history, 1)).toBeNull();
		expect(policyDecision(p, 'minimize', 'loss', history[0]!, history, 1)).toMatch(/lowest 25 %/);
	});
});

describe('runSweep', () => {
	const fake = (params: Record<string, number | string>, interval: number) => Number(params.C) / 10 + (params.class_weight === 'balanced' ? 0.05 : 0) + interval * 0.001;

	it('grid runs every combination to completion and finds the best', () => {
		const { trials, best } = runSweep(base, 3, fake);
		expect(trials).toHaveLength(6);
		expect(trials.every((tr) => tr.status === 'completed' && tr.metrics.length === 3)).toBe(true);
		expect(best?.params).toEqual({ C: 10, class_weight: 'balanced' });
		expect(bestTrial(trials, 'minimize')?.params).toEqual({ C: 0.1, class_weight: 'none' });
	});

	it('honours max_total_trials and advances max_concurrent_trials in round-robin', () => {
		const order: string[] = [];
		runSweep({ ...base, maxTotalTrials: 3, maxConcurrentTrials: 2 }, 2, fake, (e) => {
			if (e.kind === 'reported') order.push(`${e.trial.id}.${e.interval}`);
		});
		expect(order).toEqual(['1.1', '2.1', '1.2', '2.2', '3.1', '3.2']);
	});

	it('is reproducible from its seed and differs across seeds (random and Sobol)', () => {
		for (const sampler of ['random', 'sobol'] as const) {
			const cfg: SweepConfig = { ...base, sampler, maxTotalTrials: 5, space: { C: { type: 'loguniform', min: -3, max: 2 }, threshold: { type: 'uniform', min: 0.2, max: 0.8 } } };
			const a = runSweep(cfg, 1, () => 0.5).trials.map((tr) => tr.params);
			expect(runSweep(cfg, 1, () => 0.5).trials.map((tr) => tr.params)).toEqual(a);
			expect(runSweep({ ...cfg, seed: 8 }, 1, () => 0.5).trials.map((tr) => tr.params)).not.toEqual(a);
			for (const p of a) {
				expect(Number(p.C)).toBeGreaterThanOrEqual(Math.exp(-3));
				expect(Number(p.C)).toBeLessThanOrEqual(Math.exp(2));
			}
		}
	});

	it('a bandit policy cancels a weak trial with its reason and interval', () => {
		// Strong trials first, so the weak ones meet a best value at their first interval.
		const space = { C: { type: 'choice' as const, values: [10, 1, 0.1] }, class_weight: base.space.class_weight! };
		const cfg: SweepConfig = { ...base, space, policy: { type: 'bandit', slackAmount: 0.1, evaluationInterval: 1, delayEvaluation: 1 }, maxConcurrentTrials: 2 };
		const { trials } = runSweep(cfg, 3, fake);
		const cancelled = trials.filter((tr) => tr.status === 'cancelled');
		expect(cancelled.length).toBeGreaterThan(0);
		expect(cancelled[0]!.cancelledAt).toBe(1);
		expect(cancelled[0]!.metrics).toHaveLength(1);
		expect(cancelled[0]!.reason).toMatch(/below the bandit slack limit/);
		expect(trials.find((tr) => tr.params.C === 10 && tr.params.class_weight === 'balanced')?.status).toBe('completed');
	});

	it('Bayesian sampling concentrates on the good region after its start-up trials', () => {
		const cfg: SweepConfig = { ...base, sampler: 'bayesian', maxTotalTrials: 30, maxConcurrentTrials: 1, space: { x: { type: 'uniform', min: 0, max: 1 } } };
		const peak = (params: Record<string, number | string>) => -((Number(params.x) - 0.8) ** 2);
		const { trials } = runSweep(cfg, 1, peak);
		const late = trials.slice(15).map((tr) => Number(tr.params.x));
		const near = late.filter((x) => Math.abs(x - 0.8) < 0.2).length;
		expect(near / late.length).toBeGreaterThan(0.6);
	});

	it('Bayesian start-up is random until enough trials have finished', () => {
		const space = { x: { type: 'uniform' as const, min: 0, max: 1 } };
		const a = suggestBayesian(space, [], 'maximize', seededRandom(1));
		expect(a).toHaveLength(1);
		expect(a[0]).toBe(seededRandom(1)());
	});

	it('refuses an invalid configuration', () => {
		expect(() => runSweep({ ...base, space: { C: { type: 'uniform', min: 0.1, max: 1 } } }, 3, fake)).toThrow(/Grid sampling supports only choice/);
	});
});

describe('delinquency trials', () => {
	const table = generateDelinquencyTable(1500, 3);
	it('fill untuned parameters with defaults and check tuned ones', () => {
		const s = trialSettings({ C: 0.5 }, 9, 0);
		expect(s.params).toMatchObject({ C: 0.5, classWeight: 'none', seed: 9 });
		expect(s.threshold).toBe(0.5);
		expect(s.features).toBe('all');
		expect(() => trialSettings({ class_weight: 'heavy' }, 1, 0)).toThrow(/class_weight/);
		expect(() => trialSettings({ features: 'nope' }, 1, 0)).toThrow(/features must be one of/);
	});

	it('a feature subset ignores the other feature columns', () => {
		const schema = schemaForSubset(DELINQUENCY_SCHEMA, 'behaviour');
		expect(schema.filter((c) => c.role === 'feature').map((c) => c.name)).toEqual(['credit_utilization', 'days_past_due_12m', 'num_open_accounts', 'payment_to_balance']);
		expect(schema.find((c) => c.name === 'age_band')?.role).toBe('sensitive');
	});

	it('report the running mean AUC per fold, better with the full feature set than a weak subset', () => {
		const evaluate = cvEvaluator(table, DELINQUENCY_SCHEMA, 'AUC', 3, 42);
		const all = [1, 2, 3].map((i) => evaluate({ features: 'all' }, i, 1));
		const weak = [1, 2, 3].map((i) => evaluate({ features: 'affordability' }, i, 2));
		for (const v of [...all, ...weak]) expect(v).toBeGreaterThan(0.5);
		expect(all[2]!).toBeGreaterThan(weak[2]!);
		const folds = [all[0]!, 2 * all[1]! - all[0]!, 3 * all[2]! - 2 * all[1]!];
		for (const f of folds) expect(f).toBeLessThan(1);
	});
});
