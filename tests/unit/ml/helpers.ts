// Standardised delinquency features for solver tests.
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
