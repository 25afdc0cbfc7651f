// Evaluating one RAG configuration on a dataset, the same way in the lab worker and the CLI: every
// question is answered against the index (the clock passed in times its trace), scored by the
// evaluation, checked against the quality gates, and summed up as the flat metrics a run logs.
import { ask } from '../rag/ask';
import { evaluateRag, type EvalReport } from '../rag/eval/evaluate';
import type { GateSpec } from '../rag/eval/gates';
import { indexSettings, type RagIndex } from '../rag/rag-index';
import { counterIds } from '../rag/trace';
import type { EvalExample, RagConfig, Trace } from '../rag/types';
import type { RagEvaluationSummary } from './record-rag-evaluation';

/** The settings that shape an index (chunking, vectors, the HNSW graph); the retriever, k, efSearch, re-ranking, query rewriting, answer and prices do not. */
export const ragIndexKey = (config: RagConfig): string => JSON.stringify(indexSettings(config));

export interface RagDataset {
	name: string;
	examples: EvalExample[];
}

export interface RagEvaluationResult {
	report: EvalReport;
	dataset: { name: string; size: number };
	summary: RagEvaluationSummary;
	/** Every question's trace by its id, so a page can open one from the per-question table. */
	traces: Record<string, Trace>;
}

/** What a run logs: the report's flat metrics (means, latency percentiles, tokens, cost) and the gate's verdict. */
export function ragSummary(report: EvalReport): RagEvaluationSummary {
	return {
		metrics: { ...report.metrics },
		...(report.gates ? { gate: { passed: report.gates.passed, failing: report.gates.failing } } : {}),
		...(report.cancelled ? { cancelled: true } : {})
	};
}

export function evaluateRagConfig(index: RagIndex, config: RagConfig, dataset: RagDataset, gates: GateSpec[], options: { now: () => number; onProgress?: (fraction: number) => void }): RagEvaluationResult {
	const chunksById = new Map(index.chunks.map((c) => [c.id, c]));
	const traces: Record<string, Trace> = {};
	// One id sequence for the whole evaluation, so every question's trace has its own id.
	const ids = counterIds();
	const answer = (query: string) => {
		const result = ask(index, query, config, options.now, ids);
		traces[result.trace.traceId] = result.trace;
		return result;
	};
	const report = evaluateRag(dataset.examples, answer, chunksById, { k: config.k, gates, onProgress: options.onProgress });
	return { report, dataset: { name: dataset.name, size: dataset.examples.length }, summary: ragSummary(report), traces };
}
