// The Monitoring page's figures for a simulated month (30 days × 2,000 rows): the pipeline that
// writes and scores the days, then monitorDays reading curated/ back. The reference, timed in the
// same run, is the streaming CSV reader alone on the same files: what monitoring adds is the rest.
import 'fake-indexeddb/auto';
import { idbDatastore } from '../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../src/lib/db/schema';
import { runDailyJob } from '../../src/lib/lab/batch-score';
import { monitorDays, scoredDays } from '../../src/lib/lab/monitoring';
import { rawFileName } from '../../src/lib/lab/daily-files';
import { DEFAULT_SIMULATION, simulateDays } from '../../src/lib/lab/simulated-days';
import { readCsv, tableToCsv } from '../../src/lib/ml/csv-read';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../src/lib/ml/train-model';

export async function monitorBench(): Promise<string[]> {
	const db = await openPrepLabDb({}, 'monitor-bench');
	const storage = { datastore: idbDatastore(db), registry: idbRegistry(db) };
	const trained = trainModel(generateDelinquencyTable(5000, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
	const model = await storage.registry.register(trained.draft, {}, trained.test);
	const days = simulateDays({ ...DEFAULT_SIMULATION, startDate: '2026-11-01' });
	let t = performance.now();
	for (const day of days) {
		await storage.datastore.writeText('raw', rawFileName(day.date), tableToCsv(generateDelinquencyTable(day.rows, day.seed, day.options)));
		await runDailyJob(storage, model, day.date);
	}
	const pipelineMs = performance.now() - t;
	const files = await scoredDays(storage);
	const readOnly = async () => {
		for (const f of files) {
			const { input, size } = await storage.datastore.openCsv('curated', f.name);
			await readCsv(input, { header: () => {}, rows: () => {} }, { size });
		}
	};
	const monitor = () => monitorDays(storage, model, trained.test.p);
	// Warm both up, then alternate them so neither gains from running later.
	await readOnly();
	await monitor();
	const samples = { readOnly: [] as number[], monitor: [] as number[] };
	for (let r = 0; r < 7; r++) {
		for (const key of ['readOnly', 'monitor'] as const) {
			const s = performance.now();
			await (key === 'readOnly' ? readOnly() : monitor());
			samples[key].push(performance.now() - s);
		}
	}
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
	const readOnlyMs = median(samples.readOnly);
	const monitorMs = median(samples.monitor);
	db.close();
	const rows = days.length * DEFAULT_SIMULATION.rowsPerDay;
	return [
		`\nMonitoring a simulated month (${days.length} days × ${DEFAULT_SIMULATION.rowsPerDay.toLocaleString('en')} rows, fake-indexeddb in Node)`,
		`  pipeline (generate, write raw/, score into curated/, log): ${pipelineMs.toFixed(0)} ms`,
		`  monitorDays (read curated/, histograms, buckets, PSI/JS for ${model.profile!.features.length} features + score): ${monitorMs.toFixed(0)} ms (median of 7)`,
		`  reference: reading the same ${rows.toLocaleString('en')} rows with the CSV reader alone: ${readOnlyMs.toFixed(0)} ms (monitoring adds ${(monitorMs - readOnlyMs).toFixed(0)} ms)`
	];
}
