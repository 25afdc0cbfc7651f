// Data drift and prediction drift, as Azure ML model monitoring measures them: a feature's
// distribution in production against its distribution in the training data, by the population
// stability index (PSI) and the Jensen–Shannon distance. Pure, so the page, the worker, the CLI
// and the tests share it.
import type { LabelledTable } from './table';

/** Bins of a numeric feature, cut at the reference's deciles. */
export const DRIFT_BINS = 10;

/**
 * Share used in place of an empty bin in PSI: ln(a/e) is infinite when either share is 0, so a
 * bin that is empty on one side counts as if it held 0.01 % of the rows (the usual choice), which
 * keeps PSI finite but still large for a bin that appears or disappears.
 */
export const PSI_EPSILON = 1e-4;

/** The usual PSI bands: below 0.1 no real change, 0.1–0.25 moderate, from 0.25 significant. */
export const PSI_MODERATE = 0.1;
export const PSI_SIGNIFICANT = 0.25;

export type DriftBand = 'none' | 'moderate' | 'significant';

export interface NumericProfile {
	kind: 'numeric';
	name: string;
	/** Inner cut points, ascending and distinct: bin i holds values in (edges[i-1], edges[i]]. */
	edges: number[];
	/** Share of present values in each of the edges.length + 1 bins, as a share of all rows. */
	proportions: number[];
	/** Share of rows with the value missing. */
	missing: number;
}

export interface CategoricalProfile {
	kind: 'categorical';
	name: string;
	categories: string[];
	/** Share of all rows per category. */
	proportions: number[];
	missing: number;
}

export type FeatureProfile = NumericProfile | CategoricalProfile;

/** The training data's distributions: the reference that data drift is measured against. */
export interface TrainingProfile {
	rows: number;
	features: FeatureProfile[];
}

export interface Drift {
	psi: number;
	/** Jensen–Shannon distance, base 2, so 0 (identical) to 1 (no overlap). */
	js: number;
	band: DriftBand;
}

/**
 * The smallest value with at least fraction q of the values at or below it (numpy's
 * "inverted_cdf"). Cut points are then real data values, so no bin of the reference is empty.
 */
function quantile(sorted: Float64Array, q: number): number {
	return sorted[Math.max(0, Math.ceil(q * sorted.length - 1e-9) - 1)]!;
}

/**
 * Cut points at the deciles of the present (non-NaN) values. Repeated cut points are merged, so a
 * feature with few distinct values (a count such as days past due) gets fewer, non-empty bins.
 */
export function quantileEdges(values: ArrayLike<number>, bins = DRIFT_BINS): number[] {
	const present = Float64Array.from(Array.prototype.filter.call(values, (v: number) => !Number.isNaN(v)) as number[]).sort();
	if (present.length === 0) return [];
	const edges: number[] = [];
	for (let k = 1; k < bins; k++) {
		const e = quantile(present, k / bins);
		if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e);
	}
	// A cut at the maximum would leave the last bin empty by construction.
	while (edges.length && edges[edges.length - 1]! >= present[present.length - 1]!) edges.pop();
	return edges;
}

/** Index of the bin holding v: the first edge v does not exceed, else the last bin. */
export function binIndex(v: number, edges: readonly number[]): number {
	let lo = 0;
	let hi = edges.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (v <= edges[mid]!) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** Shares of each count in their total (all zeros when the total is 0). */
export function shares(counts: readonly number[]): number[] {
	const total = counts.reduce((s, c) => s + c, 0);
	return counts.map((c) => (total ? c / total : 0));
}

/** The profile's distribution as one vector: numeric bins then missing; categories, then unseen, then missing. */
export function referenceShares(profile: FeatureProfile): number[] {
	return profile.kind === 'numeric' ? [...profile.proportions, profile.missing] : [...profile.proportions, 0, profile.missing];
}

/** Counts in the same layout as referenceShares. */
export function emptyCounts(profile: FeatureProfile): number[] {
	return new Array(profile.kind === 'numeric' ? profile.edges.length + 2 : profile.categories.length + 2).fill(0);
}

/** Adds one value (a number, NaN for missing; or a category, null for missing) to counts laid out as referenceShares. */
export function countValue(profile: FeatureProfile, counts: number[], value: number | string | null): void {
	if (profile.kind === 'numeric') {
		const v = typeof value === 'number' ? value : NaN;
		counts[Number.isNaN(v) ? profile.edges.length + 1 : binIndex(v, profile.edges)]!++;
		return;
	}
	if (value === null || value === '') {
		counts[profile.categories.length + 1]!++;
		return;
	}
	const i = profile.categories.indexOf(String(value));
	counts[i < 0 ? profile.categories.length : i]!++;
}

/** Population stability index: Σ (a − e) · ln(a / e) over bins, with empty shares raised to PSI_EPSILON. */
export function psi(expected: readonly number[], actual: readonly number[], epsilon = PSI_EPSILON): number {
	if (expected.length !== actual.length) throw new RangeError(`PSI needs the same bins on both sides (${expected.length} and ${actual.length}).`);
	let sum = 0;
	for (let i = 0; i < expected.length; i++) {
		const e = Math.max(expected[i]!, epsilon);
		const a = Math.max(actual[i]!, epsilon);
		sum += (a - e) * Math.log(a / e);
	}
	return sum;
}

/** Jensen–Shannon distance (the square root of the divergence), base 2 so it lies in 0..1. */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
	if (p.length !== q.length) throw new RangeError(`Jensen–Shannon needs the same bins on both sides (${p.length} and ${q.length}).`);
	let divergence = 0;
	for (let i = 0; i < p.length; i++) {
		const m = (p[i]! + q[i]!) / 2;
		if (p[i]! > 0) divergence += 0.5 * p[i]! * Math.log2(p[i]! / m);
		if (q[i]! > 0) divergence += 0.5 * q[i]! * Math.log2(q[i]! / m);
	}
	// Rounding can leave a tiny negative divergence for identical inputs.
	return Math.sqrt(Math.max(0, Math.min(1, divergence)));
}

export function driftBand(value: number): DriftBand {
	return value >= PSI_SIGNIFICANT ? 'significant' : value >= PSI_MODERATE ? 'moderate' : 'none';
}

/** Drift of observed counts (laid out as referenceShares) against a profile. */
export function featureDrift(profile: FeatureProfile, counts: readonly number[]): Drift {
	const reference = referenceShares(profile);
	const actual = shares(counts);
	const value = psi(reference, actual);
	return { psi: value, js: jensenShannonDistance(reference, actual), band: driftBand(value) };
}

export function numericProfile(name: string, values: ArrayLike<number>): NumericProfile {
	const edges = quantileEdges(values);
	const counts = new Array(edges.length + 2).fill(0);
	for (let i = 0; i < values.length; i++) {
		const v = values[i]!;
		counts[Number.isNaN(v) ? edges.length + 1 : binIndex(v, edges)]++;
	}
	const s = shares(counts);
	return { kind: 'numeric', name, edges, proportions: s.slice(0, -1), missing: s[s.length - 1]! };
}

export function categoricalProfile(name: string, values: readonly (string | null)[]): CategoricalProfile {
	const counts = new Map<string, number>();
	let missing = 0;
	for (const v of values) {
		if (v === null || v === '') missing++;
		else counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	const categories = [...counts.keys()].sort();
	const n = values.length || 1;
	return { kind: 'categorical', name, categories, proportions: categories.map((c) => counts.get(c)! / n), missing: missing / n };
}

/** The profile of the model's input features over the given rows (the training split). */
export function trainingProfile(table: LabelledTable, rows: ArrayLike<number>, features: { numeric: readonly string[]; categorical: readonly string[] }): TrainingProfile {
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	const out: FeatureProfile[] = [];
	for (const name of features.numeric) {
		const col = byName.get(name);
		if (col?.kind !== 'numeric') continue;
		out.push(numericProfile(name, Float64Array.from({ length: rows.length }, (_, k) => col.values[rows[k]!]!)));
	}
	for (const name of features.categorical) {
		const col = byName.get(name);
		if (col?.kind !== 'categorical') continue;
		out.push(categoricalProfile(name, Array.from({ length: rows.length }, (_, k) => col.values[rows[k]!] ?? null)));
	}
	return { rows: rows.length, features: out };
}

/** The reference for prediction drift: a version's held-out scores, binned at their deciles. */
export const scoreProfile = (heldOutScores: ArrayLike<number>): NumericProfile => numericProfile('score', heldOutScores);
