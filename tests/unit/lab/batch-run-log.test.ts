import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { estimateOutputBytes, validateBatchSettings } from '../../../src/lib/lab/batch-job';
import { errorLogName, parseErrorLog, parseRunLog } from '../../../src/lib/lab/batch-run-log';
import { batchScore, DEFAULT_BATCH_SETTINGS, RUN_LOG } from '../../../src/lib/lab/batch-score';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const lines = tableToCsv(generateDelinquencyTable(120, 4)).trim().split('\n');
const bad = lines[2]!.split(',');
bad[1] = 'lots';
const withBadRows = [lines[0], lines[1], bad.join(','), 'A1,2', ...lines.slice(3)].join('\n');

async function storageWithModel() {
	const db = await openPrepLabDb({}, `run-log-${Math.random()}`);
	let t = Date.parse('2026-11-25T08:00:00Z');
	const datastore = idbDatastore(db);
	const storage = { datastore, registry: idbRegistry(db) };
	const model = await storage.registry.register(trainModel(generateDelinquencyTable(600, 2), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft);
	// Each call to now() is a second later, so runs have distinct, ordered start times.
	return { storage, model, now: () => new Date((t += 1000)) };
}

describe('parseRunLog and parseErrorLog', () => {
	it('reads back what batch runs logged, newest first, with numbers and blanks as NaN', async () => {
		const { storage, model, now } = await storageWithModel();
		await storage.datastore.writeText('raw', 'a.csv', withBadRows);
		const ok = await batchScore(storage, model, { zone: 'raw', name: 'a.csv' }, { ...DEFAULT_BATCH_SETTINGS, miniBatchSize: 10 }, { now });
		const failed = await batchScore(storage, model, { zone: 'raw', name: 'a.csv' }, { ...DEFAULT_BATCH_SETTINGS, errorThreshold: 0 }, { now }).catch((e) => e.run);
		const rows = parseRunLog(await storage.datastore.readText('logs', RUN_LOG));
		expect(rows.map((r) => [r.runId, r.status])).toEqual([
			[failed.runId, 'failed'],
			[ok.runId, 'succeeded']
		]);
		expect(rows[1]).toMatchObject({ modelName: 'delinquency', modelVersion: 1, input: 'raw/a.csv', output: 'curated/a_predictions.csv', rowsIn: 121, rowsOut: 119, rowsFailed: 2, message: '' });
		expect(rows[1]!.scoreMean).toBeCloseTo(ok.scoreMean, 5);
		expect(rows[0]!.message).toMatch(/more than error_threshold 0/);
		expect(rows[0]!.output).toBe('');

		const errors = parseErrorLog(await storage.datastore.readText('logs', errorLogName(ok.runId)));
		expect(errors).toEqual([
			{ row: 3, column: 'credit_utilization', message: '"credit_utilization" must be a number' },
			{ row: 4, column: '', message: 'has 2 fields; the header has 11' }
		]);
		expect(parseErrorLog(await storage.datastore.readText('logs', errorLogName(ok.runId)), 1)).toHaveLength(1);
	});

	it('a run that failed before scoring has blank scores, read as NaN; an empty log has no rows', () => {
		const text = 'run_id,started_at,finished_at,model_name,model_version,input,output,rows_in,rows_out,rows_failed,score_min,score_mean,score_max,duration_ms,status,message\nb1,2026-11-25T08:00:00.000Z,2026-11-25T08:00:01.000Z,delinquency,2,raw/x.csv,,0,0,0,,,,1000,cancelled,Reading was cancelled.\n';
		const [row] = parseRunLog(text);
		expect(row).toMatchObject({ runId: 'b1', status: 'cancelled', rowsIn: 0, durationMs: 1000, message: 'Reading was cancelled.' });
		expect(row!.scoreMin).toBeNaN();
		expect(parseRunLog('')).toEqual([]);
	});
});

describe('batch job checks', () => {
	it('names the setting that is wrong', () => {
		expect(validateBatchSettings(DEFAULT_BATCH_SETTINGS)).toBeNull();
		expect(validateBatchSettings({ ...DEFAULT_BATCH_SETTINGS, miniBatchSize: 0 })).toMatch(/^mini_batch_size/);
		expect(validateBatchSettings({ ...DEFAULT_BATCH_SETTINGS, miniBatchSize: 2.5 })).toMatch(/^mini_batch_size/);
		expect(validateBatchSettings({ ...DEFAULT_BATCH_SETTINGS, errorThreshold: -2 })).toMatch(/^error_threshold/);
		expect(validateBatchSettings({ ...DEFAULT_BATCH_SETTINGS, threshold: 1 })).toMatch(/threshold must be between 0 and 1/);
		expect(validateBatchSettings({ ...DEFAULT_BATCH_SETTINGS, threshold: Number.NaN })).toMatch(/threshold/);
	});

	it('estimates at least the real append_row output size, and nothing for summary_only', async () => {
		const { storage, model } = await storageWithModel();
		const csv = tableToCsv(generateDelinquencyTable(2000, 5));
		await storage.datastore.writeText('raw', 'big.csv', csv);
		await batchScore(storage, model, { zone: 'raw', name: 'big.csv' });
		const out = (await storage.datastore.list('curated'))[0]!;
		const size = new Blob([csv]).size;
		expect(estimateOutputBytes(size, 'append_row')).toBeGreaterThanOrEqual(out.size);
		expect(estimateOutputBytes(size, 'append_row')).toBeLessThan(out.size * 1.5);
		expect(estimateOutputBytes(size, 'summary_only')).toBe(0);
	});
});
