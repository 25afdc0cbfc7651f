// Runs the exported score.py with a real python3 + numpy (Debian's python3-numpy) and checks it gives
// the app's probabilities to 1e-9, the same per-record errors, and the same batch output.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { score, scoreRows, type FeatureRecord, type ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { findPython, generatedRecords, runPython, writeExport, type PyResult } from './azureml-python';

const { python: PYTHON, skip: skipReason } = findPython(['numpy']);

const draft = trainModel(generateDelinquencyTable(1500, 11), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS, () => {}, () => Date.parse('2026-11-24T10:00:00Z')).draft;
const version: ModelVersion = { ...draft, version: 3, description: '', tags: {} };

const { root, dir, remove } = writeExport(version);
afterAll(remove);
const scorePy = join(root, 'model/code/score.py');
const modelJson = join(root, 'model/model.json');
const python = (args: string[]) => runPython(PYTHON!, args);

/** Records from the generator (with its missing incomes), then the cases score() treats specially. */
function testRecords(): unknown[] {
	const records: unknown[] = generatedRecords(300, 5);
	const base = records[0] as FeatureRecord;
	records.push(
		{ ...base, annual_income: '' },
		{ ...base, annual_income: 'NA', months_on_book: ' nan ' },
		{ ...base, annual_income: '?', months_on_book: 'None' },
		(({ annual_income: _, ...rest }) => rest)(base), // field absent
		{ ...base, credit_utilization: '0.91', num_open_accounts: ' 7 ', annual_income: '4.2e4' },
		{ ...base, region: 'atlantis' }, // a category never seen in training
		{ ...base, region: ' north ' },
		{ ...base, region: '' },
		{ ...base, region: null },
		{ ...base, region: 7 },
		{ ...base, credit_utilization: 'lots' }, // bad records: the others still score
		{ ...base, annual_income: '0x10' },
		{ ...base, annual_income: 'Infinity' },
		{ ...base, days_past_due_12m: true },
		{ ...base, region: { name: 'north' } },
		{ ...base, annual_income: 1e300 }, // exp overflows: probability 0 in both
		{ ...base, credit_utilization: 'high', debt_to_income: [0.3] },
		42,
		['north'],
		{}
	);
	return records;
}

describe.skipIf(PYTHON === null)(`exported score.py with python3 + numpy${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
	it('returns the app probabilities to 1e-9 and the same per-record errors', () => {
		const records = testRecords();
		const request = join(dir, 'request.json');
		writeFileSync(request, JSON.stringify({ input_data: records }));
		const results = JSON.parse(python([scorePy, modelJson, request])) as PyResult[];
		const app = score(version, records as FeatureRecord[]);
		expect(results).toHaveLength(records.length);
		let scored = 0;
		results.forEach((result, r) => {
			const expected = app.probabilities[r]!;
			const fields = app.errors.filter((e) => e.record === r).map((e) => e.field);
			if (Number.isNaN(expected)) {
				expect(result.probability, `record ${r}`).toBeNull();
				expect(result.errors?.map((e) => e.field), `record ${r}`).toEqual(fields);
			} else {
				expect(Math.abs(result.probability! - expected), `record ${r}`).toBeLessThanOrEqual(1e-9);
				expect(result.prediction).toBe(expected >= 0.5 ? 1 : 0);
				scored++;
			}
		});
		expect(scored).toBeGreaterThan(300);
		expect(results.at(-5)!.probability).toBe(0);
		expect(app.probabilities[records.length - 5]).toBe(0);
		expect(results.filter((r) => r.probability === null)).toHaveLength(8);
		expect(app.unseenCategories.region).toBeGreaterThan(0);
	});

	it('accepts a bare list of records and finds model.json under AZUREML_MODEL_DIR as Azure mounts it', () => {
		const records = testRecords().slice(0, 20);
		const code = `import json, sys; sys.path.insert(0, ${JSON.stringify(dirname(scorePy))}); import score; score.init(); print(json.dumps(score.run(sys.stdin.read())))`;
		const results = JSON.parse(runPython(PYTHON!, ['-c', code], { input: JSON.stringify(records), env: { AZUREML_MODEL_DIR: root } })) as PyResult[];
		const app = score(version, records as FeatureRecord[]);
		expect(results).toHaveLength(20);
		results.forEach((result, r) => expect(Math.abs(result.probability! - app.probabilities[r]!)).toBeLessThanOrEqual(1e-9));
	});

	it('scores CSV files as a batch deployment does: one line per row, bad rows named', () => {
		const lines = tableToCsv(generateDelinquencyTable(200, 8)).trim().split('\n');
		const bad = lines[5]!.split(',');
		bad[1] = 'lots';
		// Cells numpy reads in one go (".5", "+3", "007") and one it reads as infinity, which the app refuses.
		const tooBig = lines[6]!.split(',');
		tooBig[5] = '1e999';
		const odd = lines[7]!.split(',');
		[odd[7], odd[3], odd[2]] = ['.5', '+3', '007'];
		const csv = [...lines.slice(0, 5), bad.join(','), 'A1,2', tooBig.join(','), odd.join(','), ...lines.slice(8)].join('\n');
		const file = join(dir, 'accounts.csv');
		writeFileSync(file, `${csv}\n`);
		const code = `import sys; sys.path.insert(0, ${JSON.stringify(dirname(scorePy))}); import score; score.init(${JSON.stringify(modelJson)}); print("\\n".join(score.run([${JSON.stringify(file)}])))`;
		const out = python(['-c', code]).trim().split('\n');
		const rows = csv.split('\n').map((l) => l.split(','));
		expect(out).toHaveLength(rows.length - 1);
		const app = scoreRows(version, rows[0]!, rows.slice(1));
		out.forEach((line, k) => {
			const [name, row, prediction, probability] = line.split(',');
			expect(name).toBe('accounts.csv');
			expect(Number(row)).toBe(k + 1);
			if (k === 5) expect(line).toBe('accounts.csv,6,,,has 2 fields; the header has 11');
			else if (k === 4) expect(line).toBe('accounts.csv,5,,,"""credit_utilization"" must be a number"');
			else if (k === 6) expect(line).toBe('accounts.csv,7,,,"""debt_to_income"" must be a number"');
			else {
				expect(Math.abs(Number(probability) - app.probabilities[k]!)).toBeLessThanOrEqual(5e-7);
				expect(Number(prediction)).toBe(app.probabilities[k]! >= 0.5 ? 1 : 0);
			}
		});
	});

	it('reads a plain CSV file with numpy alone and writes the same lines as csv.reader gives for it', () => {
		const lines = tableToCsv(generateDelinquencyTable(300, 9)).trim().split('\n');
		const edit = (k: number, column: number, value: string) => {
			const cells = lines[k]!.split(',');
			cells[column] = value;
			lines[k] = cells.join(',');
		};
		edit(3, 1, 'lots'); // a column numpy cannot read at once: value by value
		edit(4, 5, '1e999');
		edit(5, 4, 'NA');
		edit(6, 8, 'atlantis');
		edit(7, 8, ' north ');
		edit(8, 8, '');
		const plain = join(dir, 'plain.csv');
		const quoted = join(dir, 'quoted.csv');
		writeFileSync(plain, `\uFEFF${lines.join('\r\n')}\r\n`);
		// One quoted cell, the same value: score.py must take csv.reader's path for this file.
		const [first, ...rest] = lines[1]!.split(',');
		writeFileSync(quoted, `${[lines[0], [`"${first}"`, ...rest].join(','), ...lines.slice(2)].join('\n')}\n`);
		const run = (file: string) => python(['-c', `import sys; sys.path.insert(0, ${JSON.stringify(dirname(scorePy))}); import score; score.init(${JSON.stringify(modelJson)}); print("\\n".join(score.run([${JSON.stringify(file)}])))`]).trim().split('\n');
		const fromNumpy = run(plain).map((line) => line.replace(/^plain\.csv,/, ''));
		const fromReader = run(quoted).map((line) => line.replace(/^quoted\.csv,/, ''));
		expect(fromNumpy).toHaveLength(300);
		expect(fromNumpy).toEqual(fromReader);
		expect(fromNumpy[2]).toBe('3,,,"""credit_utilization"" must be a number"');
		expect(fromNumpy[3]).toBe('4,,,"""debt_to_income"" must be a number"');
	});
});
