import { describe, expect, it } from 'vitest';
import type { StoredRun } from '../../../src/lib/db/schema';
import { compareRuns, filterRuns, lossCurves, metricAcrossRuns, metricAcrossRunsChart, sortRuns } from '../../../src/lib/lab/runs-table';

const run = (id: number, minute: number, params: StoredRun['params'], metrics: StoredRun['metrics'], extra: Partial<StoredRun> = {}): StoredRun => ({
	id,
	experiment: 'train',
	startedAt: new Date(Date.UTC(2026, 10, 25, 9, minute)),
	durationMs: 1000 * id,
	status: 'finished',
	params,
	metrics,
	tags: { source: 'synthetic' },
	...extra
});

const newton1 = run(1, 0, { solver: 'newton', C: 1, dataRows: 5000 }, { rocAuc: 0.8, logLoss: 0.4 });
const newtonSmallC = run(2, 5, { solver: 'newton', C: 0.1, dataRows: 5000 }, { rocAuc: 0.82, logLoss: 0.38 }, { modelVersion: 2 });
const gd = run(3, 10, { solver: 'gd', C: 1, dataFile: 'accounts.csv' }, { rocAuc: 0.7, logLoss: 0.5 }, { tags: { source: 'csv' }, history: { loss: [{ step: 1, value: 0.6 }] } });
const failed = run(4, 15, { solver: 'newton', C: 10 }, {}, { status: 'failed', experiment: 'sweep-7' });
const all = [newton1, newtonSmallC, gd, failed];
const ids = (runs: StoredRun[]) => runs.map((r) => r.id);

describe('filterRuns', () => {
	it('matches name=value on params, numbers as numbers and text case-insensitively', () => {
		expect(ids(filterRuns(all, 'C=0.1'))).toEqual([2]);
		expect(ids(filterRuns(all, 'C=.10'))).toEqual([2]);
		expect(ids(filterRuns(all, 'solver=GD'))).toEqual([3]);
		expect(ids(filterRuns(all, 'c=1'))).toEqual([1, 3]);
	});

	it('matches tags and metrics by name=value, and every term must match', () => {
		expect(ids(filterRuns(all, 'source=csv'))).toEqual([3]);
		expect(ids(filterRuns(all, 'rocAuc=0.82'))).toEqual([2]);
		expect(ids(filterRuns(all, 'solver=newton C=1'))).toEqual([1]);
	});

	it('matches free text in experiment, status, names and values; an empty query keeps all', () => {
		expect(ids(filterRuns(all, 'accounts'))).toEqual([3]);
		expect(ids(filterRuns(all, 'sweep'))).toEqual([4]);
		expect(ids(filterRuns(all, 'FAILED'))).toEqual([4]);
		expect(ids(filterRuns(all, 'datarows'))).toEqual([1, 2]);
		expect(ids(filterRuns(all, '  '))).toEqual([1, 2, 3, 4]);
		expect(filterRuns(all, 'C=abc')).toEqual([]);
	});
});

describe('sortRuns', () => {
	it('sorts by a metric either way with runs lacking it last', () => {
		expect(ids(sortRuns(all, 'metric:rocAuc', 'desc'))).toEqual([2, 1, 3, 4]);
		expect(ids(sortRuns(all, 'metric:rocAuc', 'asc'))).toEqual([3, 1, 2, 4]);
	});

	it('sorts by params, text columns, dates and the registered version', () => {
		expect(ids(sortRuns(all, 'param:C', 'asc'))).toEqual([2, 1, 3, 4]);
		expect(ids(sortRuns(all, 'param:solver', 'desc'))).toEqual([1, 2, 4, 3]);
		expect(ids(sortRuns(all, 'startedAt', 'desc'))).toEqual([4, 3, 2, 1]);
		expect(ids(sortRuns(all, 'modelVersion', 'asc'))).toEqual([2, 1, 3, 4]);
	});
});

describe('compareRuns', () => {
	it('puts params and metrics side by side and marks only the rows that differ', () => {
		const { params, metrics } = compareRuns([newton1, newtonSmallC]);
		expect(params).toEqual([
			{ name: 'C', values: [1, 0.1], differs: true },
			{ name: 'dataRows', values: [5000, 5000], differs: false },
			{ name: 'solver', values: ['newton', 'newton'], differs: false }
		]);
		expect(metrics.find((m) => m.name === 'rocAuc')).toEqual({ name: 'rocAuc', values: [0.8, 0.82], differs: true });
	});

	it('shows a param only one run has as a difference', () => {
		const { params } = compareRuns([newton1, gd]);
		expect(params.find((p) => p.name === 'dataFile')).toEqual({ name: 'dataFile', values: [undefined, 'accounts.csv'], differs: true });
	});
});

describe('metric across runs', () => {
	it('takes the runs that logged the metric, oldest first, into a chart', () => {
		const points = metricAcrossRuns([failed, gd, newton1, newtonSmallC], 'rocAuc');
		expect(points).toEqual([
			{ runId: 1, label: 'Run 1', value: 0.8 },
			{ runId: 2, label: 'Run 2', value: 0.82 },
			{ runId: 3, label: 'Run 3', value: 0.7 }
		]);
		const spec = metricAcrossRunsChart(points, 'ROC AUC');
		expect(spec.data.labels).toEqual(['Run 1', 'Run 2', 'Run 3']);
		expect(spec.data.datasets[0]!.data).toEqual([0.8, 0.82, 0.7]);
	});

	it('overlays only the runs that logged a loss curve', () => {
		expect(lossCurves([newton1, gd])).toEqual([{ label: 'Run 3', points: [{ x: 1, y: 0.6 }] }]);
	});
});
