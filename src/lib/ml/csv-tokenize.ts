// The lab's one CSV tokenizer: it works on the file's bytes, not on decoded text. Each call marks
// where every field of every complete row starts and ends (offsets into the bytes), so a reader
// turns a numeric field into a number, or a category into its dictionary entry, without making a
// string per field (`csv-rows.ts`). Written here rather than taken from a library because the
// libraries measured (papaparse, uDSV: `npm run bench -- --only csv`) hand back strings per field,
// and building those strings was most of the time spent reading a 1M-row file.
//
// RFC 4180 with what spreadsheets save: `"` quotes a field ("" is one quote inside it), rows end
// with \n, \r\n or \r, the delimiter is guessed from the first lines (comma, tab, semicolon or bar),
// rows made only of delimiters and spaces are skipped, text after a closing quote is kept.

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const CANDIDATES = [44, TAB, 59, 124];

/** Field counts of the first lines of `bytes` if split on `delimiter` (quotes respected). */
function fieldCounts(bytes: Uint8Array, delimiter: number, lines: number): number[] {
	const counts: number[] = [];
	let fields = 1;
	let quoted = false;
	let content = false;
	for (let i = 0; i < bytes.length && counts.length < lines; i++) {
		const c = bytes[i]!;
		if (c === QUOTE) quoted = !quoted;
		else if (quoted) continue;
		else if (c === delimiter) fields++;
		else if (c === LF || c === CR) {
			if (content || fields > 1) counts.push(fields);
			fields = 1;
			content = false;
			continue;
		}
		content = true;
	}
	return counts;
}

/** The delimiter whose field count is above one and the same on the first lines (comma when none is). */
export function guessDelimiter(head: Uint8Array): number {
	let best = 44;
	let bestScore = 0;
	for (const d of CANDIDATES) {
		const counts = fieldCounts(head, d, 10);
		if (!counts.length || counts[0]! < 2) continue;
		// Consistent counts beat inconsistent ones; among those, more fields wins.
		const score = (counts.every((n) => n === counts[0]) ? 1e6 : 0) + counts[0]!;
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/** Row flags: the row has a quote character, or a byte outside ASCII. */
export const ROW_QUOTED = 1;
export const ROW_NON_ASCII = 2;

/** Fields of the complete rows of one buffer. Arrays are reused from one call to the next. */
export class CsvTokens {
	bytes: Uint8Array = new Uint8Array(0);
	/** Rows found by the last call. */
	count = 0;
	/** Per field: first byte, and one past the last (quotes included for a quoted field). */
	starts = new Int32Array(1 << 16);
	ends = new Int32Array(1 << 16);
	/** Per field: 1 when it starts with a quote (its text needs unquoting). */
	quoted = new Uint8Array(1 << 16);
	/** Per row: index of its first field; rowField[count] is the number of fields. */
	rowField = new Int32Array(1 << 12);
	rowFlags = new Uint8Array(1 << 12);
	/** A quoted field still open at the end of the file: its row index among this call's rows, else -1. */
	unclosedRow = -1;
	/** OR of every byte read: bit 7 set means the bytes must be checked as UTF-8. */
	seen = 0;

	#growFields() {
		const n = this.starts.length * 2;
		const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
		this.starts = grow(this.starts, new Int32Array(n));
		this.ends = grow(this.ends, new Int32Array(n));
		this.quoted = grow(this.quoted, new Uint8Array(n));
	}

	#growRows() {
		const n = this.rowField.length * 2;
		const f = new Int32Array(n);
		f.set(this.rowField);
		this.rowField = f;
		const g = new Uint8Array(n);
		g.set(this.rowFlags);
		this.rowFlags = g;
	}

	#blank(first: number, last: number): boolean {
		for (let f = first; f < last; f++) {
			const bytes = this.bytes;
			for (let i = this.starts[f]!; i < this.ends[f]!; i++) {
				const c = bytes[i]!;
				if (c !== SPACE && c !== TAB && c !== QUOTE) return false;
			}
		}
		return true;
	}

	/**
	 * Marks the complete rows of bytes[0, length). Returns where the incomplete last row starts
	 * (length when none); when `final`, the end of the bytes ends the last row.
	 */
	tokenize(bytes: Uint8Array, length: number, delimiter: number, final: boolean): number {
		this.bytes = bytes;
		this.count = 0;
		this.unclosedRow = -1;
		let nf = 0;
		let done = 0; // fields of the complete rows
		let seen = 0;
		let pos = 0;
		rows: while (pos < length) {
			const firstField = nf;
			let flags = 0;
			let i = pos;
			for (;;) {
				if (nf === this.starts.length) this.#growFields();
				const start = i;
				let quoted = 0;
				if (i < length && bytes[i] === QUOTE) {
					quoted = 1;
					flags |= ROW_QUOTED;
					i++;
					let closed = false;
					while (i < length) {
						const c = bytes[i]!;
						seen |= c;
						if (c === QUOTE) {
							if (i + 1 < length && bytes[i + 1] === QUOTE) i += 2;
							else if (i + 1 === length && !final) break;
							else {
								i++;
								closed = true;
								break;
							}
						} else i++;
					}
					if (!closed) {
						if (!final) break rows;
						this.unclosedRow = this.count;
						i = length;
					}
				}
				// An unquoted field, or what follows a closing quote, runs to the delimiter or the line's end.
				for (; i < length; i++) {
					const c = bytes[i]!;
					if (c === delimiter || c === LF || c === CR) break;
					seen |= c;
					if (c === QUOTE) flags |= ROW_QUOTED;
				}
				this.starts[nf] = start;
				this.ends[nf] = i;
				this.quoted[nf++] = quoted;
				if (i >= length) {
					if (!final) break rows;
					pos = length;
					break;
				}
				const c = bytes[i]!;
				if (c === delimiter) {
					i++;
					continue;
				}
				if (c === CR) {
					if (i + 1 < length) i += bytes[i + 1] === LF ? 2 : 1;
					else if (final) i++;
					else break rows;
				} else i++;
				pos = i;
				break;
			}
			if (this.#blank(firstField, nf) && this.unclosedRow !== this.count) {
				nf = firstField;
				continue;
			}
			if (this.count + 1 >= this.rowField.length) this.#growRows();
			this.rowField[this.count] = firstField;
			this.rowFlags[this.count++] = flags | (seen & 0x80 ? ROW_NON_ASCII : 0);
			done = nf;
			this.seen |= seen;
			seen = 0;
			if (this.unclosedRow >= 0) break;
		}
		this.rowField[this.count] = done;
		return final ? length : pos;
	}
}
