// Error analysis in the manner of the Responsible AI dashboard: where does the model get it wrong?
// An error-rate matrix over one or two features and a small greedy tree of cohorts. Pure.
import type { FeatureRecord } from './model-artifact';

export interface BinnedFeature {
	feature: string;
	labels: string[];
	/** Bin of each record; -1 where the value is missing. */
	codes: Int32Array;
	/** For a numeric feature, the upper cut of each bin but the last (value < cut falls in that bin). */
	cuts?: number[];
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : String(Math.round(v * 1000) / 1000));

/** Numbers into (up to) `bins` quantile bins, categories as they are; missing values get code -1. */
export function binFeature(records: readonly FeatureRecord[], feature: string, bins = 4): BinnedFeature {
	const raw = records.map((r) => r[feature]);
	const numeric = raw.every((v) => v === null || v === undefined || typeof v === 'number');
	const codes = new Int32Array(records.length).fill(-1);
	if (!numeric) {
		const labels = [...new Set(raw.filter((v) => v !== null && v !== undefined).map(String))].sort();
		const index = new Map(labels.map((l, i) => [l, i]));
		raw.forEach((v, i) => {
			if (v !== null && v !== undefined) codes[i] = index.get(String(v))!;
		});
		return { feature, labels, codes };
	}
	const sorted = (raw.filter((v) => typeof v === 'number' && Number.isFinite(v)) as number[]).sort((a, b) => a - b);
	const cuts = [...new Set(Array.from({ length: bins - 1 }, (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / bins)]!))].filter((c) => c !== undefined && c > sorted[0]!);
	const edges = [sorted[0] ?? 0, ...cuts, sorted.at(-1) ?? 0];
	const labels = cuts.length ? edges.slice(0, -1).map((lo, k) => (k === cuts.length ? `≥ ${fmt(lo)}` : k === 0 ? `< ${fmt(edges[1]!)}` : `${fmt(lo)} – < ${fmt(edges[k + 1]!)}`)) : [`all (${fmt(edges[0]!)})`];
	raw.forEach((v, i) => {
		if (typeof v !== 'number' || !Number.isFinite(v)) return;
		let k = 0;
		while (k < cuts.length && v >= cuts[k]!) k++;
		codes[i] = k;
	});
	return { feature, labels, codes, cuts };
}

export interface ErrorCell {
	count: number;
	errors: number;
	/** NaN for an empty cell. */
	rate: number;
}

export interface ErrorMatrix {
	rows: BinnedFeature;
	columns: BinnedFeature | null;
	/** cells[row][column]; a single column when only one feature is chosen. */
	cells: ErrorCell[][];
}

/** 1 where the prediction at the threshold disagrees with the label. */
export function errorFlags(y: ArrayLike<number>, p: ArrayLike<number>, threshold: number): Uint8Array {
	return Uint8Array.from({ length: y.length }, (_, i) => ((p[i]! >= threshold ? 1 : 0) !== y[i] ? 1 : 0));
}

/** Error rate per cohort over one or two features (missing values are left out of the matrix). */
export function errorMatrix(records: readonly FeatureRecord[], errors: Uint8Array, rowFeature: string, columnFeature?: string, bins = 4): ErrorMatrix {
	const rows = binFeature(records, rowFeature, bins);
	const columns = columnFeature ? binFeature(records, columnFeature, bins) : null;
	const width = columns ? columns.labels.length : 1;
	const cells = rows.labels.map(() => Array.from({ length: width }, () => ({ count: 0, errors: 0, rate: NaN })));
	for (let i = 0; i < records.length; i++) {
		const r = rows.codes[i]!;
		const c = columns ? columns.codes[i]! : 0;
		if (r < 0 || c < 0) continue;
		const cell = cells[r]![c]!;
		cell.count++;
		cell.errors += errors[i]!;
	}
	for (const row of cells) for (const cell of row) cell.rate = cell.count ? cell.errors / cell.count : NaN;
	return { rows, columns, cells };
}

export interface CohortNode {
	/** How this cohort differs from its parent, e.g. "region = south" or "credit_utilization ≥ 0.52"; "all" at the root. */
	condition: string;
	/** Every condition from the root, joined with "and". */
	path: string;
	size: number;
	errors: number;
	rate: number;
	children: CohortNode[];
}

export interface ErrorTreeOptions {
	maxDepth?: number;
	minSize?: number;
	bins?: number;
}

interface Split {
	score: number;
	labels: [string, string];
	inLeft: (i: number) => boolean;
}

/**
 * A small decision tree over cohorts: at each node the split (a category or bin against the rest, or a
 * numeric cut) with the largest difference in error rate between its two sides, both at least minSize.
 */
export function errorTree(records: readonly FeatureRecord[], errors: Uint8Array, features: string[], options: ErrorTreeOptions = {}): CohortNode {
	const maxDepth = Math.min(3, options.maxDepth ?? 3);
	const minSize = options.minSize ?? Math.max(20, Math.ceil(records.length * 0.02));
	const binned = features.map((f) => binFeature(records, f, options.bins ?? 4));
	// A missing number falls on the upper side of a numeric split; the label says so.
	const missing = new Set(binned.filter((b) => b.codes.includes(-1)).map((b) => b.feature));

	function bestSplit(members: number[]): Split | null {
		let best: Split | null = null;
		for (const b of binned) {
			const candidates: { labels: [string, string]; test: (code: number) => boolean }[] = b.cuts
				? b.cuts.map((cut, k) => ({ labels: [`${b.feature} < ${fmt(cut)}`, `${b.feature} ≥ ${fmt(cut)}${missing.has(b.feature) ? ' or missing' : ''}`] as [string, string], test: (code: number) => code >= 0 && code <= k }))
				: b.labels.map((label, k) => ({ labels: [`${b.feature} = ${label}`, `${b.feature} ≠ ${label}`] as [string, string], test: (code: number) => code === k }));
			for (const c of candidates) {
				let nl = 0;
				let el = 0;
				let ne = 0;
				for (const i of members) {
					if (c.test(b.codes[i]!)) {
						nl++;
						el += errors[i]!;
					}
					ne += errors[i]!;
				}
				const nr = members.length - nl;
				if (nl < minSize || nr < minSize) continue;
				const score = Math.abs(el / nl - (ne - el) / nr);
				if (!best || score > best.score) best = { score, labels: c.labels, inLeft: (i) => c.test(b.codes[i]!) };
			}
		}
		return best;
	}

	function grow(members: number[], condition: string, path: string, depth: number): CohortNode {
		const e = members.reduce((s, i) => s + errors[i]!, 0);
		const node: CohortNode = { condition, path, size: members.length, errors: e, rate: members.length ? e / members.length : NaN, children: [] };
		if (depth >= maxDepth || e === 0 || e === members.length) return node;
		const split = bestSplit(members);
		if (!split || split.score === 0) return node;
		const left = members.filter((i) => split.inLeft(i));
		const right = members.filter((i) => !split.inLeft(i));
		const join = (c: string) => (path === 'all' ? c : `${path} and ${c}`);
		node.children = [grow(left, split.labels[0], join(split.labels[0]), depth + 1), grow(right, split.labels[1], join(split.labels[1]), depth + 1)];
		return node;
	}

	return grow(Array.from({ length: records.length }, (_, i) => i), 'all', 'all', 0);
}

/** The tree's leaves, worst error rate first. */
export function worstCohorts(tree: CohortNode, limit = 5): CohortNode[] {
	const leaves: CohortNode[] = [];
	const walk = (n: CohortNode) => (n.children.length ? n.children.forEach(walk) : leaves.push(n));
	walk(tree);
	return leaves.sort((a, b) => b.rate - a.rate || b.size - a.size).slice(0, limit);
}
