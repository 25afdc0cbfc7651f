import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { previewCsv, readCsvTable } from '../../../src/lib/ml/csv-read';
import { checkHeader, inferSchema, parseNumber } from '../../../src/lib/ml/csv-schema';
import type { ColumnSchema } from '../../../src/lib/ml/table';
import { csvErrorOf as errorOf } from './helpers';

const schema: ColumnSchema[] = [
	{ name: 'id', kind: 'categorical', role: 'ignore' },
	{ name: 'util', kind: 'numeric', role: 'feature' },
	{ name: 'region', kind: 'categorical', role: 'feature' },
	{ name: 'age', kind: 'categorical', role: 'sensitive' },
	{ name: 'target', kind: 'numeric', role: 'target' }
];
const header = 'id,util,region,age,target';

describe('checkHeader', () => {
	it('names blank and duplicated headers', () => {
		expect(() => checkHeader(['a', '', 'c'])).toThrow('Column 2 of the header has no name.');
		expect(() => checkHeader(['a', 'b', 'A'])).toThrow('The header names "A" twice (columns 1 and 3).');
	});
	it('strips a byte-order mark and spaces', () => {
		expect(checkHeader(['\uFEFFid', ' util '])).toEqual(['id', 'util']);
	});
});

describe('parseNumber', () => {
	it('accepts plain and scientific numbers, rejects text, NaN and Infinity', () => {
		expect(parseNumber(' 1e3 ')).toBe(1000);
		expect(parseNumber('-.5')).toBe(-0.5);
		for (const bad of ['12abc', 'NaN', 'Infinity', '1,5', '', '  ', '0x1F', '0b101']) expect(parseNumber(bad)).toBeNull();
	});
});

describe('inferSchema', () => {
	it('finds numeric, categorical, id-like, sensitive and target columns', () => {
		const rows = [
			['a1', '0.5', 'north', '30-44', '0'],
			['a2', '', 'south', '18-29', '1']
		];
		expect(inferSchema(['customer_id', 'util', 'region', 'age_band', 'delinquent_90d'], rows)).toEqual([
			{ name: 'customer_id', kind: 'categorical', role: 'ignore' },
			{ name: 'util', kind: 'numeric', role: 'feature' },
			{ name: 'region', kind: 'categorical', role: 'feature' },
			{ name: 'age_band', kind: 'categorical', role: 'sensitive' },
			{ name: 'delinquent_90d', kind: 'numeric', role: 'target' }
		]);
	});
	it('uses a last 0/1 column as the target when none is named, and refuses when there is none', () => {
		expect(inferSchema(['x', 'bad'], [['1', '0'], ['2', '1']]).at(-1)!.role).toBe('target');
		expect(() => inferSchema(['x', 'z'], [['1', '7']])).toThrow(/No target column found/);
		expect(() => inferSchema(['x', 'z'], [['1', '0']], 'nope')).toThrow('There is no column "nope" to use as the target');
	});
});

describe('readCsvTable', () => {
	it('reads CSV text, a Node stream, CRLF, quotes and ";" separators into the same table', async () => {
		const plain = `${header}\na1,0.5,north,30-44,0\na2,,south,18-29,1\n`;
		const variants = [
			plain,
			plain.replace(/\n/g, '\r\n'),
			plain.replace(/,/g, ';'),
			`${header}\n"a1","0.5","north","30-44","0"\n"a2","","south","18-29","1"\n`
		];
		for (const text of variants) {
			const t = await readCsvTable(text, schema);
			expect(t.rows).toBe(2);
			expect(Array.from(t.target.values)).toEqual([0, 1]);
			const util = t.columns.find((c) => c.name === 'util')!.values as Float64Array;
			expect(util[0]).toBe(0.5);
			expect(util[1]).toBeNaN();
			expect(t.columns.map((c) => c.name)).toEqual(['util', 'region', 'age']);
		}
		const streamed = await readCsvTable(Readable.from([plain.slice(0, 20), plain.slice(20)]) as never, schema);
		expect(streamed.rows).toBe(2);
	});

	it('reads every row whatever room the first rows suggest: short rows first, long rows later, or a wrong size', async () => {
		// Room for the table is reserved from the first chunk's rows; rows after it that are much longer
		// or shorter, and a size that is not the input's, still give the whole table.
		const row = (i: number, pad: number) => `a${i},${(i % 7) / 10},${'r'.repeat(pad)}${i % 3},18-29,${i % 2}`;
		const text = `${header}\n${Array.from({ length: 3000 }, (_, i) => row(i, i < 200 ? 0 : 60)).join('\n')}\n`;
		for (const size of [text.length, text.length * 10, Math.floor(text.length / 10)]) {
			const t = await readCsvTable(text, schema, { size, chunkSize: 4096 });
			expect(t.rows).toBe(3000);
			expect(t.target.values.reduce((a, b) => a + b, 0)).toBe(1500);
			const util = t.columns.find((c) => c.name === 'util')!.values as Float64Array;
			expect(util[2999]).toBe((2999 % 7) / 10);
			expect((t.columns.find((c) => c.name === 'region')!.values as string[])[2999]).toBe(`${'r'.repeat(60)}${2999 % 3}`);
		}
	});

	it('reads a Blob in chunks that split rows and characters, and stops at a row limit', async () => {
		const rows = Array.from({ length: 40 }, (_, i) => `a${i},${i / 8},${i % 3 ? 'north' : 'söuth'},30-44,${i % 2}`);
		const text = `${header}\n${rows.join('\n')}\n`;
		const whole = await readCsvTable(text, schema);
		for (const chunkSize of [5, 7, 64, 1 << 20]) {
			const t = await readCsvTable(new Blob([text]), schema, { chunkSize });
			expect(t.rows, `chunk ${chunkSize}`).toBe(40);
			expect(t.columns.map((c) => Array.from(c.values as ArrayLike<unknown>))).toEqual(whole.columns.map((c) => Array.from(c.values as ArrayLike<unknown>)));
			expect(Array.from(t.target.values)).toEqual(Array.from(whole.target.values));
		}
		// A browser whose Blob streams have no BYOB reader (Safari before 26.4) reads the Blob in slices.
		class WithoutByob extends Blob {
			override stream() {
				const stream = super.stream();
				return Object.assign(Object.create(stream), {
					getReader: (options?: { mode?: string }) => {
						if (options?.mode === 'byob') throw new TypeError('no BYOB reader here');
						return stream.getReader();
					}
				}) as ReturnType<Blob['stream']>;
			}
		}
		const sliced = await readCsvTable(new WithoutByob([text]), schema, { chunkSize: 7 });
		expect(sliced.columns.map((c) => Array.from(c.values as ArrayLike<unknown>))).toEqual(whole.columns.map((c) => Array.from(c.values as ArrayLike<unknown>)));
		const limited = await readCsvTable(new Blob([text]), schema, { chunkSize: 7, limit: 3 });
		expect(limited.rows).toBe(3);
		const e = await errorOf(readCsvTable(new Blob([`${text}a40,x,north,30-44,0\n`]), schema, { chunkSize: 9 }));
		expect(e.message).toBe('Row 42, column "util": "x" is not a number.');
	});

	it('names the row and column of text in a numeric column', async () => {
		const e = await errorOf(readCsvTable(`${header}\na1,0.5,north,30-44,0\na2,12abc,south,18-29,1\n`, schema));
		expect(e.message).toBe('Row 3, column "util": "12abc" is not a number.');
		expect([e.row, e.column]).toEqual([3, 'util']);
	});

	it('reports a non-binary target, a missing target value and a short row', async () => {
		expect((await errorOf(readCsvTable(`${header}\na1,0.5,north,30-44,2\n`, schema))).message).toMatch(/Row 2: the target "target" is "2"; it must be 0 or 1/);
		expect((await errorOf(readCsvTable(`${header}\na1,0.5,north,30-44,\n`, schema))).message).toMatch(/Row 2: the target "target" is empty/);
		const short = await errorOf(readCsvTable(`${header}\na1,0.5,north,30-44,0\na2,0.4\n`, schema));
		expect(short.message).toBe('Row 3 has 2 fields; the header has 5.');
	});

	it('counts further problems after the first', async () => {
		const e = await errorOf(readCsvTable(`${header}\na1,x,north,30-44,0\na2,y,south,18-29,1\na3,z,east,60+,1\n`, schema));
		expect(e.message).toMatch(/Row 2.*\(and 2 more problems\)$/);
	});

	it('refuses an empty file, a header-only file, one class only and a missing column', async () => {
		expect((await errorOf(readCsvTable('', schema))).message).toMatch(/empty/);
		expect((await errorOf(readCsvTable(`${header}\n`, schema))).message).toMatch(/no data rows/);
		expect((await errorOf(readCsvTable(`${header}\na1,0.5,north,30-44,1\na2,0.4,south,18-29,1\n`, schema))).message).toMatch(/only one class/);
		expect((await errorOf(readCsvTable('id,region,age,target\na,north,x,1\n', schema))).message).toBe('The file has no column "util".');
	});
});

describe('previewCsv', () => {
	it('returns the header, a few rows and a proposed schema', async () => {
		const text = `${header}\n${Array.from({ length: 50 }, (_, i) => `a${i},${i / 50},north,30-44,${i % 2}`).join('\n')}\n`;
		const p = await previewCsv(text);
		expect(p.header).toEqual(header.split(','));
		expect(p.sample).toHaveLength(20);
		expect(p.schema.find((c) => c.role === 'target')!.name).toBe('target');
		expect(p.schema.find((c) => c.name === 'age')!.role).toBe('sensitive');
	});
});

describe('toCsv', () => {
	it('quotes only fields that need it and round-trips through the reader', async () => {
		const { toCsv } = await import('../../../src/lib/ml/csv-read');
		const text = toCsv([
			['id', 'note', 'target'],
			['a,1', 'said "hi"\nthen left', 0],
			[' padded', null, 1]
		]);
		expect(text).toBe('id,note,target\n"a,1","said ""hi""\nthen left",0\n" padded",,1');
		const t = await readCsvTable(text, [
			{ name: 'id', kind: 'categorical', role: 'feature' },
			{ name: 'note', kind: 'categorical', role: 'feature' },
			{ name: 'target', kind: 'numeric', role: 'target' }
		]);
		expect(t.columns[0]!.values).toEqual(['a,1', 'padded']);
		expect(t.columns[1]!.values).toEqual(['said "hi"\nthen left', null]);
	});
});
