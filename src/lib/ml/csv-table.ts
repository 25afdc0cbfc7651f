// Builds a LabelledTable from CSV rows, chunk by chunk, checking every value against the
// confirmed schema and recording each problem with its row and column. Numbers go straight from the
// file's bytes into Float64Arrays; categories are dictionary-encoded as they are read.
import { FieldCodes, type CsvRows } from './csv-rows';
import { CsvSchemaError, isCommaDecimal, isMissing, isThousandsSeparated, parseLabel } from './csv-schema';
import type { Column, ColumnSchema, LabelledTable } from './table';

export interface RowProblem {
	row: number;
	column: string;
	message: string;
}

const MAX_PROBLEMS_KEPT = 50;
/** A 0/1 label, read from the byte when it is a lone 0 or 1 (the usual case). */
function labelAt(rows: CsvRows, r: number, c: number): 0 | 1 | null {
	const start = rows.start(r, c);
	if (rows.end(r, c) === start + 1) {
		const b = rows.tokens.bytes[start];
		if (b === 48) return 0;
		if (b === 49) return 1;
	}
	return parseLabel(rows.text(r, c));
}

const show = (raw: string) => JSON.stringify(raw.length > 30 ? `${raw.slice(0, 30)}…` : raw);

export class TableBuilder {
	readonly problems: RowProblem[] = [];
	problemCount = 0;
	rows = 0;
	#numeric: Float64Array[];
	/** Categories dictionary-encoded while reading: per row an index into #names (-1 when missing). */
	#codes: Int32Array[];
	#names: string[][];
	#lookup: Map<string, number>[];
	#fieldCodes: FieldCodes[];
	#which = new Int32Array(0);
	#bad = new Uint8Array(0);
	#target: Uint8Array;
	#kept: { schema: ColumnSchema; index: number; slot: number }[];
	#numericKept: { schema: ColumnSchema; index: number; slot: number }[];
	#categoricalKept: { schema: ColumnSchema; index: number; slot: number }[];
	#targetIndex: number;
	#scratch: Float64Array;

	constructor(
		readonly header: string[],
		readonly schema: ColumnSchema[],
		capacity = 1024
	) {
		const targets = schema.filter((c) => c.role === 'target');
		if (targets.length !== 1) throw new CsvSchemaError(targets.length ? 'Choose only one target column.' : 'Choose a target column.');
		this.#targetIndex = header.indexOf(targets[0]!.name);
		let numericSlots = 0;
		let categoricalSlots = 0;
		this.#kept = schema
			.map((c) => ({ schema: c, index: header.indexOf(c.name) }))
			.filter((c) => c.schema.role === 'feature' || c.schema.role === 'sensitive')
			.map((c) => ({ ...c, slot: c.schema.kind === 'numeric' ? numericSlots++ : categoricalSlots++ }));
		this.#numericKept = this.#kept.filter((c) => c.schema.kind === 'numeric');
		this.#categoricalKept = this.#kept.filter((c) => c.schema.kind !== 'numeric');
		this.#numeric = Array.from({ length: numericSlots }, () => new Float64Array(capacity));
		this.#codes = Array.from({ length: categoricalSlots }, () => new Int32Array(capacity));
		this.#names = Array.from({ length: categoricalSlots }, () => []);
		this.#lookup = Array.from({ length: categoricalSlots }, () => new Map());
		this.#fieldCodes = Array.from({ length: categoricalSlots }, (_, slot) => new FieldCodes((text) => this.#code(slot, text)));
		this.#target = new Uint8Array(capacity);
		this.#scratch = new Float64Array(numericSlots);
	}

	#problem(row: number, column: string, message: string) {
		this.problemCount++;
		if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push({ row, column, message });
	}

	/** Makes room for `rows` rows in all, so reading them needs no growing. */
	reserve(rows: number): void {
		if (rows > this.#target.length) this.#grow(rows);
	}

	#grow(size = this.#target.length * 2) {
		const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
		this.#numeric = this.#numeric.map((a) => grow(a, new Float64Array(size)));
		this.#codes = this.#codes.map((a) => grow(a, new Int32Array(size)));
		this.#target = grow(this.#target, new Uint8Array(size));
	}

	/** The dictionary index of a category (its trimmed text), -1 when it is missing. */
	#code(slot: number, text: string): number {
		if (isMissing(text)) return -1;
		const name = text.trim();
		let code = this.#lookup[slot]!.get(name);
		if (code === undefined) {
			code = this.#names[slot]!.push(name) - 1;
			this.#lookup[slot]!.set(name, code);
		}
		return code;
	}

	/** @param firstRow the file row number of the chunk's first row (the header is row 1) */
	addRows(rows: CsvRows, firstRow: number): void {
		if (!this.#addColumns(rows)) this.#addRowByRow(rows, firstRow);
	}

	/**
	 * The usual case, a column at a time: every row has the header's width and every value reads.
	 * False (nothing kept) when some row has a problem: the chunk is then read row by row, to name it.
	 */
	#addColumns(rows: CsvRows): boolean {
		const n = rows.count;
		if (this.problemCount > 0) return false;
		for (let r = 0; r < n; r++) if (rows.width(r) !== this.header.length) return false;
		while (this.rows + n > this.#target.length) this.#grow();
		if (this.#which.length < n) {
			this.#which = Int32Array.from({ length: n }, (_, r) => r);
			this.#bad = new Uint8Array(n);
		}
		const which = this.#which.subarray(0, n);
		const at = this.rows;
		const target = this.#target;
		for (let r = 0; r < n; r++) {
			const label = labelAt(rows, r, this.#targetIndex);
			if (label === null) return false;
			target[at + r] = label;
		}
		for (const c of this.#numericKept) {
			if (rows.numbers(c.index, which, this.#numeric[c.slot]!.subarray(at, at + n), this.#bad) > 0) {
				this.#bad.fill(0);
				return false;
			}
		}
		for (const c of this.#categoricalKept) rows.codes(c.index, which, this.#codes[c.slot]!.subarray(at, at + n), this.#fieldCodes[c.slot]!);
		this.rows += n;
		return true;
	}

	#addRowByRow(rows: CsvRows, firstRow: number): void {
		const width = this.header.length;
		const targetName = this.header[this.#targetIndex]!;
		for (let r = 0; r < rows.count; r++) {
			const rowNumber = firstRow + r;
			const fields = rows.width(r);
			if (fields !== width) {
				this.#problem(rowNumber, '', `Row ${rowNumber} has ${fields} fields; the header has ${width}.`);
				continue;
			}
			const label = labelAt(rows, r, this.#targetIndex);
			let ok = true;
			if (label === null) {
				ok = false;
				const targetRaw = rows.text(r, this.#targetIndex);
				this.#problem(
					rowNumber,
					targetName,
					isMissing(targetRaw)
						? `Row ${rowNumber}: the target "${targetName}" is empty.`
						: `Row ${rowNumber}: the target "${targetName}" is ${show(targetRaw)}; it must be 0 or 1.`
				);
			}
			for (const c of this.#numericKept) {
				const n = rows.number(r, c.index);
				if (n === null) {
					ok = false;
					const raw = rows.text(r, c.index);
					const hint = isCommaDecimal(raw) || isThousandsSeparated(raw) ? ' Write numbers with a dot for decimals and no thousands separator (0.5, 1234).' : '';
					this.#problem(rowNumber, c.schema.name, `Row ${rowNumber}, column "${c.schema.name}": ${show(raw)} is not a number.${hint}`);
				}
				this.#scratch[c.slot] = n ?? NaN;
			}
			if (!ok) continue;
			if (this.rows === this.#target.length) this.#grow();
			const i = this.rows++;
			this.#target[i] = label!;
			for (const c of this.#numericKept) this.#numeric[c.slot]![i] = this.#scratch[c.slot]!;
			for (const c of this.#categoricalKept) this.#codes[c.slot]![i] = this.#fieldCodes[c.slot]!.of(rows, r, c.index);
		}
	}

	/** The first `rows` values: a view when the array is mostly full, else a copy (no large slack kept). */
	#fit<T extends Float64Array | Uint8Array>(a: T): T {
		return (this.rows >= a.length * 0.75 ? a.subarray(0, this.rows) : a.slice(0, this.rows)) as T;
	}

	/** A categorical column's values from its codes (one shared string per category). */
	#decode(slot: number): (string | null)[] {
		const codes = this.#codes[slot]!;
		const names = this.#names[slot]!;
		const values: (string | null)[] = new Array(this.rows);
		for (let i = 0; i < this.rows; i++) {
			const k = codes[i]!;
			values[i] = k < 0 ? null : names[k]!;
		}
		return values;
	}

	/** The finished table; throws a CsvSchemaError if the file as a whole cannot be used for training. */
	finish(): LabelledTable {
		if (this.problemCount > 0) {
			const first = this.problems[0]!;
			const more = this.problemCount > 1 ? ` (and ${this.problemCount - 1} more problem${this.problemCount === 2 ? '' : 's'})` : '';
			throw new CsvSchemaError(`${first.message}${more}`, first.row, first.column);
		}
		if (this.rows === 0) throw new CsvSchemaError('The file has a header but no data rows.', 2);
		const target = this.#fit(this.#target);
		let positives = 0;
		for (let i = 0; i < this.rows; i++) positives += target[i]!;
		const targetName = this.header[this.#targetIndex]!;
		if (positives === 0 || positives === this.rows) {
			throw new CsvSchemaError(`The target "${targetName}" has only one class (every row is ${positives ? 1 : 0}); a classifier needs both 0 and 1.`, undefined, targetName);
		}
		const columns: Column[] = this.#kept.map((c) =>
			c.schema.kind === 'numeric'
				? { name: c.schema.name, kind: 'numeric', values: this.#fit(this.#numeric[c.slot]!) }
				: { name: c.schema.name, kind: 'categorical', values: this.#decode(c.slot) }
		);
		return { rows: this.rows, columns, target: { name: targetName, values: target } };
	}
}
