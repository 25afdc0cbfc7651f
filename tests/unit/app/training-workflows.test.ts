// The Train, Sweep and Runs pages' workflows on fake-indexeddb: a training is tracked as a run,
// registering records the version on that run in the same transaction, a sweep's trials become
// runs of their experiment, and the Runs page lists, deletes and compares them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recordSweepTrial, sweepExperiment } from '../../../src/lib/app/record-sweep-trial';
import { recordTrainRun } from '../../../src/lib/app/record-train-run';
import { registerTrainedModel } from '../../../src/lib/app/register-trained-model';
import { deleteTrackedRun, readTrackedRuns, runHeldOut } from '../../../src/lib/app/tracked-runs';
import { confirmDatasetSchema, importTrainingFile, readTrainingFiles } from '../../../src/lib/app/training-data';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import type { SweepConfig, Trial } from '../../../src/lib/ml/sweep';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const outcome = trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
const startedAt = new Date(Date.UTC(2026, 10, 30, 9, 0, 0));
const finishedAt = new Date(Date.UTC(2026, 10, 30, 9, 0, 5));
let n = 0;
const freshDb = () => openPrepLabDb({}, `training-workflows-${n++}`);
const trainInput = { params: DEFAULT_TRAIN_PARAMS, data: { kind: 'generate' as const, rows: 400, seed: 1 }, startedAt, finishedAt, status: 'finished' as const, outcome };

describe('training and registering', () => {
	it('tracks the training as a run, then registers the model and records its version on that run', async () => {
		const db = await freshDb();
		const runId = await recordTrainRun(db, trainInput);
		const version = await registerTrainedModel(db, outcome, { description: 'first', tags: { threshold: '0.5' } }, runId);
		expect(version).toMatchObject({ name: 'delinquency', version: 1, description: 'first', tags: { threshold: '0.5' } });
		const { runs, skipped } = await readTrackedRuns(db);
		expect(skipped).toBeNull();
		expect(runs).toMatchObject([{ id: runId, experiment: 'train', status: 'finished', durationMs: 5000, modelVersion: 1 }]);
		const scores = await runHeldOut(idbRegistry(db), 1);
		expect(Array.from(scores!.p)).toEqual(Array.from(outcome.test.p));
		expect(await runHeldOut(idbRegistry(db), 2)).toBeNull();
	});

	it('registers nothing when the run it should record the version on is gone', async () => {
		const db = await freshDb();
		const runId = await recordTrainRun(db, trainInput);
		await deleteTrackedRun(db, runId);
		await expect(registerTrainedModel(db, outcome, {}, runId)).rejects.toThrow(`Run ${runId} does not exist.`);
		expect(await idbRegistry(db).list('delinquency')).toEqual([]);
		expect(await runHeldOut(idbRegistry(db), 1)).toBeNull();
		// Registering without a run still works, and takes the next version number.
		expect((await registerTrainedModel(db, outcome, {}, null)).version).toBe(1);
	});
});

describe('recording a sweep', () => {
	const config: SweepConfig = { space: { C: { type: 'choice', values: [0.1, 1] } }, sampler: 'grid', policy: { type: 'median', evaluationInterval: 1, delayEvaluation: 0 }, primaryMetric: 'AUC', goal: 'maximize', maxTotalTrials: 2, maxConcurrentTrials: 1, seed: 42 };
	const trial = (id: number, status: Trial['status'], metrics: number[], reason?: string): Trial => ({ id, params: { C: id === 1 ? 0.1 : 1 }, unit: [0], metrics, status, ...(reason ? { reason, cancelledAt: metrics.length } : {}) });

	it('logs each trial as a run of the sweep experiment, a cancelled one as stopped early with its reason', async () => {
		const db = await freshDb();
		const experiment = sweepExperiment(startedAt);
		expect(experiment).toBe('sweep-20261130090000');
		const data = { rows: 2000, seed: 42, folds: 3 };
		await recordSweepTrial(db, { experiment, config, trial: trial(1, 'completed', [0.7, 0.75, 0.8]), data, startedAt, finishedAt });
		await recordSweepTrial(db, { experiment, config, trial: trial(2, 'cancelled', [0.6], 'below the median'), data, startedAt, finishedAt });
		const { runs } = await readTrackedRuns(db);
		const byTrial = Object.fromEntries(runs.map((r) => [r.tags['trial'], r]));
		expect(byTrial['1']).toMatchObject({ experiment, status: 'finished', params: { C: 0.1, dataRows: 2000, dataSeed: 42, cvFolds: 3 }, metrics: { AUC: 0.8 }, tags: { sweep: experiment, sampler: 'grid', policy: 'median' } });
		expect(byTrial['1']!.history).toEqual({ AUC: [{ step: 1, value: 0.7 }, { step: 2, value: 0.75 }, { step: 3, value: 0.8 }] });
		expect(byTrial['2']).toMatchObject({ status: 'stopped-early', metrics: { AUC: 0.6 }, tags: { reason: 'below the median' } });
	});
});

describe('training data', () => {
	it('imports a file into raw/ under a usable name and keeps its confirmed column roles', async () => {
		const db = await freshDb();
		const datastore = idbDatastore(db, () => startedAt, async () => ({}));
		const { name, files } = await importTrainingFile(datastore, new File(['a,b,y\n1,2,0\n'], 'my data.CSV'));
		expect(name).toBe('my_data.csv');
		expect(files.map((f) => f.name)).toEqual(['my_data.csv']);
		const schema = [
			{ name: 'a', role: 'feature', kind: 'numeric' },
			{ name: 'y', role: 'target', kind: 'numeric' }
		] as const;
		await confirmDatasetSchema(db, name, schema.map((c) => ({ ...c })), startedAt);
		const read = await readTrainingFiles(db, datastore);
		expect(read.files.map((f) => f.name)).toEqual(['my_data.csv']);
		expect(read.schemas.get('my_data.csv')).toEqual(schema);
	});
});
