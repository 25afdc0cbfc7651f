// A chunk of CSV rows as the tokenizer marked them (`csv-tokenize.ts`): fields are read on demand,
// numbers straight from the bytes, so reading a numeric column makes no strings. A CsvRows is valid
// only during the handler call that receives it: its arrays are reused for the next chunk.
import { isMissing, parseNumber } from './csv-schema';
import { ROW_NON_ASCII, ROW_QUOTED, type CsvTokens } from './csv-tokenize';

const utf8 = /* @__PURE__ */ new TextDecoder();
/** 10^k for k = 0..22: each is exact in a double, so mantissa / 10^k is rounded once, as Number() rounds. */
const POWERS = /* @__PURE__ */ Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Not read by fastNumber: no plain decimal can be infinite. */
const NOT_PLAIN = Infinity;

/** A plain decimal ([+-]digits[.digits], at most 15 digits) read from bytes; NOT_PLAIN for anything else. */
function fastNumber(bytes: Uint8Array, i: number, end: number): number {
	let negative = false;
	let b = bytes[i]!;
	if (b === 45 || b === 43) {
		negative = b === 45;
		i++;
	}
	let mantissa = 0;
	let digits = 0;
	let decimals = -1;
	for (; i < end; i++) {
		b = bytes[i]!;
		if (b >= 48 && b <= 57) {
			mantissa = mantissa * 10 + (b - 48);
			digits++;
			if (decimals >= 0) decimals++;
		} else if (b === 46 && decimals < 0) decimals = 0;
		else return NOT_PLAIN;
	}
	if (digits === 0 || digits > 15) return NOT_PLAIN;
	const v = decimals > 0 ? mantissa / POWERS[decimals]! : mantissa;
	return negative ? -v : v;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
	let s = '';
	for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
	return s;
}

/** The text of a quoted field: the quotes dropped, "" read as ", any text after the closing quote kept. */
function unquote(raw: string): string {
	let out = '';
	let i = 1;
	for (;;) {
		const q = raw.indexOf('"', i);
		if (q < 0) return out + raw.slice(i);
		out += raw.slice(i, q);
		if (raw[q + 1] === '"') {
			out += '"';
			i = q + 2;
		} else return out + raw.slice(q + 1);
	}
}

export class CsvRows {
	/** Rows in this chunk (a reader may lower it to stop at a limit). */
	count: number;

	constructor(
		readonly tokens: CsvTokens,
		/** The delimiter byte (44 for a comma). */
		readonly delimiter: number
	) {
		this.count = tokens.count;
	}

	/** Fields in row r. */
	width(r: number): number {
		return this.tokens.rowField[r + 1]! - this.tokens.rowField[r]!;
	}

	/** The text of field c of row r (c < width(r)). */
	text(r: number, c: number): string {
		const t = this.tokens;
		const f = t.rowField[r]! + c;
		const start = t.starts[f]!;
		const end = t.ends[f]!;
		const raw = t.rowFlags[r]! & ROW_NON_ASCII || end - start > 64 ? utf8.decode(t.bytes.subarray(start, end)) : ascii(t.bytes, start, end);
		return t.quoted[f] ? unquote(raw) : raw;
	}

	/** Row r as strings. */
	row(r: number): string[] {
		return Array.from({ length: this.width(r) }, (_, c) => this.text(r, c));
	}

	/** Every row as strings, for callers that show or sample a few rows. */
	strings(): string[][] {
		return Array.from({ length: this.count }, (_, r) => this.row(r));
	}

	/**
	 * Field c of row r as a number: NaN when it is a missing value (empty, NA, null, …), null when it
	 * is not a number; the same answers as isMissing() and parseNumber() on its text. Plain decimals
	 * (up to 15 digits) are read from the bytes; anything else goes through the text.
	 */
	number(r: number, c: number): number | null {
		const t = this.tokens;
		const f = t.rowField[r]! + c;
		const start = t.starts[f]!;
		const end = t.ends[f]!;
		if (start === end) return NaN;
		const v = fastNumber(t.bytes, start, end);
		if (v !== NOT_PLAIN) return v;
		const text = this.text(r, c);
		return isMissing(text) ? NaN : parseNumber(text);
	}

	/**
	 * Field c of the rows `which` as number(): out[k] for row which[k], NaN when missing or not a
	 * number; bad[k] = 1 when not a number. Returns how many were not numbers.
	 */
	numbers(c: number, which: ArrayLike<number>, out: Float64Array, bad: Uint8Array): number {
		const t = this.tokens;
		const { bytes, starts, ends, rowField } = t;
		let failed = 0;
		for (let k = 0; k < which.length; k++) {
			const r = which[k]!;
			const f = rowField[r]! + c;
			const start = starts[f]!;
			const end = ends[f]!;
			let v = start === end ? NaN : fastNumber(bytes, start, end);
			if (v === NOT_PLAIN) {
				const n = this.number(r, c);
				if (n === null) {
					failed++;
					bad[k] = 1;
					v = NaN;
				} else v = n;
			}
			out[k] = v;
		}
		return failed;
	}

	/** Field c of the rows `which` as codes: out[k] = codes.of(row which[k]). */
	codes(c: number, which: ArrayLike<number>, out: Int32Array, codes: FieldCodes): void {
		for (let k = 0; k < which.length; k++) out[k] = codes.of(this, which[k]!, c);
	}

	/**
	 * Whether row r's bytes, as they are, are its fields joined by commas with none needing quotes:
	 * no quote character, ASCII only, comma-delimited. The caller checks the fields' first and last bytes.
	 */
	plain(r: number): boolean {
		return this.delimiter === 44 && (this.tokens.rowFlags[r]! & (ROW_QUOTED | ROW_NON_ASCII)) === 0;
	}

	/** Byte range of field c of row r (quotes included). */
	start(r: number, c: number): number {
		return this.tokens.starts[this.tokens.rowField[r]! + c]!;
	}
	end(r: number, c: number): number {
		return this.tokens.ends[this.tokens.rowField[r]! + c]!;
	}
}

const MAX_CACHED = 64;

/**
 * Codes of field values by their bytes: `code(text)` runs once per distinct value, and the same
 * bytes then give the same code without making a string (categories repeat on every row). Past 64
 * distinct values the others are decoded each time.
 */
export class FieldCodes {
	readonly #keys: Uint8Array[] = [];
	readonly #codes: number[] = [];
	#last = 0;

	constructor(private readonly code: (text: string) => number) {}

	of(rows: CsvRows, r: number, c: number): number {
		const bytes = rows.tokens.bytes;
		const start = rows.start(r, c);
		const length = rows.end(r, c) - start;
		const keys = this.#keys;
		for (let n = 0, k = this.#last; n < keys.length; n++, k = k + 1 === keys.length ? 0 : k + 1) {
			const key = keys[k]!;
			if (key.length !== length) continue;
			let j = 0;
			while (j < length && key[j] === bytes[start + j]) j++;
			if (j === length) {
				this.#last = k;
				return this.#codes[k]!;
			}
		}
		const code = this.code(rows.text(r, c));
		if (keys.length < MAX_CACHED) {
			keys.push(bytes.slice(start, start + length));
			this.#codes.push(code);
		}
		return code;
	}
}
