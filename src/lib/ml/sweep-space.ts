// A sweep's configuration as Azure ML writes one: a search space of parameter expressions, a sampler,
// an early-termination policy, limits and a primary metric with a goal; its checks; and the values a
// point of the unit cube (or a grid) gives each parameter. The trial type every part of a sweep shares.
import { SOBOL_DIRECTIONS } from './sobol';

export type ParamValue = number | string;

/**
 * Parameter expressions from azure.ai.ml.sweep. LogUniform follows SDK v2: its bounds are
 * exponents of e, so a value is exp(uniform(min, max)). QUniform is round(uniform(min, max) / q) * q.
 */
export type ParamExpression =
	| { type: 'choice'; values: ParamValue[] }
	| { type: 'uniform'; min: number; max: number }
	| { type: 'loguniform'; min: number; max: number }
	| { type: 'quniform'; min: number; max: number; q: number };

export type SearchSpace = Record<string, ParamExpression>;
export type Assignment = Record<string, ParamValue>;
export type SamplerName = 'grid' | 'random' | 'sobol' | 'bayesian';
export type Goal = 'maximize' | 'minimize';

interface PolicyTiming {
	/** Apply the policy every n-th time the primary metric is reported. */
	evaluationInterval: number;
	/** Do not apply it before this interval. */
	delayEvaluation: number;
}

export type TerminationPolicy =
	| { type: 'none' }
	| ({ type: 'bandit'; slackFactor?: number; slackAmount?: number } & PolicyTiming)
	| ({ type: 'median' } & PolicyTiming)
	| ({ type: 'truncation'; truncationPercentage: number } & PolicyTiming);

export interface SweepConfig {
	space: SearchSpace;
	sampler: SamplerName;
	policy: TerminationPolicy;
	primaryMetric: string;
	goal: Goal;
	maxTotalTrials: number;
	maxConcurrentTrials: number;
	seed: number;
}

export const POLICY_NAMES: Record<TerminationPolicy['type'], string> = { none: 'no policy', bandit: 'bandit policy', median: 'median stopping', truncation: 'truncation selection' };

const isContinuous = (e: ParamExpression) => e.type === 'uniform' || e.type === 'loguniform';

/** The first problem with a sweep, in Azure ML's terms, or null when it can run. */
export function validateSweep(config: SweepConfig): string | null {
	const names = Object.keys(config.space);
	if (names.length === 0) return 'Add at least one parameter to the search space.';
	for (const name of names) {
		const e = config.space[name]!;
		if (e.type === 'choice') {
			if (e.values.length === 0) return `${name}: choice needs at least one value.`;
			continue;
		}
		if (!Number.isFinite(e.min) || !Number.isFinite(e.max) || !(e.min < e.max)) return `${name}: ${e.type} needs min_value below max_value.`;
		if (e.type === 'quniform' && !(e.q > 0)) return `${name}: quniform needs q above 0.`;
	}
	if (config.sampler === 'grid') {
		const bad = names.find((n) => config.space[n]!.type !== 'choice');
		if (bad) return `Grid sampling supports only choice parameters; "${bad}" is ${config.space[bad]!.type}. Use random, Sobol or Bayesian sampling, or make it a choice.`;
	}
	if (config.sampler === 'bayesian') {
		const bad = names.find((n) => !['choice', 'uniform', 'quniform'].includes(config.space[n]!.type));
		if (bad) return `Bayesian sampling supports only choice, uniform and quniform parameters; "${bad}" is ${config.space[bad]!.type}.`;
		if (config.policy.type !== 'none') return 'Bayesian sampling does not support early termination policies: it learns from every trial, so a stopped trial would mislead it. Choose no policy.';
	}
	if (config.sampler === 'sobol' && names.length > SOBOL_DIRECTIONS.length) return `Sobol sampling here supports up to ${SOBOL_DIRECTIONS.length} parameters.`;
	if (!(Number.isInteger(config.maxTotalTrials) && config.maxTotalTrials >= 1 && config.maxTotalTrials <= 1000)) return 'max_total_trials must be a whole number from 1 to 1,000.';
	if (!(Number.isInteger(config.maxConcurrentTrials) && config.maxConcurrentTrials >= 1 && config.maxConcurrentTrials <= 100)) return 'max_concurrent_trials must be a whole number from 1 to 100.';
	if (!Number.isInteger(config.seed) || config.seed < 0) return 'Seed must be a whole number of 0 or more.';
	const p = config.policy;
	if (p.type !== 'none') {
		if (!(Number.isInteger(p.evaluationInterval) && p.evaluationInterval >= 1)) return 'evaluation_interval must be a whole number of 1 or more.';
		if (!(Number.isInteger(p.delayEvaluation) && p.delayEvaluation >= 0)) return 'delay_evaluation must be a whole number of 0 or more.';
		if (p.type === 'bandit') {
			const hasFactor = p.slackFactor !== undefined;
			if (hasFactor === (p.slackAmount !== undefined)) return 'A bandit policy needs exactly one of slack_factor or slack_amount.';
			if (!((hasFactor ? p.slackFactor! : p.slackAmount!) >= 0)) return 'The bandit slack must be 0 or more.';
		}
		if (p.type === 'truncation' && !(Number.isInteger(p.truncationPercentage) && p.truncationPercentage >= 1 && p.truncationPercentage <= 99)) return 'truncation_percentage must be a whole number from 1 to 99.';
	}
	return null;
}

/** Maps a point of the unit interval to a value of the expression. */
export function valueAt(e: ParamExpression, u: number): ParamValue {
	const t = Math.min(Math.max(u, 0), 1 - 1e-12);
	switch (e.type) {
		case 'choice':
			return e.values[Math.floor(t * e.values.length)]!;
		case 'uniform':
			return e.min + t * (e.max - e.min);
		case 'loguniform':
			return Math.exp(e.min + t * (e.max - e.min));
		case 'quniform': {
			const v = Math.round((e.min + t * (e.max - e.min)) / e.q) * e.q;
			return Number(v.toPrecision(12));
		}
	}
}

/** Every combination of the choice values, first parameter slowest (what a grid sweep runs). */
export function gridAssignments(space: SearchSpace): Assignment[] {
	let out: Assignment[] = [{}];
	for (const [name, e] of Object.entries(space)) {
		if (e.type !== 'choice') throw new RangeError(`Grid sampling supports only choice parameters; "${name}" is ${e.type}.`);
		out = out.flatMap((a) => e.values.map((v) => ({ ...a, [name]: v })));
	}
	return out;
}

export type TrialStatus = 'running' | 'completed' | 'cancelled';

export interface Trial {
	/** 1-based, in the order trials were started. */
	id: number;
	params: Assignment;
	/** Point in the unit cube the params came from (one coordinate per parameter). */
	unit: number[];
	/** The primary metric as reported at intervals 1, 2, ... */
	metrics: number[];
	status: TrialStatus;
	/** Why a policy cancelled the trial. */
	reason?: string;
	cancelledAt?: number;
}


/** True when `a` is a better value of the primary metric than `b`. */
export const better = (goal: Goal, a: number, b: number) => (goal === 'maximize' ? a > b : a < b);
