// Reading back what batch runs wrote: the run log (`logs/batch_runs_log.csv`) as rows, newest
// first, and a run's error log. Plain CSV text in, plain objects out, so pages and tests share it.
import { csvTextRows } from '../ml/csv-read';
import type { BatchRun } from './batch-score';

export interface RunLogRow extends Omit<BatchRun, 'status'> {
	/** `succeeded`, `failed` or `cancelled`; kept as written so a hand-edited log still shows. */
	status: string;
}

const number = (s: string | undefined) => (s === undefined || s.trim() === '' ? NaN : Number(s));

/** Header-keyed records of a CSV text; lines with the wrong number of fields are skipped. */
function records(text: string): Record<string, string>[] {
	const [header, ...rows] = csvTextRows(text.trim());
	if (!header) return [];
	return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

/** The run log's lines, newest first (later lines first when two runs started in the same instant). */
export function parseRunLog(text: string): RunLogRow[] {
	const rows = records(text).map(
		(r): RunLogRow => ({
			runId: r['run_id'] ?? '',
			startedAt: r['started_at'] ?? '',
			finishedAt: r['finished_at'] ?? '',
			modelName: r['model_name'] ?? '',
			modelVersion: number(r['model_version']),
			input: r['input'] ?? '',
			output: r['output'] ?? '',
			rowsIn: number(r['rows_in']),
			rowsOut: number(r['rows_out']),
			rowsFailed: number(r['rows_failed']),
			scoreMin: number(r['score_min']),
			scoreMean: number(r['score_mean']),
			scoreMax: number(r['score_max']),
			durationMs: number(r['duration_ms']),
			status: r['status'] ?? '',
			message: r['message'] ?? ''
		})
	);
	return rows.map((row, i) => ({ row, i })).sort((a, b) => b.row.startedAt.localeCompare(a.row.startedAt) || b.i - a.i).map(({ row }) => row);
}

export interface ErrorLogRow {
	row: number;
	column: string;
	message: string;
}

export function parseErrorLog(text: string, limit = Infinity): ErrorLogRow[] {
	return records(text)
		.slice(0, limit)
		.map((r) => ({ row: number(r['row']), column: r['column'] ?? '', message: r['message'] ?? '' }));
}

export const errorLogName = (runId: string) => `${runId}_errors.csv`;
