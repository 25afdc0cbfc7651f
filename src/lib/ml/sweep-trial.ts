// How a sweep trial trains the delinquency model: the tuned parameters (C, class_weight, a named
// feature subset, the decision threshold) applied to k-fold cross-validation on the training split,
// reporting the running mean of the primary metric after each fold as one interval.
import { evaluate, type MetricSet } from './metrics';
import type { TrainParams } from './model-artifact';
import { stratifiedKFold, stratifiedSplit } from './split';
import type { Assignment, Goal, IntervalEvaluator } from './sweep';
import type { ColumnSchema, LabelledTable } from './table';
import { DEFAULT_TRAIN_PARAMS, fitAndScore } from './train-model';

/** Named feature subsets a sweep can choose between (names of delinquency columns). */
export const FEATURE_SUBSETS: Record<string, readonly string[] | null> = {
	all: null,
	behaviour: ['credit_utilization', 'days_past_due_12m', 'payment_to_balance', 'num_open_accounts'],
	affordability: ['annual_income', 'debt_to_income', 'months_on_book', 'region']
};

/** The tunable parameters, named as a training script's arguments would be. */
export const SWEEP_PARAMETERS = ['C', 'class_weight', 'features', 'threshold'] as const;
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];
export const CATEGORICAL_PARAMETERS: readonly SweepParameter[] = ['class_weight', 'features'];

export const PRIMARY_METRICS: Record<string, { key: keyof MetricSet; goal: Goal }> = {
	AUC: { key: 'rocAuc', goal: 'maximize' },
	F1: { key: 'f1', goal: 'maximize' },
	accuracy: { key: 'accuracy', goal: 'maximize' },
	log_loss: { key: 'logLoss', goal: 'minimize' }
};

export interface TrialSettings {
	params: TrainParams;
	features: string;
	threshold: number;
}

/** Fills the parameters a trial does not tune with the training defaults. */
export function trialSettings(assignment: Assignment, seed: number, cvFolds: number): TrialSettings {
	const classWeight = assignment.class_weight ?? 'none';
	if (classWeight !== 'none' && classWeight !== 'balanced') throw new RangeError(`class_weight must be none or balanced, not "${classWeight}".`);
	const features = String(assignment.features ?? 'all');
	if (!(features in FEATURE_SUBSETS)) throw new RangeError(`features must be one of ${Object.keys(FEATURE_SUBSETS).join(', ')}, not "${features}".`);
	const C = Number(assignment.C ?? 1);
	if (!(C > 0)) throw new RangeError(`C must be above 0, not ${assignment.C}.`);
	const threshold = Number(assignment.threshold ?? 0.5);
	if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be between 0 and 1, not ${assignment.threshold}.`);
	return { params: { ...DEFAULT_TRAIN_PARAMS, C, classWeight, seed, cvFolds }, features, threshold };
}

/** The schema with the columns outside the subset ignored. */
export function schemaForSubset(schema: readonly ColumnSchema[], subset: string): ColumnSchema[] {
	const keep = FEATURE_SUBSETS[subset];
	return schema.map((c) => (c.role === 'feature' && keep && !keep.includes(c.name) ? { ...c, role: 'ignore' } : { ...c }));
}

export function cvEvaluator(table: LabelledTable, schema: readonly ColumnSchema[], primaryMetric: string, folds: number, seed: number): IntervalEvaluator {
	const metric = PRIMARY_METRICS[primaryMetric];
	if (!metric) throw new RangeError(`Unknown primary metric "${primaryMetric}".`);
	// Same split and folds as trainModel with this seed, so a registered best trial is trained on the same rows.
	const split = stratifiedSplit(table.target.values, DEFAULT_TRAIN_PARAMS.testFraction, seed);
	const labels = Uint8Array.from(split.train, (i) => table.target.values[i]!);
	const cv = stratifiedKFold(labels, folds, seed + 1).map((f) => ({
		train: Uint32Array.from(f.train, (k) => split.train[k]!),
		test: Uint32Array.from(f.test, (k) => split.train[k]!)
	}));
	const sums = new Map<number, number>();
	return (assignment, interval, trialId) => {
		const s = trialSettings(assignment, seed, 0);
		const fold = cv[interval - 1]!;
		const { y, p } = fitAndScore(table, schemaForSubset(schema, s.features), s.params, fold.train, fold.test);
		const sum = (sums.get(trialId) ?? 0) + evaluate(y, p, s.threshold)[metric.key];
		sums.set(trialId, sum);
		return sum / interval;
	};
}
