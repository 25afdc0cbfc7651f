// The one message union shared by the page and the lab worker. Nobody else invents a shape.
import type { CsvPreview } from '../ml/csv-read';
import type { TrainParams } from '../ml/model-artifact';
import type { ColumnSchema } from '../ml/table';
import type { TrainOutcome } from '../ml/train-model';

/** Where training data comes from: the seeded generator, or a CSV file with a confirmed schema. */
export type DataSource = { kind: 'generate'; rows: number; seed: number } | { kind: 'csv'; file: Blob; fileName: string; schema: ColumnSchema[] };

export type LabRequest = { kind: 'preview'; file: Blob; targetHint?: string } | { kind: 'train'; source: DataSource; params: TrainParams };

export type LabResult = { kind: 'preview'; preview: CsvPreview } | { kind: 'train'; outcome: TrainOutcome; schema: ColumnSchema[]; rows: number };

export interface LabProgress {
	stage: 'reading' | 'generating' | 'preparing' | 'fitting' | 'cross-validating' | 'evaluating';
	fraction: number;
	loss?: number;
}

/** A failure as the user should read it; row and column are set for CSV problems. */
export interface LabError {
	message: string;
	row?: number;
	column?: string;
}

export type WorkerRequest = { requestId: number; request: LabRequest };

export type WorkerReply =
	| { requestId: number; kind: 'progress'; progress: LabProgress }
	| { requestId: number; kind: 'result'; result: LabResult }
	| { requestId: number; kind: 'error'; error: LabError };
