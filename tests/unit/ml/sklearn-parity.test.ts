// Parity with scikit-learn 1.2 on committed fixtures (made by tests/bench/sklearn_fixtures.py):
// same preprocessing, same penalised problem, same metrics.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balancedSampleWeight } from '../../../src/lib/ml/class-weight';
import { readCsvTable } from '../../../src/lib/ml/csv-read';
import { fitLogisticNewton } from '../../../src/lib/ml/logistic-newton';
import { evaluate, type MetricSet } from '../../../src/lib/ml/metrics';
import { score } from '../../../src/lib/ml/model-artifact';
import { fitPreprocessor, transformTable } from '../../../src/lib/ml/preprocess';
import type { ColumnSchema } from '../../../src/lib/ml/table';

interface Fixture {
	sklearn: string;
	csv: string;
	fits: { C: number; classWeight: 'none' | 'balanced'; numeric: string[]; categorical: string[]; coef: number[]; intercept: number; probabilities: number[]; metrics: MetricSet }[];
}

const dir = join(import.meta.dirname, '../../fixtures/sklearn');
const fixtures = readdirSync(dir).map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture] as const);

describe.each(fixtures)('scikit-learn parity: %s', (_name, fixture) => {
	it.each(fixture.fits.map((f) => [`C=${f.C}, class_weight=${f.classWeight}`, f] as const))('%s', async (_label, expected) => {
		const schema: ColumnSchema[] = [
			...expected.numeric.map((name) => ({ name, kind: 'numeric' as const, role: 'feature' as const })),
			...expected.categorical.map((name) => ({ name, kind: 'categorical' as const, role: 'feature' as const })),
			{ name: 'y', kind: 'numeric', role: 'target' }
		];
		const table = await readCsvTable(fixture.csv, schema);
		const all = Uint32Array.from({ length: table.rows }, (_, i) => i);
		const preprocessor = fitPreprocessor(table, all, { numeric: expected.numeric, categorical: expected.categorical });
		const { x } = transformTable(preprocessor, table, all);
		const y = table.target.values;
		const fit = fitLogisticNewton(x, y, x.length / table.rows, {
			C: expected.C,
			sampleWeight: expected.classWeight === 'balanced' ? balancedSampleWeight(y) : undefined
		});

		expect(fit.converged).toBe(true);
		expect(fit.weights).toHaveLength(expected.coef.length);
		fit.weights.forEach((w, j) => expect(Math.abs(w - expected.coef[j]!), `coef ${j}`).toBeLessThan(1e-6));
		expect(Math.abs(fit.intercept - expected.intercept)).toBeLessThan(1e-6);

		// Probabilities through the product's one scoring function, from the CSV's own text values.
		const lines = fixture.csv.trim().split('\n');
		const header = lines[0]!.split(',');
		const records = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, j) => [header[j]!, v])));
		const { probabilities } = score({ preprocessor, weights: fit.weights, intercept: fit.intercept }, records);
		probabilities.forEach((p, i) => expect(Math.abs(p - expected.probabilities[i]!)).toBeLessThan(1e-7));

		// Metrics computed on scikit-learn's own probabilities must match its numbers exactly.
		const ours = evaluate(y, expected.probabilities);
		for (const [key, value] of Object.entries(expected.metrics)) expect(ours[key as keyof MetricSet], key).toBeCloseTo(value, 10);
	});
});
