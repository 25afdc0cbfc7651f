// A sample input for the batch endpoint: seeded synthetic accounts as CSV text, the same columns
// the CLI's `generate` writes, produced in slices so a million rows never become one string.
import { toCsv } from '../ml/csv-read';
import { generateDelinquencyTable, type GenerateOptions } from '../ml/delinquency-data';
import type { LabelledTable } from '../ml/table';
import { rawFileName } from './daily-files';

export const SAMPLE_ROWS = 5000;
export const MAX_SAMPLE_ROWS = 2_000_000;

/** `raw/accounts_<date>.csv`, the name a daily job reads, for the local calendar date. */
export function sampleFileName(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return rawFileName(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
}

/** The table as CSV text in slices of `rowsPerSlice` rows; the first slice starts with the header. */
export function* tableCsvSlices(table: LabelledTable, rowsPerSlice = 50_000): Generator<string> {
	yield `${toCsv([[...table.columns.map((c) => c.name), table.target.name]])}\n`;
	for (let start = 0; start < table.rows; start += rowsPerSlice) {
		const rows: unknown[][] = [];
		for (let i = start; i < Math.min(table.rows, start + rowsPerSlice); i++) {
			rows.push([...table.columns.map((c) => (c.kind === 'numeric' ? (Number.isNaN(c.values[i]!) ? '' : c.values[i]) : (c.values[i] ?? ''))), table.target.values[i]]);
		}
		yield `${toCsv(rows)}\n`;
	}
}

export function checkSampleRows(rows: number): string | null {
	return Number.isInteger(rows) && rows >= 1 && rows <= MAX_SAMPLE_ROWS ? null : `Rows must be a whole number from 1 to ${MAX_SAMPLE_ROWS.toLocaleString('en')}.`;
}

export function sampleAccountsCsv(rows: number, seed: number, options: GenerateOptions = {}): string[] {
	return [...tableCsvSlices(generateDelinquencyTable(rows, seed, options))];
}
