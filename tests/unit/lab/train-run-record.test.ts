import { describe, expect, it } from 'vitest';
import { trainRunRecord } from '../../../src/lib/lab/train-run-record';
import { DEFAULT_TRAIN_PARAMS, type TrainOutcome } from '../../../src/lib/ml/train-model';

const startedAt = new Date('2026-11-25T09:00:00Z');
const finishedAt = new Date('2026-11-25T09:00:02.500Z');
const metrics = { accuracy: 0.85, precision: 0.6, recall: 0.4, f1: 0.48, rocAuc: 0.81, prAuc: 0.5, logLoss: 0.37, brier: 0.11, trainRows: 800, testRows: 200, positiveRate: 0.16 };
const outcome = {
	draft: { metrics, dataFingerprint: 'abc123', solver: { name: 'newton', iterations: 6, converged: true } },
	lossCurve: [{ step: 0, loss: 0.69 }, { step: 1, loss: 0.45 }],
	test: { y: new Uint8Array(), p: new Float64Array() }
} as unknown as TrainOutcome;

describe('trainRunRecord', () => {
	it('logs a finished training with its params, data, every metric, the loss curve and fingerprint', () => {
		const run = trainRunRecord({ params: { ...DEFAULT_TRAIN_PARAMS, C: 0.1 }, data: { kind: 'generate', rows: 1000, seed: 7 }, startedAt, finishedAt, status: 'finished', outcome });
		expect(run).toMatchObject({ experiment: 'train', startedAt, durationMs: 2500, status: 'finished', dataFingerprint: 'abc123', tags: { source: 'synthetic' } });
		expect(run.params).toEqual({ solver: 'newton', C: 0.1, classWeight: 'none', testFraction: 0.2, seed: 42, cvFolds: 0, dataRows: 1000, dataSeed: 7 });
		expect(run.metrics).toMatchObject({ rocAuc: 0.81, prAuc: 0.5, logLoss: 0.37, brier: 0.11, iterations: 6 });
		expect(run.history).toEqual({ loss: [{ step: 0, value: 0.69 }, { step: 1, value: 0.45 }] });
	});

	it('logs a failed CSV training with the file name and the error, and no metrics', () => {
		const run = trainRunRecord({ params: DEFAULT_TRAIN_PARAMS, data: { kind: 'csv', fileName: 'mine.csv' }, startedAt, finishedAt, status: 'failed', error: 'Row 3: bad number' });
		expect(run).toMatchObject({ status: 'failed', metrics: {}, params: { dataFile: 'mine.csv' }, tags: { source: 'csv', error: 'Row 3: bad number' } });
		expect(run.history).toBeUndefined();
	});
});
