// One benchmark measurement in its own process, so peak memory (maxRSS) belongs to this task only.
// Prints one JSON line. Usage: task.ts train <file.csv> [model.json]. (Batch scoring is measured
// through the CLI itself: cli-score.ts.)
import { writeFile } from 'node:fs/promises';
import { fsCsvInput } from '../../src/cli/fs-read';
import { readCsvTable } from '../../src/lib/ml/csv-read';
import { DELINQUENCY_SCHEMA } from '../../src/lib/ml/delinquency-data';
import { fitLogisticNewton } from '../../src/lib/ml/logistic-newton';
import { rocAuc } from '../../src/lib/ml/metrics';
import { fitPreprocessor, transformTable } from '../../src/lib/ml/preprocess';
import { featureSchema } from '../../src/lib/ml/table';
import { peakRssMb } from './peak-rss.mjs';

const [mode, file, modelFile] = process.argv.slice(2);
const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

if (mode === 'train') {
	const t0 = performance.now();
	const { input, size } = await fsCsvInput(file!);
	const schema = DELINQUENCY_SCHEMA.map((c) => ({ ...c }));
	const table = await readCsvTable(input, schema, { size });
	const readMs = ms(t0);
	const t1 = performance.now();
	const all = Uint32Array.from({ length: table.rows }, (_, i) => i);
	const pre = fitPreprocessor(table, all, featureSchema(schema));
	const { x } = transformTable(pre, table, all);
	const d = x.length / table.rows;
	const fit = fitLogisticNewton(x, table.target.values, d, { C: 1 });
	const fitMs = ms(t1);
	const p = new Float64Array(table.rows);
	for (let i = 0; i < table.rows; i++) {
		let z = fit.intercept;
		for (let j = 0; j < d; j++) z += fit.weights[j]! * x[i * d + j]!;
		p[i] = 1 / (1 + Math.exp(-z));
	}
	if (modelFile) {
		const model = { name: 'bench', version: 1, preprocessor: pre, weights: fit.weights, intercept: fit.intercept, signature: { inputs: [...pre.numeric.map((s) => ({ name: s.name, type: 'double' })), ...pre.categorical.map((s) => ({ name: s.name, type: 'string' }))], output: { name: 'p', type: 'double' }, sensitive: [] } };
		await writeFile(modelFile, JSON.stringify(model));
	}
	console.log(JSON.stringify({ rows: table.rows, features: d, readMs, fitMs, iterations: fit.iterations, auc: rocAuc(table.target.values, p), maxRssMb: peakRssMb() }));
} else {
	throw new Error(`unknown mode ${mode}`);
}
