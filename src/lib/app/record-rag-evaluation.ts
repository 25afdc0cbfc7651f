// Tracking a RAG evaluation: every evaluation (from the Evaluate page, a sweep trial, a monitoring
// check or the CLI) becomes a run of the `rag` experiment (or the sweep's), so the Runs page lists and
// compares RAG configurations side by side with their metrics, as Foundry's evaluation runs do.
import { getDb } from '../db/browser-db';
import { logRun } from '../db/run-store';
import type { PrepLabDb, StoredRun } from '../db/schema';
import { describeRagConfig, ragConfigParams } from '../rag/config-params';
import type { RagConfig } from '../rag/types';

/** The experiment RAG evaluations are logged under. */
export const RAG_EXPERIMENT = 'rag';
/** The tag a monitoring check's run carries (`kind=monitor`). */
export const MONITOR_KIND = 'monitor';

export interface RagEvaluationSummary {
	/** Flat metric values: the report's means, latency percentiles, tokens and cost. */
	metrics: Record<string, number>;
	/** The quality gate's verdict, when gates were set. */
	gate?: { passed: boolean; failing: string[] };
	/** The evaluation stopped before every question was answered. */
	cancelled?: boolean;
}

export interface RagEvaluationInput {
	config: RagConfig;
	/** The saved version evaluated, when it was one. */
	saved?: { name: string; version: number };
	dataset: { name: string; size: number };
	summary: RagEvaluationSummary;
	startedAt: Date;
	finishedAt: Date;
	/** Defaults to `rag`; a sweep logs its trials under its own experiment. */
	experiment?: string;
	/** `evaluate` (default), `monitor` or `sweep`. */
	kind?: string;
	tags?: Record<string, string>;
}

export function ragEvaluationRecord(input: RagEvaluationInput): Omit<StoredRun, 'id'> {
	const { config, saved, dataset, summary, startedAt, finishedAt } = input;
	const gate = summary.gate;
	return {
		experiment: input.experiment ?? RAG_EXPERIMENT,
		startedAt,
		durationMs: finishedAt.getTime() - startedAt.getTime(),
		status: summary.cancelled ? 'cancelled' : 'finished',
		params: ragConfigParams(config),
		// A metric that could not be measured (NaN) is left out: stored runs hold finite numbers only.
		metrics: Object.fromEntries(Object.entries(summary.metrics).filter(([, v]) => Number.isFinite(v))),
		tags: {
			kind: input.kind ?? 'evaluate',
			dataset: dataset.name,
			datasetSize: String(dataset.size),
			config: describeRagConfig(config),
			...(saved ? { savedConfig: `${saved.name}:${saved.version}` } : {}),
			...(gate ? { gate: gate.passed ? 'pass' : 'fail', ...(gate.failing.length ? { gateFailing: gate.failing.join(', ') } : {}) } : {}),
			...input.tags
		}
	};
}

/** Stores the evaluation as a run and returns its id. */
export const recordRagEvaluation = (db: PrepLabDb, input: RagEvaluationInput): Promise<number> => logRun(db, ragEvaluationRecord(input));

/** The page's call, on the browser's database. */
export const browserRecordRagEvaluation = async (input: RagEvaluationInput) => recordRagEvaluation(await getDb(), input);
