// A chunk of CSV rows as the tokenizer marked them (`csv-tokenize.ts`): fields are read on demand,
// numbers straight from the bytes, so reading a numeric column makes no strings. A CsvRows is valid
// only during the handler call that receives it: its arrays are reused for the next chunk.
import { isMissing, parseNumber } from './csv-schema';
import { ROW_NON_ASCII, ROW_QUOTED, type CsvTokens } from './csv-tokenize';

const utf8 = new TextDecoder();
/** 10^k for k = 0..22: each is exact in a double, so mantissa / 10^k is rounded once, as Number() rounds. */
const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT = 2 ** 53;

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
		const bytes = t.bytes;
		let i = t.starts[f]!;
		const end = t.ends[f]!;
		if (i === end) return NaN;
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
			else break;
		}
		if (i === end && digits > 0 && digits <= 15 && mantissa < MAX_EXACT && decimals < POWERS.length) {
			const v = decimals > 0 ? mantissa / POWERS[decimals]! : mantissa;
			return negative ? -v : v;
		}
		const text = this.text(r, c);
		return isMissing(text) ? NaN : parseNumber(text);
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
 * Field texts by their bytes: the same bytes give the same string, made once. For categories, which
 * repeat on every row (a column with many distinct values is looked up but not cached).
 */
export class FieldTexts {
	#keys: Uint8Array[] = [];
	#texts: string[] = [];

	text(rows: CsvRows, r: number, c: number): string {
		const bytes = rows.tokens.bytes;
		const start = rows.start(r, c);
		const length = rows.end(r, c) - start;
		const keys = this.#keys;
		for (let k = 0; k < keys.length; k++) {
			const key = keys[k]!;
			if (key.length !== length) continue;
			let j = 0;
			while (j < length && key[j] === bytes[start + j]) j++;
			if (j === length) return this.#texts[k]!;
		}
		const text = rows.text(r, c);
		if (keys.length < MAX_CACHED) {
			keys.push(bytes.slice(start, start + length));
			this.#texts.push(text);
		}
		return text;
	}
}
