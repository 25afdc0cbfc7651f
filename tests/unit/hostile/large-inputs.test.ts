// Inputs too large to commit, generated here: 5,000 columns, a ~200 MB CSV streamed from a lazy
// Node Readable (never held in memory), and the backup size limit. (10,000 prediction records are in
// predict-corpus.test.ts.) Each must be handled or refused with a clear message, never hang: the
// test timeouts are the hang guard; how fast it goes is measured by `npm run bench`, not asserted here.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { backupSizeProblem } from '../../../src/lib/backup/backup-file';
import { previewCsv, readCsvTable, type CsvInput } from '../../../src/lib/ml/csv-read';
import { DEFAULT_TRAIN_PARAMS, MAX_NEWTON_FEATURES, trainModel } from '../../../src/lib/ml/train-model';

describe('5,000 columns', () => {
	const columns = 5000;
	const rows = 60;
	const header = [...Array.from({ length: columns }, (_, j) => `f${j}`), 'target'].join(',');
	const lines = Array.from({ length: rows }, (_, i) => [...Array.from({ length: columns }, (_, j) => ((i * 31 + j * 7) % 97) / 10), i % 2].join(','));
	const text = `${header}\n${lines.join('\n')}\n`;

	it('reads every column, and Newton refuses to train with a message instead of freezing', { timeout: 60_000 }, async () => {
		const preview = await previewCsv(text);
		expect(preview.schema).toHaveLength(columns + 1);
		expect(preview.schema.filter((c) => c.kind === 'numeric' && c.role === 'feature')).toHaveLength(columns);
		const table = await readCsvTable(text, preview.schema);
		expect(table.rows).toBe(rows);
		expect(table.columns).toHaveLength(columns);
		expect(() => trainModel(table, preview.schema, DEFAULT_TRAIN_PARAMS)).toThrow(
			`The data has 5,000 encoded features; Newton's method handles up to ${MAX_NEWTON_FEATURES.toLocaleString('en')}. Choose gradient descent, or set unneeded columns to "ignore".`
		);
	});
});

/**
 * A CSV of about `bytes` bytes produced chunk by chunk on demand: the whole file never exists in memory.
 * Rows carry a long free-text note (ignored by the schema) so the file is big but the table small.
 */
function lazyCsv(bytes: number): { stream: Readable; rows: number } {
	const note = 'x'.repeat(160);
	const rowText = (i: number) => `A${String(i).padStart(8, '0')},${(i % 1000) / 1000},${String(i).padStart(8, '0')}${note},${i % 3 === 0 ? 1 : 0}\n`;
	const rowBytes = rowText(0).length;
	const rows = Math.floor(bytes / rowBytes);
	const perChunk = 4096;
	let next = 0;
	const stream = new Readable({
		encoding: 'utf8',
		read() {
			if (next >= rows) {
				this.push(null);
				return;
			}
			const end = Math.min(rows, next + perChunk);
			let chunk = next === 0 ? 'account_id,credit_utilization,note,delinquent_90d\n' : '';
			for (let i = next; i < end; i++) chunk += rowText(i);
			next = end;
			this.push(chunk);
		}
	});
	return { stream, rows };
}

describe('a ~200 MB CSV streamed for training', () => {
	it('is read in bounded memory, with progress reported', { timeout: 120_000 }, async () => {
		const size = 200 * 2 ** 20;
		const preview = await previewCsv(lazyCsv(64 * 1024).stream as unknown as CsvInput);
		expect(preview.schema.map((c) => c.role)).toEqual(['ignore', 'feature', 'ignore', 'target']);
		const { stream, rows } = lazyCsv(size);
		const heapBefore = process.memoryUsage().heapUsed;
		const progress: number[] = [];
		const table = await readCsvTable(stream as unknown as CsvInput, preview.schema, { size, onProgress: (f) => progress.push(f) });
		expect(table.rows).toBe(rows);
		expect(rows).toBeGreaterThan(1_000_000);
		expect(Array.from(table.target.values.subarray(0, 6))).toEqual([1, 0, 0, 1, 0, 0]);
		expect(table.columns.map((c) => c.name)).toEqual(['credit_utilization']);
		expect(progress.length).toBeGreaterThan(10);
		expect(progress.at(-1)).toBeGreaterThan(0.95);
		// The table keeps one number and one label per row (~10 MB); the 200 MB of text is gone.
		expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 2 ** 20);
	});

	it('the same size as a backup is refused before reading', () => {
		expect(backupSizeProblem(200 * 2 ** 20)).toBeNull();
		expect(backupSizeProblem(200 * 2 ** 20 + 1)).toBe('The file is 200 MB, larger than any Prep Lab backup (limit 200 MB).');
	});
});
