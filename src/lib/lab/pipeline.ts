// The pipeline: daily jobs over several days, as the seed project's scheduler ran them. For each day,
// write raw/accounts_<date>.csv (from a simulated day's generator settings) when the day is to be
// generated, then score it into curated/ and log the run. The lab worker and the CLI share it. It never
// replaces a raw file: simulation-plan.ts picks the dates, and a file that appeared since stops the run.
import { tableToCsv } from '../ml/csv-read';
import { generateDelinquencyTable } from '../ml/delinquency-data';
import type { ModelVersion } from '../ml/model-artifact';
import { runDailyJob, type BatchRun } from './batch-score';
import { rawFileName } from './daily-files';
import type { SimulatedDay } from './simulated-days';
import type { LabStorage } from './storage';

/**
 * One day of the pipeline: `generate` writes raw/accounts_<date>.csv from the simulated day's
 * generator settings first (the file must not exist yet); null scores the raw file that is already there.
 */
export interface PipelineDay {
	date: string;
	generate: SimulatedDay | null;
}

export interface PipelineHooks {
	/** Checked between days: a cancelled run stops before the next day and keeps the days that ran. */
	signal?: AbortSignal;
	onStage?: (stage: 'generating' | 'scoring', day: { date: string; done: number; total: number }) => void;
}

export async function runPipeline(storage: LabStorage, model: ModelVersion, days: readonly PipelineDay[], hooks: PipelineHooks = {}): Promise<{ runs: BatchRun[]; cancelled: boolean; written: string[] }> {
	const runs: BatchRun[] = [];
	/** raw/ files this run created, so the caller can say which. */
	const written: string[] = [];
	const total = days.length;
	for (const [k, day] of days.entries()) {
		if (hooks.signal?.aborted) return { runs, cancelled: true, written };
		const name = rawFileName(day.date);
		const exists = await storage.datastore.exists('raw', name);
		if (day.generate) {
			// The plan chose a free date; a file that appeared since (another tab, the Data page) is kept.
			if (exists) throw new Error(`raw/${name} already exists, so the simulation stopped instead of replacing it${runs.length ? ` (after ${runs.length} day${runs.length === 1 ? '' : 's'})` : ''}. Run it again to pick free dates.`);
			hooks.onStage?.('generating', { date: day.date, done: k, total });
			const table = generateDelinquencyTable(day.generate.rows, day.generate.seed, day.generate.options);
			await storage.datastore.writeText('raw', name, tableToCsv(table));
			written.push(`raw/${name}`);
		} else if (!exists) {
			throw new Error(`raw/${name} does not exist: add the file for ${day.date}, or simulate the day.`);
		}
		hooks.onStage?.('scoring', { date: day.date, done: k, total });
		try {
			runs.push(await runDailyJob(storage, model, day.date));
		} catch (e) {
			throw new Error(`The pipeline failed on ${day.date} after ${runs.length} day${runs.length === 1 ? '' : 's'}: ${e instanceof Error ? e.message : String(e)}`);
		}
	}
	return { runs, cancelled: false, written };
}
