// Batch scoring, as an Azure ML batch deployment does it: stream a CSV in mini-batches, score each
// with the one scoring path (straight from the chunk's bytes, no object per row), write the original columns plus `prediction`, `score` and
// `risk_bucket` (append_row) or only a summary (summary_only), count malformed rows and fail the
// run past error_threshold. The output appears only when the run succeeds.
import { readCsv, toCsv, type CsvInput } from '../ml/csv-read';
import type { CsvRows } from '../ml/csv-rows';
import { parseNumber } from '../ml/csv-schema';
import { counter, type ModelVersion } from '../ml/model-artifact';
import { categoryCodes, scoreCsvRows } from '../ml/score-csv';
import { OutputBlocks } from './batch-output';
import { errorLogName } from './batch-run-log';
import { isCalendarDate, rawFileName } from './daily-files';
import type { FileWriter, LabStorage, Zone } from './storage';

export type OutputAction = 'append_row' | 'summary_only';

export interface BatchSettings {
	outputAction: OutputAction;
	/** Rows scored together (progress and cancellation happen between mini-batches). */
	miniBatchSize: number;
	/** Malformed rows tolerated before the run fails; -1 tolerates any number, as in Azure ML. */
	errorThreshold: number;
	/** Probability at or above which `prediction` is 1. */
	threshold: number;
}

export const DEFAULT_BATCH_SETTINGS: BatchSettings = { outputAction: 'append_row', miniBatchSize: 1000, errorThreshold: -1, threshold: 0.5 };

export interface RowError {
	row: number;
	column: string;
	message: string;
}

export interface BatchStats {
	rowsIn: number;
	rowsOut: number;
	rowsFailed: number;
	scoreMin: number;
	scoreMax: number;
	scoreMean: number;
	/** First errors, for the run's error log. */
	errors: RowError[];
	unseenCategories: Record<string, number>;
}

export class BatchRunFailed extends Error {
	constructor(
		message: string,
		readonly stats: BatchStats
	) {
		super(message);
		this.name = 'BatchRunFailed';
	}
}

export function riskBucket(p: number, threshold: number): 'high' | 'medium' | 'low' {
	return p >= threshold ? 'high' : p >= threshold / 2 ? 'medium' : 'low';
}

const MAX_ERRORS_KEPT = 1000;

/**
 * Input bytes read per chunk. Smaller than the reader's 4 MB default, so the buffers a chunk needs
 * (its bytes, read-ahead, field offsets) touch less memory, which is slow to get. A 1M-row job in the lab
 * worker took 1.68–1.81 s with 1 MB chunks against 1.79–1.83 s with 4 MB, and grew the renderer by
 * 35–45 MB instead of 52–70 MB (256 KB and 512 KB were no faster; issue 18).
 */
const BATCH_CHUNK_BYTES = 1 << 20;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet-formula neutralisation for files people open in Excel or LibreOffice: a text cell that
 * starts with =, +, -, @, tab or carriage return gets a leading ' so it is shown as text instead of
 * run as a formula (`=cmd|' /C calc'!A0`). Numbers such as -0.5 or +3 are left as they are.
 */
export function neutraliseFormula(cell: string): string {
	return FORMULA_START.test(cell) && parseNumber(cell) === null ? `'${cell}` : cell;
}

const neutralised = (cells: readonly string[]) => cells.map(neutraliseFormula);

const BUCKETS = { high: ',high\n', medium: ',medium\n', low: ',low\n' };

/** Scores a CSV stream into a writer (or only counts, for summary_only). The caller closes the writer. */
export async function scoreCsv(
	model: ModelVersion,
	input: CsvInput,
	size: number,
	writer: FileWriter | null,
	settings: BatchSettings,
	hooks: { onProgress?: (fraction: number, rows: number) => void; signal?: AbortSignal } = {}
): Promise<BatchStats> {
	const stats: BatchStats = { rowsIn: 0, rowsOut: 0, rowsFailed: 0, scoreMin: Infinity, scoreMax: -Infinity, scoreMean: 0, errors: [], unseenCategories: counter() };
	let sum = 0;
	let header: string[] = [];
	const categories = categoryCodes(model);
	const appending = writer !== null && settings.outputAction === 'append_row';
	let pending = Promise.resolve();
	const out = new OutputBlocks((block) => (pending = pending.then(() => writer!.write(block))));
	const fail = (row: number, column: string, message: string) => {
		stats.rowsFailed++;
		if (stats.errors.length < MAX_ERRORS_KEPT) stats.errors.push({ row, column, message });
		if (settings.errorThreshold >= 0 && stats.rowsFailed > settings.errorThreshold) {
			throw new BatchRunFailed(`${stats.rowsFailed} row${stats.rowsFailed === 1 ? '' : 's'} failed, more than error_threshold ${settings.errorThreshold}. First problem: row ${stats.errors[0]!.row}: ${stats.errors[0]!.message}`, stats);
		}
	};
	const kept = new Int32Array(settings.miniBatchSize);
	/** Scores rows [from, to) of a chunk whose first row is file row firstRow: one mini-batch. */
	const scoreBatch = (rows: CsvRows, from: number, to: number, firstRow: number) => {
		let n = 0;
		const problems: RowError[] = [];
		for (let r = from; r < to; r++) {
			stats.rowsIn++;
			const width = rows.width(r);
			if (width !== header.length) problems.push({ row: firstRow + r, column: '', message: `has ${width} fields; the header has ${header.length}` });
			else kept[n++] = r;
		}
		const which = kept.subarray(0, n);
		const result = scoreCsvRows(model, header, rows, which, categories);
		for (const [name, count] of Object.entries(result.unseenCategories)) stats.unseenCategories[name] = (stats.unseenCategories[name] ?? 0) + count;
		const failed = new Set(result.errors.map((e) => e.record));
		for (const e of result.errors) problems.push({ row: firstRow + which[e.record]!, column: e.field, message: e.message });
		for (const e of problems.sort((a, b) => a.row - b.row)) fail(e.row, e.column, e.message);
		for (let k = 0; k < n; k++) {
			if (failed.size && failed.has(k)) continue;
			const p = result.probabilities[k]!;
			stats.rowsOut++;
			sum += p;
			if (p < stats.scoreMin) stats.scoreMin = p;
			if (p > stats.scoreMax) stats.scoreMax = p;
			if (!appending) continue;
			const r = which[k]!;
			if (!out.verbatim(rows, r)) out.text(toCsv([neutralised(rows.row(r))]));
			out.text(p >= settings.threshold ? ',1,' : ',0,');
			out.fixed6(p);
			out.text(BUCKETS[riskBucket(p, settings.threshold)]);
		}
		out.maybeFlush();
	};
	await readCsv(
		input,
		{
			header(names) {
				header = names;
				const missing = model.signature.inputs.filter((i) => !names.includes(i.name)).map((i) => i.name);
				if (missing.length) {
					throw new BatchRunFailed(`The input has no column ${missing.map((m) => `"${m}"`).join(', ')}, which model version ${model.version} needs.`, stats);
				}
				if (appending) {
					const extra = ['prediction', 'score', 'risk_bucket'].filter((c) => names.includes(c));
					if (extra.length) throw new BatchRunFailed(`The input already has a column "${extra[0]}"; rename it before scoring.`, stats);
					out.text(`${toCsv([[...neutralised(names), 'prediction', 'score', 'risk_bucket']])}\n`);
				}
			},
			rows(rows, firstRow) {
				for (let start = 0; start < rows.count; start += settings.miniBatchSize) {
					scoreBatch(rows, start, Math.min(rows.count, start + settings.miniBatchSize), firstRow);
				}
				// Wait for the writer before reading on, so memory stays bounded on large files.
				const written = pending;
				pending = Promise.resolve();
				return written;
			}
		},
		{ size, chunkSize: BATCH_CHUNK_BYTES, signal: hooks.signal, onProgress: (f) => hooks.onProgress?.(f, stats.rowsIn) }
	);
	out.end();
	await pending;
	stats.scoreMean = stats.rowsOut ? sum / stats.rowsOut : NaN;
	if (!stats.rowsOut) {
		stats.scoreMin = NaN;
		stats.scoreMax = NaN;
	}
	return stats;
}

export interface BatchRun extends Omit<BatchStats, 'errors' | 'unseenCategories'> {
	runId: string;
	startedAt: string;
	finishedAt: string;
	modelName: string;
	modelVersion: number;
	input: string;
	output: string;
	durationMs: number;
	status: 'succeeded' | 'failed' | 'cancelled';
	message: string;
}

export const RUN_LOG = 'batch_runs_log.csv';
const RUN_LOG_COLUMNS = ['run_id', 'started_at', 'finished_at', 'model_name', 'model_version', 'input', 'output', 'rows_in', 'rows_out', 'rows_failed', 'score_min', 'score_mean', 'score_max', 'duration_ms', 'status', 'message'];

function logRow(run: BatchRun): unknown[] {
	const n = (v: number) => (Number.isFinite(v) ? v.toFixed(6) : '');
	return [run.runId, run.startedAt, run.finishedAt, run.modelName, run.modelVersion, run.input, run.output, run.rowsIn, run.rowsOut, run.rowsFailed, n(run.scoreMin), n(run.scoreMean), n(run.scoreMax), run.durationMs, run.status, run.message];
}

export function predictionsName(input: string): string {
	return `${input.replace(/\.csv$/i, '')}_predictions.csv`;
}

export interface BatchHooks {
	onProgress?: (fraction: number, rows: number) => void;
	signal?: AbortSignal;
	now?: () => Date;
	/** A uniform number in [0, 1), for the run id's suffix; seeded in tests. */
	random?: () => number;
}

/** `batch_<UTC start to the millisecond>_<4 random characters>`: distinct for two jobs started in the same instant. */
export function batchRunId(started: Date, random: () => number): string {
	return `batch_${started.toISOString().replace(/[-:.TZ]/g, '').slice(0, 17)}_${random().toString(36).slice(2, 6).padEnd(4, '0')}`;
}

/**
 * Scores `<zone>/<name>` into `curated/<name>_predictions.csv` and appends the run to
 * `logs/batch_runs_log.csv` (errors to `logs/<run_id>_errors.csv`), whether it succeeds or fails.
 */
export async function batchScore(
	storage: LabStorage,
	model: ModelVersion,
	input: { zone: Zone; name: string },
	settings: BatchSettings = DEFAULT_BATCH_SETTINGS,
	hooks: BatchHooks = {}
): Promise<BatchRun> {
	const now = hooks.now ?? (() => new Date());
	const random = hooks.random ?? Math.random;
	const started = now();
	const runId = batchRunId(started, random);
	const outputName = predictionsName(input.name);
	const { input: source, size } = await storage.datastore.openCsv(input.zone, input.name);
	const writer = settings.outputAction === 'append_row' ? await storage.datastore.createWriter('curated', outputName) : null;
	let stats: BatchStats | undefined;
	let status: BatchRun['status'] = 'succeeded';
	let message = '';
	try {
		stats = await scoreCsv(model, source, size, writer, settings, hooks);
		await writer?.close();
	} catch (e) {
		await writer?.abort();
		stats = e instanceof BatchRunFailed ? e.stats : undefined;
		status = e instanceof DOMException && e.name === 'AbortError' ? 'cancelled' : 'failed';
		message = (e as Error).message;
	}
	const finished = now();
	const s = stats ?? { rowsIn: 0, rowsOut: 0, rowsFailed: 0, scoreMin: NaN, scoreMax: NaN, scoreMean: NaN, errors: [], unseenCategories: {} };
	const run: BatchRun = {
		runId,
		startedAt: started.toISOString(),
		finishedAt: finished.toISOString(),
		modelName: model.name,
		modelVersion: model.version,
		input: `${input.zone}/${input.name}`,
		output: status === 'succeeded' && writer ? `curated/${outputName}` : '',
		rowsIn: s.rowsIn,
		rowsOut: s.rowsOut,
		rowsFailed: s.rowsFailed,
		scoreMin: s.scoreMin,
		scoreMean: s.scoreMean,
		scoreMax: s.scoreMax,
		durationMs: finished.getTime() - started.getTime(),
		status,
		message
	};
	if (s.errors.length) {
		await storage.datastore.writeText('logs', errorLogName(runId), `${toCsv([['row', 'column', 'message'], ...s.errors.map((e) => [e.row, e.column, e.message])])}\n`);
	}
	const header = (await storage.datastore.exists('logs', RUN_LOG)) ? '' : `${toCsv([RUN_LOG_COLUMNS])}\n`;
	await storage.datastore.appendText('logs', RUN_LOG, `${header}${toCsv([logRow(run)])}\n`);
	if (status !== 'succeeded') throw Object.assign(new BatchRunFailed(message, s), { run });
	return run;
}

/** A daily job, the seed project's daily batch: raw/accounts_<date>.csv → curated/…_predictions.csv → run log. */
export function runDailyJob(storage: LabStorage, model: ModelVersion, date: string, settings?: BatchSettings, hooks?: BatchHooks) {
	if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a date like 2026-11-25.`);
	return batchScore(storage, model, { zone: 'raw', name: rawFileName(date) }, settings, hooks);
}
