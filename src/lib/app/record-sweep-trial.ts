// Tracking a sweep: each finished trial becomes a run of the sweep's experiment on the Runs page
// (MLflow's child runs), with its parameters, the data it ran on, the primary metric's last value
// and its history per interval, and tags naming the sweep, sampler, policy and why it stopped.
import { getDb } from '../db/browser-db';
import { logRun } from '../db/run-store';
import type { PrepLabDb, StoredRun } from '../db/schema';
import type { SweepConfig, Trial } from '../ml/sweep';

export interface SweepTrialInput {
	/** The sweep's experiment name, `sweep-<yyyymmddhhmmss>` (see `sweepExperiment`). */
	experiment: string;
	config: SweepConfig;
	trial: Trial;
	/** The data every trial ran on. */
	data: { rows: number; seed: number; folds: number };
	startedAt: Date;
	finishedAt: Date;
}

/** The experiment a sweep started at `startedAt` logs its trials under. */
export const sweepExperiment = (startedAt: Date): string => `sweep-${startedAt.toISOString().slice(0, 19).replace(/[-:T]/g, '')}`;

export function sweepTrialRecord({ experiment, config, trial, data, startedAt, finishedAt }: SweepTrialInput): Omit<StoredRun, 'id'> {
	const last = trial.metrics.at(-1);
	return {
		experiment,
		startedAt,
		durationMs: finishedAt.getTime() - startedAt.getTime(),
		status: trial.status === 'cancelled' ? 'stopped-early' : 'finished',
		params: { ...trial.params, dataRows: data.rows, dataSeed: data.seed, cvFolds: data.folds },
		metrics: last === undefined ? {} : { [config.primaryMetric]: last },
		history: { [config.primaryMetric]: trial.metrics.map((value, i) => ({ step: i + 1, value })) },
		tags: { sweep: experiment, trial: String(trial.id), sampler: config.sampler, policy: config.policy.type, ...(trial.reason ? { reason: trial.reason } : {}) }
	};
}

/** Stores the trial as a run and returns its id. */
export const recordSweepTrial = (db: PrepLabDb, input: SweepTrialInput): Promise<number> => logRun(db, sweepTrialRecord(input));

/** The page's call, on the browser's database. */
export const browserRecordSweepTrial = async (input: SweepTrialInput) => recordSweepTrial(await getDb(), input);
