// score.py's fast path for plain CSV files (azureml-score-py-csv.ts), run with a real python3 + numpy: a
// file read in blocks gives the lines csv.reader's path gives, numbers read from the bytes are the floats
// Python reads, and the output lines built by numpy are the text Python's :.6f format writes.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import type { ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { findPython, runPython, writeExport } from './azureml-python';

const { python: PYTHON, skip } = findPython(['numpy']);

const draft = trainModel(generateDelinquencyTable(1500, 11), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS, () => {}, () => Date.parse('2026-11-24T10:00:00Z')).draft;
const version: ModelVersion = { ...draft, version: 5, description: '', tags: {} };
const { root, dir, remove } = writeExport(version);
afterAll(remove);

/** Runs Python lines after importing score.py and loading the model; returns what they print. */
function withScore(lines: string[]): string {
	const setup = ['import json, sys', `sys.path.insert(0, ${JSON.stringify(join(root, 'model/code'))})`, 'import numpy as np', 'import score', `score.init(${JSON.stringify(join(root, 'model/model.json'))})`];
	return runPython(PYTHON!, ['-c', [...setup, ...lines].join('\n')]);
}

/** Generated rows as CSV lines (header first), with some cells changed: [row, column, text]. */
function csvLines(rows: number, seed: number, edits: [number, number, string][]): string[] {
	const lines = tableToCsv(generateDelinquencyTable(rows, seed)).trim().split('\n');
	for (const [row, column, text] of edits) {
		const cells = lines[row]!.split(',');
		cells[column] = text;
		lines[row] = cells.join(',');
	}
	return lines;
}

/** The same file with its first cell quoted, which sends score.py down csv.reader's path. */
function quotedCopy(lines: string[]): string {
	const [first, ...rest] = lines[1]!.split(',');
	return [lines[0], [`"${first}"`, ...rest].join(','), ...lines.slice(2)].join('\n');
}

// Each test starts python3 with numpy, one to several times: seconds on a loaded 2-core machine.
describe.skipIf(PYTHON === null)(`score.py's plain CSV path${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 30_000 }, () => {
	it('scores a file of several blocks as csv.reader reads it, with every row number and bad row in its place', () => {
		// About 620 KB: three blocks. Bad cells late in the file, one on each side of row 10,000.
		const lines = csvLines(12_000, 4, [
			[9_999, 1, 'lots'],
			[10_000, 4, 'NA'],
			[10_001, 8, 'atlantis'],
			[11_999, 5, '1e999']
		]);
		const plain = join(dir, 'big.csv');
		const quoted = join(dir, 'big-quoted.csv');
		writeFileSync(plain, `${lines.join('\n')}\n`);
		writeFileSync(quoted, `${quotedCopy(lines)}\n`);
		const [fromBlocks, fromReader] = JSON.parse(withScore([`print(json.dumps([score.run([${JSON.stringify(plain)}]), score.run([${JSON.stringify(quoted)}])]))`])) as [string[], string[]];
		const rowsOf = (out: string[]) => out.map((line) => line.slice(line.indexOf(',') + 1));
		expect(fromBlocks).toHaveLength(12_000);
		expect(rowsOf(fromBlocks)).toEqual(rowsOf(fromReader));
		expect(fromBlocks[9_998]).toBe('big.csv,9999,,,"""credit_utilization"" must be a number"');
		expect(fromBlocks[10_000]).toMatch(/^big\.csv,10001,[01],0\.\d{6},$/);
		expect(fromBlocks[11_998]).toBe('big.csv,11999,,,"""debt_to_income"" must be a number"');
	});

	it('gives the same lines whatever the block size, and a file ending in an empty line too', () => {
		// Rows across 9 → 10 and 99 → 100 (a row number one digit longer), cells read value by value in some blocks.
		const lines = csvLines(110, 6, [
			[3, 2, '+3'],
			[9, 3, '-.5'],
			[10, 1, ' 0.5'],
			[99, 4, '']
		]);
		const files = { plain: `${lines.join('\n')}\n`, quoted: `${quotedCopy(lines)}\n`, 'plain-blank': `${lines.join('\n')}\n\n`, 'quoted-blank': `${quotedCopy(lines)}\n\n` };
		for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), text);
		const out = withScore([
			`folder = ${JSON.stringify(dir)}`,
			'def rows(name):',
			'    return [line.split(",", 1)[1] for line in score.run([f"{folder}/{name}.csv"])]',
			'reference = {"plain": rows("quoted"), "plain-blank": rows("quoted-blank")}',
			'differ = []',
			'for size in [1 << 18, *range(40, 240, 17)]:',
			'    score._BLOCK_BYTES = size',
			'    differ += [[name, size] for name, expected in reference.items() if rows(name) != expected]',
			'print(json.dumps({"differ": differ, "rows": len(reference["plain"]), "last": reference["plain-blank"][-1]}))'
		]);
		expect(JSON.parse(out)).toEqual({ differ: [], rows: 110, last: '111,,,has 0 fields; the header has 11' });
	});

	it('reads a one-column file ending in an empty line as csv.reader does, wherever a block ends', () => {
		writeFileSync(join(dir, 'one-plain.csv'), 'credit_utilization\n0.5\n0.75\n\n');
		writeFileSync(join(dir, 'one-quoted.csv'), '"credit_utilization"\n"0.5"\n"0.75"\n\n');
		const out = withScore([
			`folder = ${JSON.stringify(dir)}`,
			'def rows(name):',
			'    return [line.split(",", 1)[1] for line in score.run([f"{folder}/{name}.csv"])]',
			'expected = rows("one-quoted")',
			'differ = []',
			'for size in [1, 2, 3, 4, 5, 8, 1 << 18]:',
			'    score._BLOCK_BYTES = size',
			'    if rows("one-plain") != expected: differ.append(size)',
			'print(json.dumps({"differ": differ, "last": expected[-1], "rows": len(expected)}))'
		]);
		expect(JSON.parse(out)).toEqual({ differ: [], last: '3,,,has 0 fields; the header has 1', rows: 3 });
	});

	it('reads decimals from the bytes as the floats Python reads, and refuses what the app refuses', () => {
		const cells = ['0.1', '0.3', '-0', '+3', '007', '.5', '-.5', '5.', '123456789012345', '0.00000000000001', '-999999999999.999', '3.14159265358979', ''];
		const others = ['1e5', '1E-3', ' 7', '0x10', 'NA', 'nan', '1234567890123456', '.', '-', '1.2.3', 'Infinity', '1e999'];
		const out = withScore([
			'def read(texts):',
			'    n, column = score._csv_columns(np.frombuffer("\\n".join(texts).encode(), dtype=np.uint8), 1)',
			'    fast = column(0).as_decimals()',
			'    v, bad = score._number_column(column(0))',
			'    slow, slow_bad = score._number_column(list(texts))',
			'    same = np.array_equal(v, slow, equal_nan=True) and (bad == slow_bad).all() and np.array_equal(np.signbit(v), np.signbit(slow))',
			'    return {"fast": fast is not None, "same": bool(same), "bad": bad.tolist()}',
			`print(json.dumps([read(${JSON.stringify(cells)})] + [read(["1", text]) for text in ${JSON.stringify(others)}]))`
		]);
		const [plain, ...rest] = JSON.parse(out) as { fast: boolean; same: boolean; bad: boolean[] }[];
		expect(plain).toEqual({ fast: true, same: true, bad: cells.map(() => false) });
		rest.forEach((read, k) => {
			expect(read.fast, others[k]).toBe(false);
			expect(read.same, others[k]).toBe(true);
		});
		expect(rest.map((read) => read.bad[1])).toEqual([false, false, false, true, false, false, false, true, true, true, true, true]);
	});

	it('writes each probability as Python formats it with :.6f, halfway cases included', () => {
		const out = withScore([
			'rng = np.random.default_rng(7)',
			'p = np.concatenate([rng.random(3000), rng.random(500) * 1e-5, np.arange(129) / 128, [0.0, 1.0, np.nan, 0.5, 0.4999995, 0.0000005, 1 - 1e-17]])',
			'differ = []',
			'for name in ["a.csv", "été 2026.csv"]:',
			'    for before in [0, 7, 95, 99_990, 999_999]:',
			'        expected = [f"{name},{before + i + 1},{int(q >= score.THRESHOLD)},{q:.6f}," for i, q in enumerate(p.tolist())]',
			'        if score._output_lines(name, p, before) != expected:',
			'            differ.append([name, before])',
			'print(json.dumps({"differ": differ, "tie": score._output_lines("a.csv", np.array([1 / 128]), 0)}))'
		]);
		expect(JSON.parse(out)).toEqual({ differ: [], tie: ['a.csv,1,0,0.007812,'] });
	});
});
