// One "read a CSV into typed columns" measurement in its own process (so peak memory is its own):
// Float64Array per numeric column, the category column dictionary-encoded, the 0/1 target.
// Usage: csv-read-task.ts papaparse|udsv|ours <file.csv>. Prints one JSON line.
// papaparse is how the app read CSV until the byte-level tokenizer (src/lib/ml/csv-tokenize.ts);
// uDSV is the fastest string-row parser we found. Both hand over strings per field, turned into
// columns here with the app's own rules (isMissing, parseNumber), as the old reader did.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import Papa from 'papaparse';
import { inferSchema as udsvSchema, initParser } from 'udsv';
import { readCsvTable } from '../../src/lib/ml/csv-read';
import { isMissing, parseNumber } from '../../src/lib/ml/csv-schema';
import { DELINQUENCY_SCHEMA } from '../../src/lib/ml/delinquency-data';
import { peakRssMb } from './peak-rss.mjs';

const [which, file] = process.argv.slice(2) as [string, string];
const schema = DELINQUENCY_SCHEMA.map((c) => ({ ...c }));

/** Typed columns from string rows, with the app's rules for missing values and numbers. */
class Columns {
	numeric: number[] = [];
	categorical: number[] = [];
	target = 0;
	values: Float64Array[] = [];
	codes: Int32Array[] = [];
	labels = new Uint8Array(1 << 20);
	dictionaries: Map<string, number>[] = [];
	rows = 0;
	header(names: string[]) {
		for (const c of schema) {
			const j = names.indexOf(c.name);
			if (c.role === 'target') this.target = j;
			else if (c.role === 'ignore') continue;
			else if (c.kind === 'numeric') this.numeric.push(j);
			else this.categorical.push(j);
		}
		this.values = this.numeric.map(() => new Float64Array(1 << 20));
		this.codes = this.categorical.map(() => new Int32Array(1 << 20));
		this.dictionaries = this.categorical.map(() => new Map());
	}
	add(row: string[]) {
		if (this.rows === this.labels.length) {
			const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
			this.values = this.values.map((a) => grow(a, new Float64Array(a.length * 2)));
			this.codes = this.codes.map((a) => grow(a, new Int32Array(a.length * 2)));
			this.labels = grow(this.labels, new Uint8Array(this.labels.length * 2));
		}
		const i = this.rows++;
		this.numeric.forEach((j, k) => (this.values[k]![i] = isMissing(row[j]) ? NaN : (parseNumber(row[j]!) ?? NaN)));
		this.categorical.forEach((j, k) => {
			const raw = row[j]!;
			if (isMissing(raw)) return void (this.codes[k]![i] = -1);
			const d = this.dictionaries[k]!;
			const text = raw.trim();
			this.codes[k]![i] = d.get(text) ?? d.set(text, d.size).get(text)!;
		});
		this.labels[i] = row[this.target] === '1' ? 1 : 0;
	}
}

const t0 = performance.now();
let rows = 0;
let sum = 0;
if (which === 'ours') {
	const table = await readCsvTable(createReadStream(file, { highWaterMark: 1 << 20 }), schema, { size: (await stat(file)).size });
	rows = table.rows;
	const v = table.columns.find((c) => c.kind === 'numeric')!.values as Float64Array;
	for (let i = 0; i < rows; i++) sum += v[i]! || 0;
} else {
	const cols = new Columns();
	let first = true;
	if (which === 'papaparse') {
		await new Promise<void>((resolve, reject) =>
			Papa.parse<string[]>(createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
				skipEmptyLines: 'greedy',
				chunkSize: 4 * 1024 * 1024,
				chunk(results) {
					for (const row of results.data) {
						if (first) {
							cols.header(row);
							first = false;
						} else cols.add(row);
					}
				},
				complete: () => resolve(),
				error: reject
			})
		);
	} else if (which === 'udsv') {
		let parser: ReturnType<typeof initParser> | null = null;
		for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 4 << 20 })) {
			const text = chunk as string;
			if (!parser) {
				const s = udsvSchema(text);
				parser = initParser(s);
				cols.header(s.cols.map((c) => c.name));
			}
			parser.chunk<string[]>(text, parser.stringArrs, (row) => void cols.add(row));
		}
		parser!.end();
	} else throw new Error(`unknown reader ${which}`);
	rows = cols.rows;
	for (let i = 0; i < rows; i++) sum += cols.values[0]![i]! || 0;
}
const ms = Math.round((performance.now() - t0) * 10) / 10;
console.log(JSON.stringify({ reader: which, rows, ms, check: Math.round(sum * 1000) / 1000, maxRssMb: peakRssMb() }));
