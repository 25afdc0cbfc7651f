// A sweep job as Azure ML runs one: a search space of parameter expressions, a sampler (grid,
// random, Sobol, Bayesian), an early-termination policy (bandit, median stopping, truncation
// selection), limits (max_total_trials, max_concurrent_trials) and a primary metric with a goal.
// Pure: the caller supplies how one interval of a trial is evaluated, and the seed. The parts live in
// sweep-space.ts (configuration and checks), sobol.ts, bayesian-sampler.ts and early-termination.ts.
import { suggestBayesian } from './bayesian-sampler';
import { policyApplies, policyDecision } from './early-termination';
import { seededRandom } from './random';
import { sobolSequence } from './sobol';
import { better, gridAssignments, validateSweep, valueAt, type Assignment, type Goal, type ParamExpression, type ParamValue, type SweepConfig, type Trial } from './sweep-space';

export * from './sweep-space';
export { suggestBayesian } from './bayesian-sampler';
export { policyApplies, policyDecision } from './early-termination';
export { sobolSequence } from './sobol';

/** One interval of one trial: the primary metric it reports after that interval (1-based). */
export type IntervalEvaluator = (params: Assignment, interval: number, trialId: number) => number;

export type SweepEvent = { kind: 'started'; trial: Trial } | { kind: 'reported'; trial: Trial; interval: number } | { kind: 'finished'; trial: Trial };

export interface SweepResult {
	trials: Trial[];
	best: Trial | null;
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
