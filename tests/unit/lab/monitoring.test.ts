import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { runDailyJob } from '../../../src/lib/lab/batch-score';
import { monitorDays, worstDrift } from '../../../src/lib/lab/monitoring';
import { psiChart, riskBucketChart, scoreDistributionChart, spreadDays } from '../../../src/lib/lab/monitoring-charts';
import { rawFileName } from '../../../src/lib/lab/daily-files';
import { simulateDays, DEFAULT_SIMULATION } from '../../../src/lib/lab/simulated-days';
import { resolveVersion } from '../../../src/lib/lab/registry';
import { compareOnHoldout, joinCsvFiles, lastDays } from '../../../src/lib/lab/retrain';
import type { LabStorage } from '../../../src/lib/lab/storage';
import { readCsvTable, tableToCsv } from '../../../src/lib/ml/csv-read';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, MODEL_NAME, trainModel } from '../../../src/lib/ml/train-model';

let n = 0;
async function month(options: { days: number; suddenShiftDay: number | null; rowsPerDay: number }) {
	const db = await openPrepLabDb({}, `monitor-${n++}`);
	const storage: LabStorage = { datastore: idbDatastore(db), registry: idbRegistry(db) };
	const trained = trainModel(generateDelinquencyTable(3000, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
	const model = await storage.registry.register(trained.draft, {}, trained.test);
	await storage.registry.setAlias(MODEL_NAME, 'champion', model.version);
	const days = simulateDays({ ...DEFAULT_SIMULATION, ...options, startDate: '2026-11-01' });
	for (const day of days) {
		await storage.datastore.writeText('raw', rawFileName(day.date), tableToCsv(generateDelinquencyTable(day.rows, day.seed, day.options)));
		await runDailyJob(storage, model, day.date);
	}
	const heldOut = await storage.registry.heldOut(MODEL_NAME, model.version);
	return { storage, model, days, reports: await monitorDays(storage, model, heldOut!.p) };
}

describe('a simulated month', () => {
	it('shows no drift on day 1, drift after the sudden shift, and a retrain promotes a challenger', async () => {
		const { storage, model, reports } = await month({ days: 30, suddenShiftDay: 20, rowsPerDay: 1000 });
		expect(reports.map((r) => r.date)).toEqual(Array.from({ length: 30 }, (_, k) => `2026-11-${String(k + 1).padStart(2, '0')}`));
		const first = reports[0]!;
		const last = reports.at(-1)!;
		expect(first.rows).toBe(1000);
		expect(first.scoredBy).toBe(1);
		expect(first.buckets.low + first.buckets.medium + first.buckets.high).toBe(1000);
		expect(first.scoreHistogram.reduce((s, c) => s + c, 0)).toBe(1000);
		expect(first.features.every((f) => f.band === 'none')).toBe(true);
		expect(first.prediction!.band).toBe('none');

		const tenure = (k: number) => reports[k]!.features.find((f) => f.name === 'months_on_book')!;
		expect(tenure(18).band).toBe('none');
		expect(tenure(19).band).toBe('significant');
		const debt = (k: number) => reports[k]!.features.find((f) => f.name === 'debt_to_income')!;
		expect(debt(0).band).toBe('none');
		expect(debt(29).psi).toBeGreaterThan(debt(14).psi);
		expect(debt(29).band).not.toBe('none');
		// More accounts score high after the shift: prediction drift, milder than the input drift.
		expect(last.prediction!.band).not.toBe('none');
		expect(last.prediction!.psi).toBeGreaterThan(first.prediction!.psi);
		expect(last.buckets.high).toBeGreaterThan(first.buckets.high);
		expect(worstDrift(last)!.drift.band).toBe('significant');

		// Retrain on the last 7 days' raw files (labels included), compare on the holdout, promote.
		const dates = lastDays(reports.map((r) => r.date), 7);
		const files = await Promise.all(dates.map(async (d) => ({ name: `raw/${rawFileName(d)}`, text: await storage.datastore.readText('raw', rawFileName(d)) })));
		const joined = joinCsvFiles(files);
		const table = await readCsvTable(joined, [...DELINQUENCY_SCHEMA]);
		expect(table.rows).toBe(7000);
		const outcome = trainModel(table, DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
		const comparison = compareOnHoldout(table, DEFAULT_TRAIN_PARAMS, model, outcome.test);
		expect(comparison.rows).toBe(outcome.test.y.length);
		expect(comparison.challenger.rocAuc).toBeCloseTo(outcome.draft.metrics.rocAuc, 12);
		// The champion's scores are shifted by the drift: the challenger is better calibrated.
		expect(comparison.challenger.logLoss).toBeLessThan(comparison.champion.logLoss);
		const challenger = await storage.registry.register(outcome.draft, { tags: { role: 'challenger' } }, outcome.test);
		await storage.registry.setAlias(MODEL_NAME, 'challenger', challenger.version);
		await storage.registry.setAlias(MODEL_NAME, 'champion', challenger.version);
		expect((await resolveVersion(storage.registry, MODEL_NAME, 'champion')).version).toBe(2);

		// Measured against the new champion's own training data, the last day no longer drifts much.
		const after = await monitorDays(storage, challenger, outcome.test.p);
		expect(after.at(-1)!.scoredBy).toBe(1);
		await runDailyJob(storage, challenger, after.at(-1)!.date);
		expect((await monitorDays(storage, challenger, outcome.test.p)).map((r) => r.scoredBy).slice(-2)).toEqual([1, 2]);
		expect(after.at(-1)!.features.find((f) => f.name === 'months_on_book')!.band).toBe('none');
	}, 20_000);

	it('gives charts one point per day and the band lines', async () => {
		const { reports } = await month({ days: 5, suddenShiftDay: null, rowsPerDay: 200 });
		const psi = psiChart(reports);
		expect(psi.data.labels).toHaveLength(5);
		expect(psi.data.datasets.map((d) => d.label)).toEqual([...reports[0]!.features.map((f) => f.name), 'prediction (score)', 'moderate (0.1)', 'significant (0.25)']);
		expect(psi.data.datasets.at(-1)!.data).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
		const buckets = riskBucketChart(reports);
		expect(buckets.data.datasets.map((d) => d.label)).toEqual(['low', 'medium', 'high']);
		expect(buckets.data.datasets.reduce((s, d) => s + (d.data[0] as number), 0)).toBe(200);
		const scores = scoreDistributionChart(reports);
		expect(scores.data.datasets.map((d) => d.label)).toEqual(spreadDays(reports, 4).map((r) => r.date));
		expect((scores.data.datasets[0]!.data as { y: number }[]).reduce((s, p) => s + p.y, 0)).toBeCloseTo(1, 9);
	});

	it('leaves data drift empty for a version without a training profile', async () => {
		const { storage, model } = await month({ days: 1, suddenShiftDay: null, rowsPerDay: 100 });
		const reports = await monitorDays(storage, { ...model, profile: undefined }, null);
		expect(reports[0]!.features).toEqual([]);
		expect(reports[0]!.prediction).toBeNull();
	});
});

describe('retrain helpers', () => {
	it('join daily files with the header once and refuse a file with other columns', () => {
		expect(joinCsvFiles([{ name: 'a', text: 'x,y\n1,2\n' }, { name: 'b', text: 'x,y\n3,4' }])).toBe('x,y\n1,2\n3,4\n');
		expect(() => joinCsvFiles([{ name: 'raw/a.csv', text: 'x,y\n1,2\n' }, { name: 'raw/b.csv', text: 'x,z\n3,4\n' }])).toThrow('raw/b.csv has different columns from raw/a.csv');
		expect(() => joinCsvFiles([])).toThrow(/no daily files/);
		expect(lastDays(['a', 'b', 'c'], 2)).toEqual(['b', 'c']);
		expect(lastDays(['a'], 7)).toEqual(['a']);
	});
});
