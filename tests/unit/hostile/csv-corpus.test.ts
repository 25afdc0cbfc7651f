// Every broken or awkward CSV in the corpus, read the way the lab's import does it: preview (header
// check and proposed schema), then the whole file with that schema. Blobs, as the browser hands them over.
import { describe, expect, it } from 'vitest';
import { previewCsv, readCsvTable } from '../../../src/lib/ml/csv-read';
import { CsvSchemaError } from '../../../src/lib/ml/csv-schema';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import type { Column } from '../../../src/lib/ml/table';
import { badBlob, rejection } from './corpus';

async function importCsv(name: string) {
	const preview = await previewCsv(badBlob(name));
	return { preview, table: await readCsvTable(badBlob(name), preview.schema) };
}

const values = (columns: Column[], name: string) => Array.from(columns.find((c) => c.name === name)!.values as ArrayLike<unknown>);
const NOT_UTF8 = 'The file could not be read as text: it is not UTF-8 text';
const SAVE_AS = 'Save it as "CSV UTF-8" and choose that file.';

describe('CSV files that are refused, with the message the learner sees', () => {
	const refused: [file: string, message: string | RegExp, row: number | undefined, column: string | undefined][] = [
		['csv-empty.csv', 'The file is empty: it has no header row.', 1, undefined],
		['csv-blank-lines-only.csv', 'The file is empty: it has no header row.', 1, undefined],
		['csv-header-only.csv', 'The file has a header but no data rows.', 2, undefined],
		['csv-duplicate-header.csv', 'The header names "region" twice (columns 2 and 4).', 1, 'region'],
		['csv-duplicate-header-case.csv', 'The header names "region" twice (columns 2 and 4).', 1, 'region'],
		['csv-blank-header.csv', 'Column 3 of the header has no name.', 1, '#3'],
		['csv-trailing-delimiter.csv', 'Column 5 of the header has no name.', 1, '#5'],
		['csv-missing-target.csv', 'No target column found. Name the 0/1 outcome column one of delinquent_90d, target, label, y, or choose it explicitly.', 1, undefined],
		['csv-target-not-binary.csv', 'Row 7: the target "delinquent_90d" is "2"; it must be 0 or 1.', 7, 'delinquent_90d'],
		['csv-target-empty-cell.csv', 'Row 5: the target "delinquent_90d" is empty.', 5, 'delinquent_90d'],
		['csv-one-class.csv', 'The target "delinquent_90d" has only one class (every row is 0); a classifier needs both 0 and 1.', undefined, 'delinquent_90d'],
		['csv-infinity-in-numeric.csv', 'Row 9, column "credit_utilization": "Infinity" is not a number.', 9, 'credit_utilization'],
		['csv-text-in-numeric.csv', 'Row 6, column "credit_utilization": "12abc" is not a number.', 6, 'credit_utilization'],
		['csv-hex-in-numeric.csv', 'Row 12, column "credit_utilization": "0x1F" is not a number.', 12, 'credit_utilization'],
		[
			'csv-comma-decimal.csv',
			'Row 2, column "credit_utilization": "0,045" is not a number. Write numbers with a dot for decimals and no thousands separator (0.5, 1234). (and 19 more problems)',
			2,
			'credit_utilization'
		],
		['csv-many-bad-values.csv', 'Row 4, column "credit_utilization": "high" is not a number. (and 2 more problems)', 4, 'credit_utilization'],
		['csv-ragged-rows.csv', 'Row 4 has 3 fields; the header has 4. (and 1 more problem)', 4, ''],
		['csv-unterminated-quote.csv', 'Row 6: a quoted field is never closed (a " has no matching "), so the rest of the file would be read as one value.', 6, undefined],
		['csv-latin1-not-utf8.csv', `${NOT_UTF8} (accented letters saved as Latin-1 or Windows-1252?). ${SAVE_AS}`, undefined, undefined],
		['csv-utf16.csv', `${NOT_UTF8}: it is UTF-16 text (Excel's "Unicode text"). ${SAVE_AS}`, undefined, undefined],
		['csv-binary-renamed.csv', `${NOT_UTF8}: it is a PNG image, not a CSV file.`, undefined, undefined],
		['csv-xlsx-renamed.csv', `${NOT_UTF8}: it is a ZIP archive (an Excel .xlsx workbook?), not a CSV file. ${SAVE_AS}`, undefined, undefined]
	];
	it.each(refused)('%s', async (file, message, row, column) => {
		const e = await rejection(importCsv(file));
		expect(e).toBeInstanceOf(CsvSchemaError);
		if (typeof message === 'string') expect(e.message).toBe(message);
		else expect(e.message).toMatch(message);
		expect([e.row, e.column]).toEqual([row, column]);
	});

	it('csv-target-column-only.csv reads, but training says there is nothing to learn from', async () => {
		const { table, preview } = await importCsv('csv-target-column-only.csv');
		expect(table.rows).toBe(20);
		expect(() => trainModel(table, preview.schema, DEFAULT_TRAIN_PARAMS)).toThrow('Choose at least one feature column.');
	});
});

describe('CSV files that are awkward but valid, read correctly', () => {
	const expectedTarget = Array.from({ length: 20 }, (_, i) => (i + 1) % 2);

	it.each(['csv-bom.csv', 'csv-crlf.csv', 'csv-mixed-line-endings.csv', 'csv-semicolon.csv', 'csv-tab-separated.csv', 'csv-whitespace-padded.csv'])(
		'%s reads the same table as a plain file',
		async (file) => {
			const { preview, table } = await importCsv(file);
			expect(preview.header).toEqual(['account_id', 'credit_utilization', 'region', 'delinquent_90d']);
			expect(preview.schema.map((c) => `${c.name}:${c.kind}:${c.role}`)).toEqual([
				'account_id:categorical:ignore',
				'credit_utilization:numeric:feature',
				'region:categorical:feature',
				'delinquent_90d:numeric:target'
			]);
			expect(table.rows).toBe(20);
			expect(Array.from(table.target.values)).toEqual(expectedTarget);
			expect(values(table.columns, 'credit_utilization').slice(0, 3)).toEqual([0.045, 0.09, 0.135]);
			expect(values(table.columns, 'region').slice(0, 4)).toEqual(['south', 'east', 'west', 'north']);
		}
	);

	it('csv-quoted-commas-newlines.csv keeps commas and line breaks inside quoted values', async () => {
		const { table } = await importCsv('csv-quoted-commas-newlines.csv');
		expect(table.rows).toBe(20);
		expect(values(table.columns, 'region').slice(0, 3)).toEqual(['north, upper', 'south\nsecond line', 'west']);
	});

	it('csv-quoted-escaped-quotes.csv reads doubled quotes as one', async () => {
		const { table } = await importCsv('csv-quoted-escaped-quotes.csv');
		expect(values(table.columns, 'region')[0]).toBe('the "north"');
	});

	it('csv-target-yes-no.csv reads yes/no (any case) as 1/0', async () => {
		const { table } = await importCsv('csv-target-yes-no.csv');
		expect(Array.from(table.target.values)).toEqual(expectedTarget);
	});

	it('csv-nan-in-numeric.csv and csv-missing-tokens.csv read NaN, NA, n/a, null, ?, #N/A and blanks as missing numbers', async () => {
		const nan = await importCsv('csv-nan-in-numeric.csv');
		expect(nan.preview.schema[1]).toEqual({ name: 'credit_utilization', kind: 'numeric', role: 'feature' });
		const util = values(nan.table.columns, 'credit_utilization') as number[];
		expect([util[2], util[6]]).toEqual([NaN, NaN]);
		expect(util.filter(Number.isNaN)).toHaveLength(2);
		const tokens = await importCsv('csv-missing-tokens.csv');
		expect((values(tokens.table.columns, 'credit_utilization') as number[]).slice(0, 7)).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, 0.315]);
	});

	it('csv-formula-injection.csv and csv-html-in-values.csv keep hostile values as plain text', async () => {
		const formulas = await importCsv('csv-formula-injection.csv');
		expect(values(formulas.table.columns, 'region').slice(0, 3)).toEqual(['=HYPERLINK("http://evil.example","click")', '+SUM(A1:A9)', '@cmd']);
		const html = await importCsv('csv-html-in-values.csv');
		expect(values(html.table.columns, 'region').slice(0, 2)).toEqual(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>']);
	});

	it('csv-unicode-header.csv keeps accented and emoji column names', async () => {
		const { preview, table } = await importCsv('csv-unicode-header.csv');
		expect(preview.header).toEqual(['numéro_client', 'crédit_utilisé', 'région 🌍', 'delinquent_90d']);
		expect(table.columns.map((c) => c.name)).toEqual(['numéro_client', 'crédit_utilisé', 'région 🌍']);
	});

	it('csv-sensitive-columns.csv keeps gender and age band out of the features', async () => {
		const { preview } = await importCsv('csv-sensitive-columns.csv');
		expect(preview.schema.filter((c) => c.role === 'sensitive').map((c) => c.name)).toEqual(['gender', 'age_band']);
	});

	it('csv-too-many-categories.csv proposes to ignore a text column with more than 50 values', async () => {
		const { preview, table } = await importCsv('csv-too-many-categories.csv');
		expect(preview.schema.find((c) => c.name === 'region')!.role).toBe('ignore');
		expect(table.columns.map((c) => c.name)).toEqual(['credit_utilization']);
	});
});
