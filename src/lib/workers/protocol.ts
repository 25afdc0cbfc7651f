// The one message union shared by the page and the lab worker. Nobody else invents a shape.
import type { RetrainRequest, RetrainResult } from '../app/retrain-challenger';
import type { BatchRun, BatchSettings } from '../lab/batch-score';
import type { PipelineDay } from '../lab/pipeline';
import type { Zone } from '../lab/storage';
import type { CsvPreview } from '../ml/csv-read';
import type { TrainParams } from '../ml/model-artifact';
import type { SweepConfig, SweepEvent, SweepResult } from '../ml/sweep';
import type { ColumnSchema } from '../ml/table';
import type { TrainOutcome } from '../ml/train-model';
import type { RagRequest, RagResult, RagSweepTrial } from './rag-messages';

/** Where training data comes from: the seeded generator (optionally with some columns ignored), or a CSV file with a confirmed schema. */
export type DataSource = { kind: 'generate'; rows: number; seed: number; schema?: ColumnSchema[] } | { kind: 'csv'; file: Blob; fileName: string; schema: ColumnSchema[] };

/** A sweep's trials cross-validate on the training split; each fold is one reported interval. */
export type LabRequest =
	| { kind: 'preview'; file: Blob; targetHint?: string }
	| { kind: 'train'; source: DataSource; params: TrainParams }
	| { kind: 'sweep'; source: DataSource; config: SweepConfig; folds: number }
	/** A batch endpoint job: score a datastore file with a registered version (number, `latest` or an alias). */
	| { kind: 'batch'; input: { zone: Zone; name: string }; model: string; settings: BatchSettings }
	| { kind: 'pipeline'; modelVersion: number; days: PipelineDay[] }
	/** Train a challenger on the latest daily files, compare it with the champion and register it (app/retrain-challenger). */
	| ({ kind: 'retrain' } & RetrainRequest)
	/** The RAG lab: build an index, ask, evaluate, sweep (rag-messages.ts). */
	| RagRequest;

export type LabResult =
	| { kind: 'preview'; preview: CsvPreview }
	| { kind: 'train'; outcome: TrainOutcome; schema: ColumnSchema[]; rows: number }
	| { kind: 'sweep'; result: SweepResult; rows: number }
	/** The logged run, whether it succeeded, failed or was cancelled. */
	| { kind: 'batch'; run: BatchRun }
	| ({ kind: 'retrain' } & RetrainResult)
	/** A cancelled pipeline stops between days and reports the days that ran and the raw/ files it wrote. */
	| { kind: 'pipeline'; runs: BatchRun[]; requested: number; cancelled: boolean; written: string[] }
	| RagResult;

export interface LabProgress {
	stage: 'reading' | 'generating' | 'preparing' | 'fitting' | 'cross-validating' | 'evaluating' | 'sweeping' | 'scoring' | 'indexing';
	fraction: number;
	/** While scoring: data rows read so far. */
	rows?: number;
	loss?: number;
	/** While sweeping: a trial started, reported an interval, or finished. */
	event?: SweepEvent;
	/** While running the pipeline: the day being generated or scored. */
	day?: { date: string; done: number; total: number };
	/** While a RAG sweep runs: a trial that finished, with its configuration and summary. */
	ragTrial?: RagSweepTrial;
}

/** A failure as the user should read it; row and column are set for CSV problems. */
export interface LabError {
	message: string;
	/** The request stopped because it was cancelled. */
	cancelled?: boolean;
	row?: number;
	column?: string;
}

/**
 * Requests whose work checks an AbortSignal between steps. Cancelling one asks the worker to stop,
 * so it can finish cleanly (log the run as cancelled, discard partial output); any other request
 * is cancelled by terminating the worker.
 */
export const COOPERATIVE_CANCEL: ReadonlySet<LabRequest['kind']> = new Set<LabRequest['kind']>(['batch', 'pipeline']);

export type WorkerRequest = { requestId: number; request: LabRequest } | { requestId: number; cancel: true };

export type WorkerReply =
	| { requestId: number; kind: 'progress'; progress: LabProgress }
	| { requestId: number; kind: 'result'; result: LabResult }
	| { requestId: number; kind: 'error'; error: LabError };
