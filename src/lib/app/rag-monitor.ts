// Monitoring the RAG configuration in production: re-run the `production` version on the production
// sample (a seeded sample of the content dataset, answered against the notes as they are now) and log
// the result as a run tagged `kind=monitor`; the history of those runs is what the Monitor page charts.
import { getDb } from '../db/browser-db';
import { listRagConfigs } from '../db/rag-config-store';
import { listRuns } from '../db/run-store';
import type { PrepLabDb, StoredRagConfig, StoredRun } from '../db/schema';
import type { RagConfig } from '../rag/types';
import { productionVersion } from './rag-configs';
import { MONITOR_KIND, RAG_EXPERIMENT, recordRagEvaluation, type RagEvaluationSummary } from './record-rag-evaluation';

/** What one evaluation of a configuration on the production sample returns (the page runs it in the worker). */
export type SampleEvaluator = (config: RagConfig) => Promise<{ summary: RagEvaluationSummary; dataset: { name: string; size: number } }>;

export interface MonitorCheck {
	runId: number;
	version: StoredRagConfig;
	summary: RagEvaluationSummary;
}

/** Evaluates the production configuration (of `name`, or the first name that has one) and logs the run. */
export async function runMonitorCheck(db: PrepLabDb, evaluate: SampleEvaluator, clock: () => Date, name?: string): Promise<MonitorCheck> {
	const version = productionVersion(await listRagConfigs(db), name);
	if (!version) throw new Error('No configuration is in production yet: save one on the Configs page and promote it first.');
	const startedAt = clock();
	const { summary, dataset } = await evaluate(version.config);
	const runId = await recordRagEvaluation(db, {
		config: version.config,
		saved: { name: version.name, version: version.version },
		dataset,
		summary,
		startedAt,
		finishedAt: clock(),
		kind: MONITOR_KIND
	});
	return { runId, version, summary };
}

/** The monitoring runs, oldest first (the first is the baseline later ones are compared with). */
export async function readMonitorRuns(db: PrepLabDb): Promise<StoredRun[]> {
	const runs = await listRuns(db);
	return runs.filter((r) => r.experiment === RAG_EXPERIMENT && r.tags.kind === MONITOR_KIND && r.status === 'finished').reverse();
}

/** The page's calls, on the browser's database. */
export const browserRagMonitor = {
	check: async (evaluate: SampleEvaluator) => runMonitorCheck(await getDb(), evaluate, () => new Date()),
	runs: async () => readMonitorRuns(await getDb())
};
