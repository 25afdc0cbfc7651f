// Early termination of sweep trials as Azure ML's policies decide it: bandit (slack from the best),
// median stopping (running averages) and truncation selection (the lowest share at an interval).
import { better, type Goal, type TerminationPolicy, type Trial } from './sweep-space';

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
