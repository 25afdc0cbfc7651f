// Shared helpers of the ml tests: standardised delinquency features for solver tests, and the
// error a CSV read rejects with.
import { expect } from 'vitest';
import { CsvSchemaError } from '../../../src/lib/ml/csv-schema';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { fitPreprocessor, transformTable } from '../../../src/lib/ml/preprocess';
import { featureSchema } from '../../../src/lib/ml/table';

export function encodedDelinquency(rows: number, seed: number) {
	const table = generateDelinquencyTable(rows, seed);
	const all = Uint32Array.from({ length: rows }, (_, i) => i);
	const pre = fitPreprocessor(table, all, featureSchema(DELINQUENCY_SCHEMA));
	const { x } = transformTable(pre, table, all);
	return { x, y: table.target.values, d: x.length / rows, pre };
}

/** The CsvSchemaError a read rejects with (the test fails if it resolves or rejects otherwise). */
export async function csvErrorOf(p: Promise<unknown>): Promise<CsvSchemaError> {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(CsvSchemaError);
	return e as CsvSchemaError;
}
