// Preprocessing fitted on the training split only and stored in the model artifact:
// median imputation and standard scaling for numeric columns, one-hot encoding for categoricals.
import type { LabelledTable } from './table';

export interface NumericStep {
	name: string;
	median: number;
	mean: number;
	scale: number;
}

export interface CategoricalStep {
	name: string;
	categories: string[];
}

export interface Preprocessor {
	numeric: NumericStep[];
	categorical: CategoricalStep[];
}

export interface FeatureSpec {
	numeric: string[];
	categorical: string[];
}

/** k-th smallest value, reordering `a` in place (Hoare's quickselect): O(n) against sorting's O(n log n). */
function selectInPlace(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (hi > lo) {
		const pivot = a[(lo + hi) >> 1]!;
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i]! < pivot) i++;
			while (a[j]! > pivot) j--;
			if (i <= j) {
				const t = a[i]!;
				a[i++] = a[j]!;
				a[j--] = t;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else break;
	}
	return a[k]!;
}

/**
 * Median as numpy (and so scikit-learn's SimpleImputer) defines it: the mean of the two middle
 * values for an even count. Written here because the quickselect packages return the lower middle.
 */
export function median(values: Float64Array): number {
	const n = values.length;
	if (n === 0) return 0;
	const upper = selectInPlace(values, n >> 1);
	if (n % 2) return upper;
	// After selection every value left of n/2 is ≤ upper: the lower middle is their maximum.
	let lower = -Infinity;
	for (let i = 0; i < n >> 1; i++) if (values[i]! > lower) lower = values[i]!;
	return (lower + upper) / 2;
}

export function fitPreprocessor(table: LabelledTable, rows: ArrayLike<number>, spec: FeatureSpec): Preprocessor {
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	// One buffer for every column's present values (a fresh one per column was most of this step's
	// time on a million rows: new memory is slow to get); the median's quickselect reorders it in place.
	const present = new Float64Array(rows.length);
	const numeric = spec.numeric.map((name): NumericStep => {
		const col = byName.get(name);
		if (!col || col.kind !== 'numeric') throw new RangeError(`"${name}" is not a numeric column`);
		const values = col.values;
		let count = 0;
		for (let k = 0; k < rows.length; k++) {
			const v = values[rows[k]!]!;
			if (v === v) present[count++] = v; // not NaN
		}
		const med = median(present.subarray(0, count));
		// Mean and spread after imputation, as a scikit-learn SimpleImputer → StandardScaler pipeline sees
		// them, summed in row order (the median's selection reordered the buffer, not the column).
		let sum = 0;
		for (let k = 0; k < rows.length; k++) {
			const v = values[rows[k]!]!;
			sum += v === v ? v : med;
		}
		const mean = sum / rows.length;
		let sq = 0;
		for (let k = 0; k < rows.length; k++) {
			const v = values[rows[k]!]!;
			sq += ((v === v ? v : med) - mean) ** 2;
		}
		return { name, median: med, mean, scale: Math.sqrt(sq / rows.length) || 1 };
	});
	const categorical = spec.categorical.map((name): CategoricalStep => {
		const col = byName.get(name);
		if (!col || col.kind !== 'categorical') throw new RangeError(`"${name}" is not a categorical column`);
		const seen = new Set<string>();
		for (let k = 0; k < rows.length; k++) {
			const v = col.values[rows[k]!];
			if (v !== null && v !== undefined) seen.add(v);
		}
		return { name, categories: [...seen].sort() };
	});
	return { numeric, categorical };
}

/** Names of the model's inputs after encoding, e.g. `credit_utilization`, `region=south`. */
export function encodedFeatureNames(p: Preprocessor): string[] {
	return [...p.numeric.map((s) => s.name), ...p.categorical.flatMap((s) => s.categories.map((c) => `${s.name}=${c}`))];
}

export function encodedWidth(p: Preprocessor): number {
	return p.numeric.length + p.categorical.reduce((s, c) => s + c.categories.length, 0);
}

/** Encodes the selected rows into a row-major matrix; categories not seen in training are counted. */
export function transformTable(p: Preprocessor, table: LabelledTable, rows: ArrayLike<number>): { x: Float64Array; unseen: Record<string, number> } {
	const d = encodedWidth(p);
	const n = rows.length;
	const x = new Float64Array(n * d);
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	const unseen: Record<string, number> = Object.create(null); // keyed by feature names, which are user data
	const numeric = p.numeric.map((s) => byName.get(s.name)!.values as Float64Array);
	const median = p.numeric.map((s) => s.median);
	const mean = p.numeric.map((s) => s.mean);
	const scale = p.numeric.map((s) => s.scale);
	let offset = p.numeric.length;
	const categorical = p.categorical.map((s) => {
		const column = { name: s.name, values: byName.get(s.name)!.values as (string | null)[], index: new Map(s.categories.map((c, i) => [c, offset + i])), unseen: 0 };
		offset += s.categories.length;
		return column;
	});
	// Row by row, because x is row-major: filling it one column at a time touches a new cache line for
	// every value, which measured several times slower on a million rows.
	for (let k = 0; k < n; k++) {
		const r = rows[k]!;
		const base = k * d;
		for (let j = 0; j < numeric.length; j++) {
			const v = numeric[j]![r]!;
			x[base + j] = ((v === v ? v : median[j]!) - mean[j]!) / scale[j]!;
		}
		for (const c of categorical) {
			const v = c.values[r];
			if (v === null || v === undefined) continue;
			const i = c.index.get(v);
			if (i === undefined) c.unseen++;
			else x[base + i] = 1;
		}
	}
	for (const c of categorical) if (c.unseen) unseen[c.name] = c.unseen;
	return { x, unseen };
}
