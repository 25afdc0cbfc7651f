// A sweep job as Azure ML runs one: a search space of parameter expressions, a sampler (grid,
// random, Sobol, Bayesian), an early-termination policy (bandit, median stopping, truncation
// selection), limits (max_total_trials, max_concurrent_trials) and a primary metric with a goal.
// Pure: the caller supplies how one interval of a trial is evaluated, and the seed.
import { normal, seededRandom, type Random } from './random';

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

// Joe & Kuo's direction numbers (new-joe-kuo-6.21201) for dimensions 2–5; dimension 1 is van der Corput.
const SOBOL_DIRECTIONS: { s: number; a: number; m: number[] }[] = [
	{ s: 1, a: 0, m: [1] },
	{ s: 1, a: 0, m: [1] },
	{ s: 2, a: 1, m: [1, 3] },
	{ s: 3, a: 1, m: [1, 3, 1] },
	{ s: 3, a: 2, m: [1, 1, 1] }
];
const SOBOL_BITS = 32;

function directionNumbers(dim: number): number[] {
	const v = new Array<number>(SOBOL_BITS + 1).fill(0);
	if (dim === 0) {
		for (let i = 1; i <= SOBOL_BITS; i++) v[i] = 2 ** (SOBOL_BITS - i);
		return v;
	}
	const { s, a, m } = SOBOL_DIRECTIONS[dim]!;
	for (let i = 1; i <= SOBOL_BITS; i++) {
		if (i <= s) v[i] = (m[i - 1]! * 2 ** (SOBOL_BITS - i)) >>> 0;
		else {
			let x = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
			for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[i - k]!) >>> 0;
			v[i] = x;
		}
	}
	return v;
}

/**
 * A Sobol sequence in Gray-code order. Seeding is a random digital shift (each coordinate XORed
 * with a seeded 32-bit word), which keeps the sequence's even spread; shift 0 gives the plain
 * sequence. The all-zero first point is skipped, as SciPy and most libraries do.
 */
export function sobolSequence(dimensions: number, shifts: number[] = []): () => number[] {
	if (dimensions > SOBOL_DIRECTIONS.length) throw new RangeError(`Sobol supports up to ${SOBOL_DIRECTIONS.length} dimensions.`);
	const v = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
	const x = new Array<number>(dimensions).fill(0);
	let n = 0;
	return () => {
		// Index of the rightmost zero bit of n (1-based) picks the direction number to XOR in.
		let c = 1;
		while ((n >>> (c - 1)) & 1) c++;
		n++;
		for (let d = 0; d < dimensions; d++) x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
		return x.map((xi, d) => ((xi ^ (shifts[d] ?? 0)) >>> 0) / 2 ** SOBOL_BITS);
	};
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

const better = (goal: Goal, a: number, b: number) => (goal === 'maximize' ? a > b : a < b);
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, ''));

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Whether the policy is applied at this 1-based interval (delay_evaluation, then every evaluation_interval). */
export function policyApplies(policy: TerminationPolicy, interval: number): boolean {
	if (policy.type === 'none') return false;
	return interval >= Math.max(1, policy.delayEvaluation) && interval % policy.evaluationInterval === 0;
}

/**
 * The policy's decision for one trial that has just reported `interval` (1-based), compared with
 * every trial that has reached that interval. Returns the reason to cancel, or null to continue.
 */
export function policyDecision(policy: TerminationPolicy, goal: Goal, metricName: string, trial: Pick<Trial, 'id' | 'metrics'>, all: readonly Pick<Trial, 'id' | 'metrics'>[], interval: number): string | null {
	if (!policyApplies(policy, interval)) return null;
	const i = interval - 1;
	const value = trial.metrics[i];
	if (value === undefined) return null;
	const reached = all.filter((t) => t.metrics.length > i);
	const max = goal === 'maximize';
	switch (policy.type) {
		case 'bandit': {
			// Slack is measured from the best trial at this same interval.
			const best = reached.reduce((b, t) => (better(goal, t.metrics[i]!, b) ? t.metrics[i]! : b), value);
			const limit =
				policy.slackFactor !== undefined ? (max ? best / (1 + policy.slackFactor) : best * (1 + policy.slackFactor)) : max ? best - policy.slackAmount! : best + policy.slackAmount!;
			if (better(goal, limit, value)) return `${metricName} ${fmt(value)} ${max ? 'below' : 'above'} the bandit slack limit ${fmt(limit)} (best ${fmt(best)})`;
			return null;
		}
		case 'median': {
			// Best value so far versus the median of the other trials' running averages at this interval.
			const others = reached.filter((t) => t.id !== trial.id);
			if (others.length === 0) return null;
			const averages = others.map((t) => t.metrics.slice(0, interval).reduce((s, v) => s + v, 0) / interval);
			const m = median(averages);
			const bestSoFar = trial.metrics.slice(0, interval).reduce((b, v) => (better(goal, v, b) ? v : b));
			if (better(goal, m, bestSoFar)) return `best ${metricName} ${fmt(bestSoFar)} ${max ? 'below' : 'above'} the median of running averages ${fmt(m)}`;
			return null;
		}
		case 'truncation': {
			// Rank every trial at this interval, worst first; the lowest truncation_percentage % are cancelled.
			const ranked = [...reached].sort((a, b) => (max ? a.metrics[i]! - b.metrics[i]! : b.metrics[i]! - a.metrics[i]!) || b.id - a.id);
			const cut = Math.floor((ranked.length * policy.truncationPercentage) / 100);
			const rank = ranked.findIndex((t) => t.id === trial.id);
			if (rank >= 0 && rank < cut) return `${metricName} ${fmt(value)} in the lowest ${policy.truncationPercentage} % of ${ranked.length} trials at this interval`;
			return null;
		}
		default:
			return null;
	}
}

/** One interval of one trial: the primary metric it reports after that interval (1-based). */
export type IntervalEvaluator = (params: Assignment, interval: number, trialId: number) => number;

export type SweepEvent = { kind: 'started'; trial: Trial } | { kind: 'reported'; trial: Trial; interval: number } | { kind: 'finished'; trial: Trial };

export interface SweepResult {
	trials: Trial[];
	best: Trial | null;
}

/** Tree-structured Parzen estimator settings: random start-up trials, good share and candidates per suggestion. */
const TPE = { minStartup: 3, gamma: 0.25, candidates: 24, bandwidth: 0.15 };

function parzen(points: number[][], x: number[], choiceSizes: (number | null)[]): number {
	// Product over dimensions of a kernel density with a uniform prior mixed in, so no region has density 0.
	let density = 1;
	for (let d = 0; d < x.length; d++) {
		const n = choiceSizes[d];
		let sum = 1; // prior weight
		for (const p of points) {
			if (n) sum += Math.floor(p[d]! * n) === Math.floor(x[d]! * n) ? n : 0;
			else sum += Math.exp(-0.5 * ((p[d]! - x[d]!) / TPE.bandwidth) ** 2) / (TPE.bandwidth * Math.sqrt(2 * Math.PI));
		}
		density *= sum / (points.length + 1);
	}
	return density;
}

/**
 * Bayesian suggestion as TPE (Bergstra et al., 2011): split finished trials into the best
 * gamma share and the rest, draw candidates near the good ones, and take the candidate with the
 * highest ratio of good to bad density, which is proportional to its expected improvement.
 */
export function suggestBayesian(space: SearchSpace, finished: readonly Pick<Trial, 'unit' | 'metrics'>[], goal: Goal, random: Random): number[] {
	const exprs = Object.values(space);
	const dims = exprs.length;
	const fresh = () => exprs.map(() => random());
	if (finished.length < Math.max(TPE.minStartup, dims + 1)) return fresh();
	const sign = goal === 'maximize' ? -1 : 1;
	const sorted = [...finished].sort((a, b) => sign * (a.metrics.at(-1)! - b.metrics.at(-1)!));
	const nGood = Math.max(1, Math.ceil(sorted.length * TPE.gamma));
	const good = sorted.slice(0, nGood).map((t) => t.unit);
	const bad = sorted.slice(nGood).map((t) => t.unit);
	const sizes = exprs.map((e) => (e.type === 'choice' ? e.values.length : null));
	let best = fresh();
	let bestScore = -Infinity;
	for (let c = 0; c < TPE.candidates; c++) {
		const centre = good[Math.floor(random() * good.length)]!;
		const x = centre.map((v, d) => (sizes[d] ? (random() < 0.8 ? v : random()) : Math.min(1 - 1e-9, Math.max(0, v + TPE.bandwidth * normal(random)))));
		const score = parzen(good, x, sizes) / parzen(bad, x, sizes);
		if (score > bestScore) {
			bestScore = score;
			best = x;
		}
	}
	return best;
}

function unitOfChoice(e: ParamExpression, value: ParamValue): number {
	return e.type === 'choice' ? (e.values.indexOf(value) + 0.5) / e.values.length : 0.5;
}

/**
 * Runs a sweep. Concurrency is simulated: up to max_concurrent_trials trials hold a slot, each
 * advances one interval per round in slot order, and a freed slot is filled with the next sample
 * before the next round, so the schedule (and the policy's view of other trials) is deterministic.
 */
export function runSweep(config: SweepConfig, intervals: number, evaluate: IntervalEvaluator, onEvent: (e: SweepEvent) => void = () => {}): SweepResult {
	const problem = validateSweep(config);
	if (problem) throw new RangeError(problem);
	const names = Object.keys(config.space);
	const exprs = names.map((n) => config.space[n]!);
	const random = seededRandom(config.seed);
	const grid = config.sampler === 'grid' ? gridAssignments(config.space) : null;
	const sobol = config.sampler === 'sobol' ? sobolSequence(names.length, names.map(() => Math.floor(random() * 2 ** 32))) : null;
	const total = Math.min(config.maxTotalTrials, grid ? grid.length : Infinity);
	const trials: Trial[] = [];
	const active: Trial[] = [];

	const start = (): Trial => {
		let params: Assignment;
		let unit: number[];
		if (grid) {
			params = grid[trials.length]!;
			unit = names.map((n, d) => unitOfChoice(exprs[d]!, params[n]!));
		} else {
			unit = sobol ? sobol() : config.sampler === 'bayesian' ? suggestBayesian(config.space, trials.filter((t) => t.status === 'completed'), config.goal, random) : exprs.map(() => random());
			params = Object.fromEntries(names.map((n, d) => [n, valueAt(exprs[d]!, unit[d]!)]));
		}
		const trial: Trial = { id: trials.length + 1, params, unit, metrics: [], status: 'running' };
		trials.push(trial);
		onEvent({ kind: 'started', trial });
		return trial;
	};

	while (trials.length < total || active.length > 0) {
		while (active.length < config.maxConcurrentTrials && trials.length < total) active.push(start());
		for (const trial of [...active]) {
			const interval = trial.metrics.length + 1;
			trial.metrics.push(evaluate(trial.params, interval, trial.id));
			onEvent({ kind: 'reported', trial, interval });
			// A trial that has reported its last interval has finished its work; only earlier intervals can be cut short.
			const reason = policyDecision(config.policy, config.goal, config.primaryMetric, trial, trials, interval);
			if (reason || interval >= intervals) {
				if (reason && interval < intervals) {
					trial.status = 'cancelled';
					trial.reason = reason;
					trial.cancelledAt = interval;
				} else trial.status = 'completed';
				active.splice(active.indexOf(trial), 1);
				onEvent({ kind: 'finished', trial });
			}
		}
	}
	return { trials, best: bestTrial(trials, config.goal) };
}

/** The completed trial with the best final metric. */
export function bestTrial(trials: readonly Trial[], goal: Goal): Trial | null {
	let best: Trial | null = null;
	for (const t of trials) if (t.status === 'completed' && (!best || better(goal, t.metrics.at(-1)!, best.metrics.at(-1)!))) best = t;
	return best;
}
