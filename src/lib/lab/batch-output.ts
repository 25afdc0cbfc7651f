// The rows a batch job writes, gathered as bytes in one large buffer and handed to the writer in
// blocks of about a megabyte: no string per row, and a row whose fields need no change is copied
// from the input's bytes as it is. A block's buffer is used again once the writer is done with it,
// so a long job does not leave megabytes of dead buffers for the garbage collector.
import type { CsvRows } from '../ml/csv-rows';

const BLOCK = 1 << 20;

const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);
/** First bytes that make a spreadsheet read a cell as a formula: = + - @ tab CR. */
const isFormulaStart = (b: number) => b === 61 || b === 43 || b === 45 || b === 64 || b === 9 || b === 13;

export class OutputBlocks {
	#buffer: Uint8Array = new Uint8Array(BLOCK + 4096);
	#length = 0;
	readonly #free: Uint8Array[] = [];
	readonly #encoder = new TextEncoder();

	/** @param write hands a block to the writer; the block's buffer is reused when it settles. */
	constructor(private readonly write: (block: Uint8Array) => Promise<void>) {}

	#room(bytes: number) {
		if (this.#length + bytes <= this.#buffer.length) return;
		const grown = new Uint8Array(Math.max(this.#buffer.length * 2, this.#length + bytes));
		grown.set(this.#buffer.subarray(0, this.#length));
		this.#buffer = grown;
	}

	/** Appends one byte. */
	byte(b: number) {
		this.#room(1);
		this.#buffer[this.#length++] = b;
	}

	/**
	 * Appends p (in [0, 1]) as p.toFixed(6) writes it, without making a string: the digits of
	 * round(p·10⁶). Near a half, where the product may round otherwise than toFixed's exact decimal, toFixed decides.
	 */
	fixed6(p: number) {
		const x = p * 1e6;
		const m = Math.round(x);
		if (Math.abs(x - Math.floor(x) - 0.5) < 1e-6 || !(m >= 0 && m <= 1e6)) return this.text(p.toFixed(6));
		this.#room(8);
		const b = this.#buffer;
		let n = this.#length;
		b[n++] = m === 1e6 ? 49 : 48;
		b[n++] = 46;
		let frac = m === 1e6 ? 0 : m;
		for (let k = 5; k >= 0; k--) {
			b[n + k] = 48 + (frac % 10);
			frac = Math.floor(frac / 10);
		}
		this.#length = n + 6;
	}

	/** Appends text (ASCII in the common case, encoded as UTF-8 otherwise). */
	text(s: string) {
		this.#room(s.length * 3);
		const b = this.#buffer;
		let n = this.#length;
		for (let i = 0; i < s.length; i++) {
			const c = s.charCodeAt(i);
			if (c >= 128) {
				n += this.#encoder.encodeInto(s.slice(i), b.subarray(n)).written;
				break;
			}
			b[n++] = c;
		}
		this.#length = n;
	}

	/**
	 * Appends row r of the input as it is and returns true when that is what the row's fields would
	 * be written as: comma-delimited, no quoting needed, no field read as a formula (a number such as
	 * -0.5 is fine). Otherwise appends nothing and returns false.
	 */
	verbatim(rows: CsvRows, r: number): boolean {
		if (!rows.plain(r)) return false;
		const bytes = rows.tokens.bytes;
		const width = rows.width(r);
		for (let c = 0; c < width; c++) {
			const start = rows.start(r, c);
			const end = rows.end(r, c);
			if (start === end) continue;
			const first = bytes[start]!;
			if (isSpace(first) || isSpace(bytes[end - 1]!)) return false;
			if (isFormulaStart(first) && (first === 61 || first === 64 || rows.number(r, c) === null || end - start === 1)) return false;
		}
		const start = rows.start(r, 0);
		const end = rows.end(r, width - 1);
		this.#room(end - start);
		this.#buffer.set(bytes.subarray(start, end), this.#length);
		this.#length += end - start;
		return true;
	}

	/** Hands a full block to the writer. */
	maybeFlush() {
		if (this.#length >= BLOCK) this.end();
	}

	/** Hands whatever is gathered to the writer. */
	end() {
		if (this.#length === 0) return;
		const full = this.#buffer;
		const release = () => void this.#free.push(full);
		// A failed write is reported by the caller's own promise; here it only frees the buffer.
		void this.write(full.subarray(0, this.#length)).then(release, release);
		this.#buffer = this.#free.pop() ?? new Uint8Array(BLOCK + 4096);
		this.#length = 0;
	}
}
