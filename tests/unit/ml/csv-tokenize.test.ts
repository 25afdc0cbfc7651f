// The byte-level CSV reader: quotes, line ends, byte-order mark, empty fields, rows split across
// chunks at any byte, numbers read from bytes exactly as from text, and files that are not UTF-8.
import { describe, expect, it } from 'vitest';
import { readCsv, readCsvTable, type CsvInput } from '../../../src/lib/ml/csv-read';
import { isMissing, parseNumber } from '../../../src/lib/ml/csv-schema';
import { csvErrorOf as errorOf } from './helpers';

/** Every row the reader hands over (header first), with the file row number of each data row. */
async function read(input: CsvInput): Promise<{ header: string[]; rows: string[][]; numbers: number[] }> {
	let header: string[] = [];
	const rows: string[][] = [];
	const numbers: number[] = [];
	await readCsv(input, {
		header: (h) => (header = h),
		rows(chunk, firstRow) {
			for (let r = 0; r < chunk.count; r++) {
				rows.push(chunk.row(r));
				numbers.push(firstRow + r);
			}
		}
	});
	return { header, rows, numbers };
}

/** The text's bytes in pieces of `size` bytes, as a stream delivers them. */
async function* pieces(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
	const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
	for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

describe('readCsv on bytes', () => {
	it('reads quoted commas, line breaks and doubled quotes, and text after a closing quote', async () => {
		const { header, rows } = await read('id,note,n\n"a,1","two\nlines",1\n"say ""hi""",x,2\n"ab"cd,,3\n');
		expect(header).toEqual(['id', 'note', 'n']);
		expect(rows).toEqual([
			['a,1', 'two\nlines', '1'],
			['say "hi"', 'x', '2'],
			['abcd', '', '3']
		]);
	});

	it('ends rows at \\n, \\r\\n and a lone \\r, drops a byte-order mark, and reads a last row without a line end', async () => {
		const { header, rows } = await read('\uFEFFa,b\r\n1,2\r3,4\n5,6');
		expect(header).toEqual(['a', 'b']);
		expect(rows).toEqual([
			['1', '2'],
			['3', '4'],
			['5', '6']
		]);
	});

	it('keeps empty fields, skips blank lines, and numbers rows as the file counts them without blank lines', async () => {
		const { rows, numbers } = await read('a,b,c\n,,\n1,,3\n\n  \n,2,\n');
		expect(rows).toEqual([
			['1', '', '3'],
			['', '2', '']
		]);
		expect(numbers).toEqual([2, 3]);
	});

	it('reads the same rows whatever the chunk size, a UTF-8 character or a "" split between chunks', async () => {
		const text = 'name,city,n\r\n"Zoë ""Z""",Köln,1\r\n"multi\nline",São Paulo,2\r\nplain,🌍,3\r\n';
		const whole = await read(text);
		for (const size of [1, 2, 3, 5, 7, 64]) expect(await read(pieces(text, size))).toEqual(whole);
		expect(whole.rows[0]).toEqual(['Zoë "Z"', 'Köln', '1']);
		expect(whole.rows[2]).toEqual(['plain', '🌍', '3']);
	});

	it('guesses semicolon, tab and bar delimiters from the first lines', async () => {
		for (const d of [';', '\t', '|']) expect((await read(`a${d}b\n1,5${d}2\n`)).rows).toEqual([['1,5', '2']]);
	});

	it('reads numbers from bytes exactly as isMissing and parseNumber read the text', async () => {
		const values = ['0', '-0', '1.', '.5', '-.5', '+3', '007', '0.1', '0.3', '123456789012345', '1234567890123456789', '9007199254740993', '1e3', '1E-7', ' 2 ', '""', 'NA', 'null', '?', '12abc', '0x1F', 'Infinity', '1e999', '-', '.', '1.2.3', '"4.5"'];
		const text = `v,k\n${values.map((v) => `${v},1`).join('\n')}\n`;
		const seen: (number | null)[] = [];
		await readCsv(text, { header: () => {}, rows: (rows) => void Array.from({ length: rows.count }, (_, r) => seen.push(rows.number(r, 0))) });
		const unquoted = values.map((v) => (v.startsWith('"') ? v.slice(1, -1) : v));
		const expected = unquoted.map((v) => (isMissing(v) ? NaN : parseNumber(v)));
		expect(seen).toEqual(expected);
		expect(Object.is(seen[1], -0)).toBe(true);
	});

	it('names the row where a quoted field is never closed', async () => {
		const e = await errorOf(read('a,b\n1,2\n3,"open\n4,5\n'));
		expect(e.message).toBe('Row 3: a quoted field is never closed (a " has no matching "), so the rest of the file would be read as one value.');
		expect(e.row).toBe(3);
	});

	it('names a ragged row and a bad number by row and column, also when they come in a later chunk', async () => {
		const schema = [
			{ name: 'x', kind: 'numeric', role: 'feature' },
			{ name: 'y', kind: 'numeric', role: 'target' }
		] as const;
		const good = Array.from({ length: 500 }, (_, i) => `${i / 10},${i % 2}`);
		const text = `x,y\n${[...good, '0.5', 'abc,1', ...good].join('\n')}\n`;
		const e = await errorOf(readCsvTable(pieces(text, 97), [...schema]));
		expect(e.message).toBe('Row 502 has 1 fields; the header has 2. (and 1 more problem)');
		expect(e.row).toBe(502);
		const table = await readCsvTable(pieces(`x,y\n${good.join('\n')}\n`, 97), [...schema]);
		expect(table.rows).toBe(500);
		expect(Array.from(table.columns[0]!.values as Float64Array).slice(0, 3)).toEqual([0, 0.1, 0.2]);
	});

	it('refuses bytes that are not UTF-8, wherever they are, saying what the file seems to be', async () => {
		const latin1 = Uint8Array.from([...new TextEncoder().encode(`a,b\n${'x,1\n'.repeat(3000)}caf`), 0xe9, 0x0a]);
		for (const size of [64, 1 << 20]) {
			const e = await errorOf(read(pieces(latin1, size)));
			expect(e.message).toBe('The file could not be read as text: it is not UTF-8 text (accented letters saved as Latin-1 or Windows-1252?). Save it as "CSV UTF-8" and choose that file.');
		}
		// From a Blob (the browser's stored files), read in chunks: the bytes at the start that say what
		// the file seems to be are kept although the first chunk's buffer is filled again.
		for (const chunkSize of [64, 4096]) {
			const e = await errorOf(readCsvTable(new Blob([latin1]), [{ name: 'b', kind: 'numeric', role: 'target' }], { chunkSize }));
			expect(e.message, `chunk ${chunkSize}`).toBe('The file could not be read as text: it is not UTF-8 text (accented letters saved as Latin-1 or Windows-1252?). Save it as "CSV UTF-8" and choose that file.');
		}
		const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(new TextEncoder().encode('a,b\n1,2\n')).flatMap((b) => [b, 0])]);
		expect((await errorOf(read(pieces(utf16, 4)))).message).toMatch(/it is UTF-16 text/);
	});
});
