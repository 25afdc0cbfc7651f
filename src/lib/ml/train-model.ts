// A training run, end to end: split → fit preprocessing on train → solve → evaluate on test
// (and optionally cross-validate). Pure, so the worker, the CLI and the tests run the same steps.
import { balancedSampleWeight } from './class-weight';
import { trainingProfile } from './drift';
import { tableFingerprint } from './fingerprint';
import { fitLogisticGradientDescent } from './logistic-gd';
import { fitLogisticNewton } from './logistic-newton';
import { evaluate, type MetricSet } from './metrics';
import { ARTIFACT_FORMAT_VERSION, type CvSummary, type ModelDraft, type TrainParams } from './model-artifact';
import { scoreTable } from './score';
import { fitPreprocessor, transformTable, type FeatureSpec, type Preprocessor } from './preprocess';
import { stratifiedKFold, stratifiedSplit, type Split } from './split';
import { featureSchema, positiveRate, type ColumnSchema, type LabelledTable } from './table';

export const MODEL_NAME = 'delinquency';

export type TrainStage = 'preparing' | 'fitting' | 'cross-validating' | 'evaluating';

export interface TrainProgress {
	stage: TrainStage;
	/** Overall fraction done, 0..1. */
	fraction: number;
	/** Latest training loss (mean log loss), while fitting. */
	loss?: number;
}

export interface LossPoint {
	/** Newton iteration, or gradient-descent steps. */
	step: number;
	loss: number;
}

export interface TrainOutcome {
	draft: ModelDraft;
	lossCurve: LossPoint[];
	/** Held-out labels and scores, for curves and the threshold view. */
	test: { y: Uint8Array; p: Float64Array };
}

/** Encoded features (numeric columns plus one-hot categories) the Newton solver accepts. */
export const MAX_NEWTON_FEATURES = 1000;

export const DEFAULT_TRAIN_PARAMS: TrainParams = { C: 1, solver: 'newton', classWeight: 'none', testFraction: 0.2, seed: 42, cvFolds: 0 };

export function validateTrainParams(p: TrainParams): string | null {
	if (!(p.C > 0) || !Number.isFinite(p.C)) return 'C must be a positive number.';
	if (!(p.testFraction >= 0.05 && p.testFraction <= 0.5)) return 'Test share must be between 5 % and 50 %.';
	if (!Number.isInteger(p.seed) || p.seed < 0) return 'Seed must be a whole number of 0 or more.';
	if (!(p.cvFolds === 0 || (Number.isInteger(p.cvFolds) && p.cvFolds >= 2 && p.cvFolds <= 10))) return 'Cross-validation folds must be 0 (off) or 2 to 10.';
	if (p.solver !== 'newton' && p.solver !== 'gd') return 'Solver must be newton or gd.';
	return null;
}

interface Fit {
	weights: number[];
	intercept: number;
	iterations: number;
	converged: boolean;
	lossCurve: LossPoint[];
}

/**
 * Rows of each class needed so the stratified split (which rounds each class's test share) leaves
 * the class in the test part, and in the training part at least once per cross-validation fold.
 */
export function minimumRowsPerClass(testFraction: number, cvFolds = 0): number {
	let n = 2;
	while (Math.round(n * testFraction) < 1 || n - Math.round(n * testFraction) < Math.max(1, cvFolds)) n++;
	return n;
}

/** Refuses a table too small to train on and evaluate, saying how many rows are needed. */
function checkEnoughRows(table: LabelledTable, params: TrainParams): void {
	const positives = table.target.values.reduce((s, v) => s + v, 0);
	const counts = [table.rows - positives, positives];
	const perClass = minimumRowsPerClass(params.testFraction, params.cvFolds);
	const short = counts.findIndex((n) => n < perClass);
	if (short === -1) return;
	throw new RangeError(
		`Too few rows to train and evaluate: class ${short} of "${table.target.name}" has ${counts[short]} row${counts[short] === 1 ? '' : 's'}; at least ${perClass} rows of each class (0 and 1) are needed so that the ${Math.round(params.testFraction * 100)} % test split${params.cvFolds ? ` and ${params.cvFolds} cross-validation folds` : ''} can measure the model. Add rows (${2 * perClass} or more, both classes).`
	);
}

/** Standardising needs a finite mean and spread; values around ±1e300 overflow them. */
function checkStatistics(preprocessor: Preprocessor): void {
	for (const s of preprocessor.numeric) {
		if (![s.median, s.mean, s.scale].every(Number.isFinite)) {
			throw new RangeError(`Column "${s.name}" has values too large to standardise (its mean or spread is not a finite number). Rescale the column (e.g. divide it by a power of ten) or set it to "ignore".`);
		}
	}
}

function fitOn(table: LabelledTable, spec: FeatureSpec, rows: Uint32Array, params: TrainParams, onLoss?: (p: LossPoint) => void) {
	const preprocessor = fitPreprocessor(table, rows, spec);
	checkStatistics(preprocessor);
	const { x } = transformTable(preprocessor, table, rows);
	const y = new Uint8Array(rows.length);
	for (let k = 0; k < rows.length; k++) y[k] = table.target.values[rows[k]!]!;
	const d = x.length / rows.length;
	// Newton's Hessian is d × d, refactored every iteration: thousands of features would freeze the tab.
	if (params.solver === 'newton' && d > MAX_NEWTON_FEATURES) {
		throw new RangeError(`The data has ${d.toLocaleString('en')} encoded features; Newton's method handles up to ${MAX_NEWTON_FEATURES.toLocaleString('en')}. Choose gradient descent, or set unneeded columns to "ignore".`);
	}
	let fit: Fit;
	// Both solvers minimise the same objective, so C and class weight take effect whichever is chosen.
	const sampleWeight = params.classWeight === 'balanced' ? balancedSampleWeight(y) : undefined;
	if (params.solver === 'gd') {
		const gd = fitLogisticGradientDescent(x, y, d, { C: params.C, sampleWeight, onCheckpoint: (steps, loss) => onLoss?.({ step: steps, loss }) });
		fit = { weights: gd.weights, intercept: gd.intercept, iterations: gd.steps, converged: gd.converged, lossCurve: gd.lossCurve.map((c) => ({ step: c.steps, loss: c.loss })) };
	} else {
		const losses: LossPoint[] = [];
		const newton = fitLogisticNewton(x, y, d, {
			C: params.C,
			sampleWeight,
			onIteration: (i, loss) => {
				losses.push({ step: i, loss });
				onLoss?.({ step: i, loss });
			}
		});
		fit = { weights: newton.weights, intercept: newton.intercept, iterations: newton.iterations, converged: newton.converged, lossCurve: [{ step: 0, loss: newton.lossHistory[0]! }, ...losses] };
	}
	if (!fit.weights.every(Number.isFinite) || !Number.isFinite(fit.intercept)) {
		throw new RangeError('Training did not produce finite weights (the solver diverged). Use a smaller C, or rescale columns with very large values.');
	}
	return { preprocessor, fit };
}

/** Held-out labels and probabilities, scored by the same function as every registered version (score.ts). */
function predictRows(table: LabelledTable, rows: Uint32Array, model: ReturnType<typeof fitOn>) {
	const { probabilities: p } = scoreTable({ preprocessor: model.preprocessor, weights: model.fit.weights, intercept: model.fit.intercept }, table, rows);
	const y = Uint8Array.from(rows, (r) => table.target.values[r]!);
	return { y, p };
}

/** Fits on some rows and scores others: one cross-validation fold, as a sweep trial runs it. */
export function fitAndScore(table: LabelledTable, schema: readonly ColumnSchema[], params: TrainParams, trainRows: Uint32Array, testRows: Uint32Array): { y: Uint8Array; p: Float64Array } {
	return predictRows(table, testRows, fitOn(table, featureSchema(schema), trainRows, params));
}

function summarise(runs: MetricSet[]): { mean: MetricSet; std: MetricSet } {
	const keys = Object.keys(runs[0]!) as (keyof MetricSet)[];
	const mean = {} as MetricSet;
	const std = {} as MetricSet;
	for (const k of keys) {
		const values = runs.map((r) => r[k]);
		const m = values.reduce((s, v) => s + v, 0) / values.length;
		mean[k] = m;
		// Sample standard deviation across folds.
		std[k] = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1)) : 0;
	}
	return { mean, std };
}

export function trainModel(
	table: LabelledTable,
	schema: readonly ColumnSchema[],
	params: TrainParams,
	onProgress: (p: TrainProgress) => void = () => {},
	now: () => number = Date.now
): TrainOutcome {
	const problem = validateTrainParams(params);
	if (problem) throw new RangeError(problem);
	const spec = featureSchema(schema);
	if (spec.numeric.length + spec.categorical.length === 0) throw new RangeError('Choose at least one feature column.');
	checkEnoughRows(table, params);
	const started = now();
	onProgress({ stage: 'preparing', fraction: 0.02 });
	const split: Split = stratifiedSplit(table.target.values, params.testFraction, params.seed);

	const cvShare = params.cvFolds ? 0.45 : 0;
	let cv: CvSummary | undefined;
	if (params.cvFolds) {
		const trainLabels = Uint8Array.from(split.train, (i) => table.target.values[i]!);
		const folds = stratifiedKFold(trainLabels, params.cvFolds, params.seed + 1);
		const runs = folds.map((fold, f) => {
			onProgress({ stage: 'cross-validating', fraction: 0.05 + (cvShare * f) / folds.length });
			const trainRows = Uint32Array.from(fold.train, (k) => split.train[k]!);
			const testRows = Uint32Array.from(fold.test, (k) => split.train[k]!);
			const model = fitOn(table, spec, trainRows, params);
			const { y, p } = predictRows(table, testRows, model);
			return evaluate(y, p);
		});
		cv = { folds: params.cvFolds, ...summarise(runs) };
	}

	const fitStart = 0.05 + cvShare;
	onProgress({ stage: 'fitting', fraction: fitStart });
	const expected = params.solver === 'gd' ? 10 : 8; // typical checkpoints / iterations, for a smooth bar
	let seen = 0;
	const model = fitOn(table, spec, split.train, params, (point) => {
		seen++;
		onProgress({ stage: 'fitting', fraction: fitStart + (0.9 - fitStart) * Math.min(1, seen / expected), loss: point.loss });
	});

	onProgress({ stage: 'evaluating', fraction: 0.92 });
	const test = predictRows(table, split.test, model);
	const sensitive = schema.filter((c) => c.role === 'sensitive').map((c) => c.name);
	const draft: ModelDraft = {
		formatVersion: ARTIFACT_FORMAT_VERSION,
		name: MODEL_NAME,
		target: table.target.name,
		signature: {
			inputs: [...spec.numeric.map((name) => ({ name, type: 'double' as const })), ...spec.categorical.map((name) => ({ name, type: 'string' as const }))],
			output: { name: `${table.target.name}_probability`, type: 'double' },
			sensitive
		},
		preprocessor: model.preprocessor,
		weights: model.fit.weights,
		intercept: model.fit.intercept,
		metrics: {
			...evaluate(test.y, test.p),
			trainRows: split.train.length,
			testRows: split.test.length,
			positiveRate: positiveRate(table),
			...(cv ? { cv } : {})
		},
		params: { ...params },
		solver: { name: params.solver, iterations: model.fit.iterations, converged: model.fit.converged },
		dataFingerprint: tableFingerprint(table),
		trainingMs: 0,
		createdAt: new Date(now()).toISOString(),
		profile: trainingProfile(table, split.train, spec)
	};
	draft.trainingMs = now() - started;
	onProgress({ stage: 'evaluating', fraction: 1 });
	return { draft, lossCurve: model.fit.lossCurve, test };
}
