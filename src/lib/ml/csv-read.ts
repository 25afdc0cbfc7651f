// Streaming CSV reading: the file's bytes are read chunk by chunk (a 100 MB file is never held whole,
// and progress can be reported), checked as strict UTF-8 and split into rows by the one tokenizer
// (`csv-tokenize.ts`). Works on text, a Blob/File (browser and worker) and any async iterable of
// bytes or text, such as a Node readable stream (CLI).
import { blobChunks } from './blob-chunks';
import { checkHeader, CsvSchemaError, inferSchema } from './csv-schema';
import { CsvRows } from './csv-rows';
import { TableBuilder } from './csv-table';
import { CsvTokens, guessDelimiter } from './csv-tokenize';
import { checkUtf8 } from './text-decoding';
import type { ColumnSchema, LabelledTable } from './table';

/** CSV text, a Blob/File, or chunks of bytes or text (a Node.js Readable is one). */
export type CsvInput = string | Blob | AsyncIterable<Uint8Array | string>;

export interface CsvChunkHandler {
	/** Called once with the checked header. */
	header(names: string[]): void;
	/**
	 * Called with consecutive data rows; firstRow is the file row of the chunk's first row (header = row 1).
	 * The rows are valid only during the call. If it returns a promise, reading pauses until it settles.
	 * bytesRead counts the input's bytes up to the end of these rows.
	 */
	rows(rows: CsvRows, firstRow: number, bytesRead: number): void | Promise<void>;
}

export interface ReadOptions {
	/** Bytes of input per chunk. */
	chunkSize?: number;
	/** Stop after this many data rows. */
	limit?: number;
	/** Total input size in bytes, for progress fractions. */
	size?: number;
	onProgress?: (fraction: number) => void;
	/** Checked between chunks; when true, reading stops and the promise rejects with an AbortError. */
	signal?: AbortSignal;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** The input's bytes, chunk by chunk. Each chunk is copied before the next is asked for, so a source may reuse its buffer. */
async function* byteChunks(input: CsvInput, chunkSize: number): AsyncGenerator<Uint8Array> {
	if (typeof input === 'string') {
		// Encoded a slice at a time, so a large text is not copied whole (a slice boundary may split a
		// surrogate pair only in broken text, which then reads as U+FFFD).
		for (let i = 0; i < input.length; i += chunkSize) yield encoder.encode(input.slice(i, i + chunkSize));
		if (input.length === 0) yield new Uint8Array(0);
	} else if (input instanceof Blob) {
		yield* blobChunks(input, chunkSize);
	} else {
		try {
			for await (const chunk of input) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
		} catch (e) {
			throw e instanceof CsvSchemaError || (e instanceof DOMException && e.name === 'AbortError') ? e : notText(e instanceof Error ? e.message : String(e));
		}
	}
}

const notText = (reason: string) => new CsvSchemaError(`The file could not be read as text: ${reason}`);

export async function readCsv(input: CsvInput, handler: CsvChunkHandler, options: ReadOptions = {}): Promise<void> {
	const chunkSize = options.chunkSize ?? 4 * 1024 * 1024;
	const size = options.size ?? (typeof input === 'string' ? input.length : input instanceof Blob ? input.size : 0);
	const tokens = new CsvTokens();
	let head: Uint8Array | null = null;
	let buffer = new Uint8Array(0);
	let kept = 0; // bytes of an incomplete row carried from the previous chunk
	let read = 0;
	let delimiter = -1;
	let header: string[] | null = null;
	let nextRow = 2;
	let delivered = 0;

	/** Tokenizes what is buffered and hands over its complete rows; false once the limit is reached. */
	const take = async (final: boolean): Promise<boolean> => {
		if (delimiter < 0) {
			if (!final && buffer.subarray(0, kept).indexOf(10) < 0 && buffer.subarray(0, kept).indexOf(13) < 0) return true;
			delimiter = guessDelimiter(buffer.subarray(0, Math.min(kept, 64 * 1024)));
		}
		tokens.seen = 0;
		const used = tokens.tokenize(buffer, kept, delimiter, final);
		if (tokens.seen & 0x80) {
			try {
				checkUtf8(buffer.subarray(0, used), head ?? new Uint8Array());
			} catch (e) {
				throw notText((e as Error).message);
			}
		}
		const rows = new CsvRows(tokens, delimiter);
		let skip = 0;
		if (!header && rows.count > 0) {
			header = checkHeader(rows.row(0));
			handler.header(header);
			skip = 1;
		}
		if (tokens.unclosedRow >= 0) {
			const row = nextRow + tokens.unclosedRow - skip;
			throw new CsvSchemaError(`Row ${row}: a quoted field is never closed (a " has no matching "), so the rest of the file would be read as one value.`, row);
		}
		let more = true;
		if (options.limit !== undefined && delivered + rows.count - skip >= options.limit) {
			rows.count = options.limit - delivered + skip;
			more = false;
		}
		const view = skip ? shifted(rows, skip) : rows;
		if (view.count > 0) {
			await handler.rows(view, nextRow, read - kept + used);
			delivered += view.count;
			nextRow += view.count;
		}
		buffer.copyWithin(0, used, kept);
		kept -= used;
		return more;
	};

	for await (const chunk of byteChunks(input, chunkSize)) {
		if (options.signal?.aborted) throw new DOMException('Reading was cancelled.', 'AbortError');
		let bytes = chunk;
		if (!head) {
			// A copy: the chunk's buffer is filled again with later bytes (or handed back to a stream reader).
			head = bytes.slice(0, 64);
			if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
		}
		if (kept + bytes.length > buffer.length) {
			const grown = new Uint8Array(Math.max(kept + bytes.length, buffer.length * 2));
			grown.set(buffer.subarray(0, kept));
			buffer = grown;
		}
		buffer.set(bytes, kept);
		kept += bytes.length;
		read += chunk.length;
		if (!(await take(false))) return;
		if (size) options.onProgress?.(Math.min(1, read / size));
	}
	if (options.signal?.aborted) throw new DOMException('Reading was cancelled.', 'AbortError');
	await take(true);
	if (!header) throw new CsvSchemaError('The file is empty: it has no header row.', 1);
}

/** A small CSV text (a log the app wrote) as rows of strings, header included, read by the same tokenizer. */
export function csvTextRows(text: string): string[][] {
	const bytes = encoder.encode(text);
	const tokens = new CsvTokens();
	const delimiter = guessDelimiter(bytes.subarray(0, 64 * 1024));
	tokens.tokenize(bytes, bytes.length, delimiter, true);
	return new CsvRows(tokens, delimiter).strings();
}

/** The rows of a chunk after its first `skip` (the header). */
function shifted(rows: CsvRows, skip: number): CsvRows {
	const t = rows.tokens;
	t.rowField.copyWithin(0, skip, t.count + 1);
	t.rowFlags.copyWithin(0, skip, t.count);
	t.count -= skip;
	const view = new CsvRows(t, rows.delimiter);
	view.count = rows.count - skip;
	return view;
}

export interface CsvPreview {
	header: string[];
	sample: string[][];
	schema: ColumnSchema[];
}

/** Reads the first rows and proposes a schema for the user to confirm. */
export async function previewCsv(input: CsvInput, targetHint?: string, sampleRows = 1000): Promise<CsvPreview> {
	let header: string[] = [];
	const sample: string[][] = [];
	await readCsv(input, { header: (h) => (header = h), rows: (rows) => void sample.push(...rows.strings()) }, { limit: sampleRows, chunkSize: 256 * 1024 });
	if (sample.length === 0) throw new CsvSchemaError('The file has a header but no data rows.', 2);
	return { header, sample: sample.slice(0, 20), schema: inferSchema(header, sample, targetHint) };
}

/** Reads the whole file into a table using a confirmed schema; any bad row rejects the file with its location. */
export async function readCsvTable(input: CsvInput, schema: ColumnSchema[], options: ReadOptions = {}): Promise<LabelledTable> {
	let builder: TableBuilder | null = null;
	const size = options.size ?? (input instanceof Blob ? input.size : 0);
	await readCsv(
		input,
		{
			header(names) {
				const missing = schema.filter((c) => c.role !== 'ignore' && !names.includes(c.name));
				if (missing.length) throw new CsvSchemaError(`The file has no column "${missing[0]!.name}".`, 1, missing[0]!.name);
				builder = new TableBuilder(names, schema);
			},
			rows(rows, firstRow, bytesRead) {
				// Room for the whole file at once, estimated from the first rows' length: growing by doubling
				// would touch about twice the memory, and fresh memory is much of a large read's cost.
				if (builder!.rows === 0 && size && bytesRead < size && options.limit === undefined) builder!.reserve(Math.ceil((rows.count * size * 1.02) / bytesRead));
				builder!.addRows(rows, firstRow);
			}
		},
		options
	);
	return (builder as TableBuilder | null)!.finish();
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field, quoted (RFC 4180) only when it must be. */
function csvField(value: unknown): string {
	const s = value === null || value === undefined ? '' : String(value);
	return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text for rows of values, without a trailing newline. Written here rather than with
 * Papa.unparse, which took 4.3 s for a million rows against well under a second for this loop.
 */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
	return rows.map((row) => row.map(csvField).join(',')).join('\n');
}

/** A whole table as CSV text with a header row (the target last); missing values are empty fields. */
export function tableToCsv(table: LabelledTable): string {
	const header = [...table.columns.map((c) => c.name), table.target.name];
	const rows: unknown[][] = [header];
	for (let i = 0; i < table.rows; i++) {
		rows.push([...table.columns.map((c) => (c.kind === 'numeric' ? (Number.isNaN(c.values[i]!) ? '' : c.values[i]) : (c.values[i] ?? ''))), table.target.values[i]]);
	}
	return `${toCsv(rows)}\n`;
}
