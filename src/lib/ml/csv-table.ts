// Builds a LabelledTable from CSV rows, chunk by chunk, checking every value against the
// confirmed schema and recording each problem with its row and column.
import { CsvSchemaError, isCommaDecimal, isMissing, isThousandsSeparated, parseLabel, parseNumber } from './csv-schema';
import type { Column, ColumnSchema, LabelledTable } from './table';

export interface RowProblem {
	row: number;
	column: string;
	message: string;
}

const MAX_PROBLEMS_KEPT = 50;
const show = (raw: string) => JSON.stringify(raw.length > 30 ? `${raw.slice(0, 30)}…` : raw);

export class TableBuilder {
	readonly problems: RowProblem[] = [];
	problemCount = 0;
	rows = 0;
	#numeric: Float64Array[];
	#categorical: (string | null)[][];
	#target: Uint8Array;
	#kept: { schema: ColumnSchema; index: number; slot: number }[];
	#targetIndex: number;

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
		this.#numeric = Array.from({ length: numericSlots }, () => new Float64Array(capacity));
		this.#categorical = Array.from({ length: categoricalSlots }, () => []);
		this.#target = new Uint8Array(capacity);
	}

	#problem(row: number, column: string, message: string) {
		this.problemCount++;
		if (this.problems.length < MAX_PROBLEMS_KEPT) this.problems.push({ row, column, message });
	}

	#grow() {
		const size = this.#target.length * 2;
		this.#numeric = this.#numeric.map((a) => {
			const b = new Float64Array(size);
			b.set(a);
			return b;
		});
		const t = new Uint8Array(size);
		t.set(this.#target);
		this.#target = t;
	}

	/** @param firstRow the file row number of rows[0] (the header is row 1) */
	addRows(rows: string[][], firstRow: number): void {
		rows.forEach((fields, k) => {
			const rowNumber = firstRow + k;
			if (fields.length !== this.header.length) {
				this.#problem(rowNumber, '', `Row ${rowNumber} has ${fields.length} fields; the header has ${this.header.length}.`);
				return;
			}
			const targetRaw = fields[this.#targetIndex]!;
			const label = parseLabel(targetRaw);
			const targetName = this.header[this.#targetIndex]!;
			let ok = true;
			if (label === null) {
				ok = false;
				this.#problem(
					rowNumber,
					targetName,
					isMissing(targetRaw)
						? `Row ${rowNumber}: the target "${targetName}" is empty.`
						: `Row ${rowNumber}: the target "${targetName}" is ${show(targetRaw)}; it must be 0 or 1.`
				);
			}
			const numbers: number[] = [];
			for (const c of this.#kept) {
				if (c.schema.kind !== 'numeric') continue;
				const raw = fields[c.index]!;
				if (isMissing(raw)) {
					numbers.push(NaN);
					continue;
				}
				const n = parseNumber(raw);
				if (n === null) {
					ok = false;
					const hint = isCommaDecimal(raw) || isThousandsSeparated(raw) ? ' Write numbers with a dot for decimals and no thousands separator (0.5, 1234).' : '';
					this.#problem(rowNumber, c.schema.name, `Row ${rowNumber}, column "${c.schema.name}": ${show(raw)} is not a number.${hint}`);
				}
				numbers.push(n ?? NaN);
			}
			if (!ok) return;
			if (this.rows === this.#target.length) this.#grow();
			const i = this.rows++;
			this.#target[i] = label!;
			let n = 0;
			for (const c of this.#kept) {
				if (c.schema.kind === 'numeric') this.#numeric[c.slot]![i] = numbers[n++]!;
				else {
					const raw = fields[c.index]!;
					this.#categorical[c.slot]!.push(isMissing(raw) ? null : raw.trim());
				}
			}
		});
	}

	/** The finished table; throws a CsvSchemaError if the file as a whole cannot be used for training. */
	finish(): LabelledTable {
		if (this.problemCount > 0) {
			const first = this.problems[0]!;
			const more = this.problemCount > 1 ? ` (and ${this.problemCount - 1} more problem${this.problemCount === 2 ? '' : 's'})` : '';
			throw new CsvSchemaError(`${first.message}${more}`, first.row, first.column);
		}
		if (this.rows === 0) throw new CsvSchemaError('The file has a header but no data rows.', 2);
		const target = this.#target.slice(0, this.rows);
		const positives = target.reduce((s, v) => s + v, 0);
		const targetName = this.header[this.#targetIndex]!;
		if (positives === 0 || positives === this.rows) {
			throw new CsvSchemaError(`The target "${targetName}" has only one class (every row is ${positives ? 1 : 0}); a classifier needs both 0 and 1.`, undefined, targetName);
		}
		const columns: Column[] = this.#kept.map((c) =>
			c.schema.kind === 'numeric'
				? { name: c.schema.name, kind: 'numeric', values: this.#numeric[c.slot]!.slice(0, this.rows) }
				: { name: c.schema.name, kind: 'categorical', values: this.#categorical[c.slot]! }
		);
		return { rows: this.rows, columns, target: { name: targetName, values: target } };
	}
}
