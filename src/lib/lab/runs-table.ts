// The Runs page's table logic, as the MLflow tracking UI offers it: a search box that understands
// `name=value`, sorting by any column, side-by-side comparison and a metric across runs.
import type { StoredRun } from './run-record';
import { SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';

/** A column of the runs table: a run field, a parameter (`param:C`) or a metric (`metric:rocAuc`). */
export type RunColumn = 'startedAt' | 'experiment' | 'status' | 'durationMs' | 'modelVersion' | `param:${string}` | `metric:${string}`;
export type SortDirection = 'asc' | 'desc';

type Value = number | string | boolean | undefined;

export function columnValue(run: StoredRun, column: RunColumn): Value {
	if (column.startsWith('param:')) return run.params[column.slice(6)];
	if (column.startsWith('metric:')) return run.metrics[column.slice(7)];
	if (column === 'startedAt') return run.startedAt.getTime();
	return run[column as 'experiment' | 'status' | 'durationMs' | 'modelVersion'];
}

const sameValue = (actual: Value, wanted: string) => {
	if (actual === undefined) return false;
	const number = Number(wanted);
	if (typeof actual === 'number' && wanted.trim() !== '' && Number.isFinite(number)) return actual === number;
	return String(actual).toLowerCase() === wanted.toLowerCase();
};

function entries(run: StoredRun): [string, Value][] {
	return [...Object.entries(run.params), ...Object.entries(run.tags), ...Object.entries(run.metrics)];
}

/** Whether a run matches one search term: `name=value` (a param, tag or metric; numbers compare as numbers) or free text. */
function matchesTerm(run: StoredRun, term: string): boolean {
	const eq = term.indexOf('=');
	if (eq > 0) {
		const name = term.slice(0, eq).toLowerCase();
		const wanted = term.slice(eq + 1);
		return entries(run).some(([k, v]) => k.toLowerCase() === name && sameValue(v, wanted));
	}
	const text = term.toLowerCase();
	const haystack = [run.experiment, run.status, ...entries(run).flatMap(([k, v]) => [k, String(v)])];
	return haystack.some((s) => s.toLowerCase().includes(text));
}

/** Runs matching every whitespace-separated term of the query; an empty query keeps them all. */
export function filterRuns(runs: StoredRun[], query: string): StoredRun[] {
	const terms = query.trim().split(/\s+/).filter(Boolean);
	return terms.length ? runs.filter((r) => terms.every((t) => matchesTerm(r, t))) : runs;
}

/** Runs ordered by a column; runs without a value for it always come last. Stable for ties. */
export function sortRuns(runs: StoredRun[], column: RunColumn, direction: SortDirection): StoredRun[] {
	const sign = direction === 'asc' ? 1 : -1;
	return runs
		.map((run, i) => ({ run, i, v: columnValue(run, column) }))
		.sort((a, b) => {
			if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
			const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
			return order * sign || a.i - b.i;
		})
		.map((x) => x.run);
}

export interface ComparisonRow {
	name: string;
	values: Value[];
	/** True when the compared runs do not all share one value. */
	differs: boolean;
}

function rowsFor(runs: StoredRun[], pick: (r: StoredRun) => Record<string, Value>): ComparisonRow[] {
	const names = [...new Set(runs.flatMap((r) => Object.keys(pick(r))))].sort((a, b) => a.localeCompare(b));
	return names.map((name) => {
		const values = runs.map((r) => pick(r)[name]);
		return { name, values, differs: new Set(values.map((v) => String(v))).size > 1 };
	});
}

/** Params and metrics of several runs side by side, one row per name, with differences marked. */
export function compareRuns(runs: StoredRun[]): { params: ComparisonRow[]; metrics: ComparisonRow[] } {
	return { params: rowsFor(runs, (r) => r.params), metrics: rowsFor(runs, (r) => r.metrics) };
}

/** Metric names that any of the runs logged, in first-seen order. */
export const metricNames = (runs: StoredRun[]) => [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))];

export interface MetricPoint {
	runId: number;
	label: string;
	value: number;
}

/** One metric across runs, oldest first, for the runs that logged it. */
export function metricAcrossRuns(runs: StoredRun[], metric: string): MetricPoint[] {
	return [...runs]
		.filter((r) => r.id !== undefined && Number.isFinite(r.metrics[metric]))
		.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id! - b.id!)
		.map((r) => ({ runId: r.id!, label: `Run ${r.id}`, value: r.metrics[metric]! }));
}

export function metricAcrossRunsChart(points: MetricPoint[], metricLabel: string): ChartSpec {
	return {
		type: 'line',
		data: {
			labels: points.map((p) => p.label),
			datasets: [{ type: 'line', label: metricLabel, data: points.map((p) => p.value), borderColor: SERIES_COLOURS[0], backgroundColor: SERIES_COLOURS[0], pointRadius: 4, borderWidth: 2, tension: 0 }]
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			scales: { x: { type: 'category', title: { display: true, text: 'Run (oldest first)' } }, y: { title: { display: true, text: metricLabel } } },
			plugins: { legend: { display: false } }
		}
	};
}

/** Loss curves of the compared runs that logged one, for `lossChart`. */
export const lossCurves = (runs: StoredRun[]) =>
	runs.filter((r) => r.history?.['loss']?.length).map((r) => ({ label: `Run ${r.id}`, points: r.history!['loss']!.map((p) => ({ x: p.step, y: p.value })) }));
