// The lab's training run, end to end: generate → split → scale on train → fit → evaluate on test.
// Pure, so the worker, the tests and (later) the CLI run exactly the same steps.
import { generateDelinquencyData } from './delinquency-data';
import { datasetFingerprint } from './fingerprint';
import { fitLogisticNewton } from './logistic-newton';
import { accuracy, rocAuc } from './metrics';
import type { ModelDraft, TrainParams } from './model-artifact';
import { ARTIFACT_FORMAT_VERSION } from './model-artifact';
import { fitScaler, pickLabels, transformRows } from './scaler';
import { stratifiedSplit } from './split';

export type TrainStage = 'generating' | 'preparing' | 'fitting' | 'evaluating';

export interface TrainProgress {
	stage: TrainStage;
	/** Overall fraction done, 0..1. */
	fraction: number;
	/** Penalised mean log loss after the latest solver iteration, while fitting. */
	loss?: number;
}

export interface TrainOutcome {
	draft: ModelDraft;
	lossHistory: number[];
	durationMs: number;
}

export const MODEL_NAME = 'delinquency';
export const MAX_ITERATIONS = 50;

export function validateTrainParams(p: TrainParams): string | null {
	if (!Number.isInteger(p.rows) || p.rows < 200 || p.rows > 500_000) return 'Rows must be a whole number from 200 to 500,000.';
	if (!Number.isInteger(p.seed) || p.seed < 0) return 'Seed must be a whole number of 0 or more.';
	if (!(p.C > 0) || !Number.isFinite(p.C)) return 'C must be a positive number.';
	if (!(p.testFraction >= 0.05 && p.testFraction <= 0.5)) return 'Test share must be between 5 % and 50 %.';
	return null;
}

export function trainDelinquencyModel(
	params: TrainParams,
	onProgress: (p: TrainProgress) => void = () => {},
	now: () => number = Date.now
): TrainOutcome {
	const problem = validateTrainParams(params);
	if (problem) throw new RangeError(problem);
	const started = now();
	onProgress({ stage: 'generating', fraction: 0 });
	const data = generateDelinquencyData(params.rows, params.seed);
	const d = data.features.length;

	onProgress({ stage: 'preparing', fraction: 0.15 });
	const split = stratifiedSplit(data.y, params.testFraction, params.seed + 1);
	const scaler = fitScaler(data.x, d, split.train);
	const xTrain = transformRows(scaler, data.x, d, split.train);
	const yTrain = pickLabels(data.y, split.train);

	onProgress({ stage: 'fitting', fraction: 0.25 });
	const fit = fitLogisticNewton(xTrain, yTrain, d, {
		C: params.C,
		maxIterations: MAX_ITERATIONS,
		// Newton needs few iterations; report each against a typical count of ten.
		onIteration: (i, loss) => onProgress({ stage: 'fitting', fraction: 0.25 + 0.65 * Math.min(1, i / 10), loss })
	});

	onProgress({ stage: 'evaluating', fraction: 0.92 });
	const xTest = transformRows(scaler, data.x, d, split.test);
	const yTest = pickLabels(data.y, split.test);
	const probabilities = new Float64Array(yTest.length);
	for (let i = 0; i < yTest.length; i++) {
		let z = fit.intercept;
		for (let j = 0; j < d; j++) z += fit.weights[j]! * xTest[i * d + j]!;
		probabilities[i] = 1 / (1 + Math.exp(-z));
	}
	const positives = data.y.reduce((s, v) => s + v, 0);
	const draft: ModelDraft = {
		formatVersion: ARTIFACT_FORMAT_VERSION,
		name: MODEL_NAME,
		features: data.features,
		target: data.target,
		scaler,
		weights: fit.weights,
		intercept: fit.intercept,
		metrics: {
			accuracy: accuracy(yTest, probabilities),
			rocAuc: rocAuc(yTest, probabilities),
			trainRows: split.train.length,
			testRows: split.test.length,
			positiveRate: positives / data.rows
		},
		params: { ...params },
		solver: { name: 'newton-irls', iterations: fit.iterations, converged: fit.converged },
		dataFingerprint: datasetFingerprint(data),
		createdAt: new Date(now()).toISOString()
	};
	onProgress({ stage: 'evaluating', fraction: 1 });
	return { draft, lossHistory: fit.lossHistory, durationMs: now() - started };
}
