// The RAG lab's part of the worker's message union (protocol.ts joins them): build an index, ask one
// question, evaluate a dataset, run a sweep. Kept here so protocol.ts stays one screen long.
import type { RagEvaluationResult } from '../app/evaluate-rag-config';
import type { RagEvaluationSummary } from '../app/record-rag-evaluation';
import type { ChunkStats } from '../rag/chunk-stats';
import type { GateSpec } from '../rag/eval/gates';
import type { Chunk, EvalExample, RagAnswer, RagConfig } from '../rag/types';
import type { SweepConfig, Trial } from '../ml/sweep';

/** An extra document for the corpus: a Markdown or text file of the datastore's raw/ zone. */
export type RagUpload = { name: string } | null;

/** Where the questions come from: a seeded sample of the content dataset, or the examples of an uploaded JSONL file (mapped on the page). */
export type RagDatasetSource = { kind: 'content'; size: number; seed: number } | { kind: 'examples'; name: string; examples: EvalExample[] };

export interface RagBuildInfo {
	docs: number;
	stats: ChunkStats;
	/** Milliseconds per build stage, in build order (chunk, bm25, lsa, hnsw, glossary). */
	timings: { stage: string; ms: number }[];
	/** The index was already built for these settings and kept in the worker. */
	reused: boolean;
}

/** An evaluation's report, the dataset it ran on, the run summary and every question's trace. */
export type RagEvaluation = RagEvaluationResult;

/** One RAG sweep trial: the configuration it tried and what its evaluation measured. */
export interface RagSweepTrial {
	trial: Trial;
	config: RagConfig;
	summary: RagEvaluationSummary;
}

export type RagRequest =
	| { kind: 'rag-build'; config: RagConfig; upload: RagUpload }
	| { kind: 'rag-ask'; config: RagConfig; upload: RagUpload; question: string }
	| { kind: 'rag-evaluate'; config: RagConfig; upload: RagUpload; dataset: RagDatasetSource; gates: GateSpec[] }
	/** A sweep over chunk size × retriever × k × re-ranking (its search space's names), each trial an evaluation of `base` changed by the trial's values. */
	| { kind: 'rag-sweep'; base: RagConfig; sweep: SweepConfig; dataset: RagDatasetSource; gates: GateSpec[] };

export type RagResult =
	| { kind: 'rag-build'; info: RagBuildInfo }
	/** The answer, with the chunks it retrieved (for citations and their sections). */
	| { kind: 'rag-ask'; answer: RagAnswer; chunks: Chunk[] }
	| ({ kind: 'rag-evaluate' } & RagEvaluation)
	| { kind: 'rag-sweep'; trials: RagSweepTrial[] };
