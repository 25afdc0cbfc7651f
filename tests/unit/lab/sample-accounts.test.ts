import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { checkSampleRows, sampleAccountsCsv, sampleFileName, tableCsvSlices } from '../../../src/lib/lab/sample-accounts';
import { generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';

describe('sample accounts file', () => {
	it('is the CLI generate output, in slices, whatever the slice size', () => {
		const table = generateDelinquencyTable(1234, 3);
		const whole = tableToCsv(table);
		expect([...tableCsvSlices(table, 100)].join('')).toBe(whole);
		expect(sampleAccountsCsv(1234, 3).join('')).toBe(whole);
		expect([...tableCsvSlices(table, 100)]).toHaveLength(1 + 13);
	});

	it('is named for the local date, as the daily pipeline expects', () => {
		expect(sampleFileName(new Date(2026, 0, 5, 23, 30))).toBe('accounts_2026-01-05.csv');
	});

	it('refuses row counts outside 1 … 2,000,000', () => {
		expect(checkSampleRows(5000)).toBeNull();
		expect(checkSampleRows(0)).toMatch(/from 1 to 2,000,000/);
		expect(checkSampleRows(2.5)).toMatch(/whole number/);
		expect(checkSampleRows(3_000_000)).not.toBeNull();
	});
});
