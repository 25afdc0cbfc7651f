// The daily pipeline over several days, as the seed project's scheduler ran it: for each day,
// write raw/accounts_<date>.csv (from a simulated day's generator settings) unless told to keep an
// existing file, then score it into curated/ and log the run. The lab worker and the CLI share it.
import { tableToCsv } from '../ml/csv-read';
import { generateDelinquencyTable } from '../ml/delinquency-data';
import type { ModelVersion } from '../ml/model-artifact';
import { runDailyPipeline, type BatchRun } from './batch-score';
import { rawFileName, type SimulatedDay } from './pipeline-simulation';
import type { LabStorage } from './storage';

/**
 * One day of the pipeline: `generate` writes raw/accounts_<date>.csv from the simulated day's
 * generator settings first (unless the file exists and `keepExisting` is set); null scores the raw
 * file that is already there.
 */
export interface PipelineDay {
	date: string;
	generate: SimulatedDay | null;
}

export interface PipelineHooks {
	keepExisting?: boolean;
	/** Checked between days: a cancelled run stops before the next day and keeps the days that ran. */
	signal?: AbortSignal;
	onStage?: (stage: 'generating' | 'scoring', day: { date: string; done: number; total: number }) => void;
}

export async function runPipelineDays(storage: LabStorage, model: ModelVersion, days: readonly PipelineDay[], hooks: PipelineHooks = {}): Promise<{ runs: BatchRun[]; cancelled: boolean }> {
	const runs: BatchRun[] = [];
	const total = days.length;
	for (const [k, day] of days.entries()) {
		if (hooks.signal?.aborted) return { runs, cancelled: true };
		const name = rawFileName(day.date);
		const exists = await storage.datastore.exists('raw', name);
		if (day.generate && !(hooks.keepExisting && exists)) {
			hooks.onStage?.('generating', { date: day.date, done: k, total });
			const table = generateDelinquencyTable(day.generate.rows, day.generate.seed, day.generate.options);
			await storage.datastore.writeText('raw', name, tableToCsv(table));
		} else if (!exists) {
			throw new Error(`raw/${name} does not exist: add the file for ${day.date}, or simulate the day.`);
		}
		hooks.onStage?.('scoring', { date: day.date, done: k, total });
		try {
			runs.push(await runDailyPipeline(storage, model, day.date));
		} catch (e) {
			throw new Error(`The pipeline failed on ${day.date} after ${runs.length} day${runs.length === 1 ? '' : 's'}: ${e instanceof Error ? e.message : String(e)}`);
		}
	}
	return { runs, cancelled: false };
}
