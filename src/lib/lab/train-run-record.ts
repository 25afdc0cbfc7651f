// What a training on the Train page logs as a tracked run (experiment "train"), MLflow style.
import type { StoredRun } from './run-record';
import type { TrainParams } from '../ml/model-artifact';
import type { TrainOutcome } from '../ml/train-model';

export const TRAIN_EXPERIMENT = 'train';

export type TrainData = { kind: 'generate'; rows: number; seed: number } | { kind: 'csv'; fileName: string };

export interface TrainRunInput {
	params: TrainParams;
	data: TrainData;
	startedAt: Date;
	finishedAt: Date;
	status: 'finished' | 'failed' | 'cancelled';
	outcome?: TrainOutcome;
	error?: string;
}

export function trainRunRecord(input: TrainRunInput): Omit<StoredRun, 'id'> {
	const { params, data, outcome } = input;
	const dataParams: Record<string, number | string> = data.kind === 'generate' ? { dataRows: data.rows, dataSeed: data.seed } : { dataFile: data.fileName };
	const m = outcome?.draft.metrics;
	const metrics: Record<string, number> = {};
	if (m) {
		for (const key of ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'prAuc', 'logLoss', 'brier', 'trainRows', 'testRows', 'positiveRate'] as const) metrics[key] = m[key];
		if (m.cv) for (const [key, value] of Object.entries(m.cv.mean)) metrics[`cv_${key}`] = value;
		metrics['iterations'] = outcome.draft.solver.iterations;
	}
	const tags: Record<string, string> = { source: data.kind === 'generate' ? 'synthetic' : 'csv' };
	if (input.error) tags['error'] = input.error;
	return {
		experiment: TRAIN_EXPERIMENT,
		startedAt: input.startedAt,
		durationMs: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
		status: input.status,
		params: { solver: params.solver, C: params.C, classWeight: params.classWeight, testFraction: params.testFraction, seed: params.seed, cvFolds: params.cvFolds, ...dataParams },
		metrics,
		...(outcome ? { history: { loss: outcome.lossCurve.map((p) => ({ step: p.step, value: p.loss })) }, dataFingerprint: outcome.draft.dataFingerprint } : {}),
		tags
	};
}
