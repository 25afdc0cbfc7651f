import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { batchRunId, batchScore, BatchRunFailed, DEFAULT_BATCH_SETTINGS, neutraliseFormula, riskBucket, RUN_LOG, runDailyJob } from '../../../src/lib/lab/batch-score';
import { scoreRows } from '../../../src/lib/ml/model-artifact';
import { seededRandom } from '../../../src/lib/ml/random';
import type { LabStorage } from '../../../src/lib/lab/storage';
import { readCsvTable, toCsv } from '../../../src/lib/ml/csv-read';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { tableToCsv } from '../../../src/cli/main';

let n = 0;
async function setup(): Promise<{ storage: LabStorage; model: Awaited<ReturnType<LabStorage['registry']['register']>> }> {
	const db = await openPrepLabDb({}, `batch-${n++}`);
	const storage = { datastore: idbDatastore(db), registry: idbRegistry(db) };
	const model = await storage.registry.register(trainModel(generateDelinquencyTable(1000, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft);
	return { storage, model };
}

const csv = tableToCsv(generateDelinquencyTable(250, 9));
const lines = csv.trim().split('\n');
const badField = lines[3]!.split(',');
badField[1] = 'lots'; // credit_utilization of file row 4
const withBadRows = [...lines.slice(0, 3), badField.join(','), 'A9,1,2', ...lines.slice(4)].join('\n');

describe('batchScore', () => {
	it('writes what scoring each row as strings writes (the path before byte-level reading): same scores, same cells', async () => {
		const { storage, model } = await setup();
		const rows = lines.slice(1).map((l) => l.split(','));
		// Rows the writer cannot copy as they are: formulas, padded and quoted cells, a negative number, text with a comma.
		rows[0]![0] = '=cmd|calc';
		rows[1]![0] = '@home';
		rows[2]![0] = ' padded ';
		rows[3]![0] = '-';
		rows[4]![1] = '-0.25';
		rows[5]![8] = 'north, upper';
		rows[6]![0] = '"quoted"';
		rows[7]![0] = 'Zoë';
		rows[8]![5] = '';
		const text = `${[lines[0], ...rows.map((r) => toCsv([r]))].join('\r\n')}\r\n`;
		await storage.datastore.writeText('raw', 'mixed.csv', text);
		await batchScore(storage, model, { zone: 'raw', name: 'mixed.csv' }, { ...DEFAULT_BATCH_SETTINGS, miniBatchSize: 37 });
		const out = await storage.datastore.readText('curated', 'mixed_predictions.csv');
		const header = lines[0]!.split(',');
		const scored = scoreRows(model, header, rows);
		const expected = [
			[...header, 'prediction', 'score', 'risk_bucket'],
			...rows.map((r, k) => {
				const p = scored.probabilities[k]!;
				return [...r.map(neutraliseFormula), p >= 0.5 ? 1 : 0, p.toFixed(6), riskBucket(p, 0.5)];
			})
		];
		expect(out).toBe(`${toCsv(expected)}\n`);
		expect(out.split('\n')[1]!.startsWith("'=cmd|calc,")).toBe(true);
	});

	it('writes original columns plus prediction, score and risk_bucket, and logs the run', async () => {
		const { storage, model } = await setup();
		await storage.datastore.writeText('raw', 'accounts_2026-11-24.csv', csv);
		const run = await runDailyJob(storage, model, '2026-11-24', { ...DEFAULT_BATCH_SETTINGS, miniBatchSize: 64 });
		expect(run).toMatchObject({ status: 'succeeded', rowsIn: 250, rowsOut: 250, rowsFailed: 0, output: 'curated/accounts_2026-11-24_predictions.csv', modelVersion: 1 });
		const out = (await storage.datastore.readText('curated', 'accounts_2026-11-24_predictions.csv')).trim().split('\n');
		expect(out).toHaveLength(251);
		expect(out[0]).toBe(`${lines[0]},prediction,score,risk_bucket`);
		expect(out[1]!.startsWith(lines[1]!)).toBe(true);
		expect(out[1]).toMatch(/,[01],0\.\d{6},(low|medium|high)$/);
		expect(run.scoreMin).toBeLessThanOrEqual(run.scoreMean);
		expect(run.scoreMean).toBeLessThanOrEqual(run.scoreMax);
		const log = (await storage.datastore.readText('logs', RUN_LOG)).trim().split('\n');
		expect(log[0]).toMatch(/^run_id,started_at,finished_at,model_name,model_version,input,output,rows_in,rows_out,rows_failed,score_min,score_mean,score_max,duration_ms,status,message$/);
		expect(log[1]).toContain(',250,250,0,');
		// A second run appends, keeping one header.
		await runDailyJob(storage, model, '2026-11-24');
		expect((await storage.datastore.readText('logs', RUN_LOG)).trim().split('\n')).toHaveLength(3);
	});

	it('names a job by its start and the random source it is given, so two jobs started together differ', async () => {
		const { storage, model } = await setup();
		await storage.datastore.writeText('raw', 'accounts_2026-11-24.csv', csv);
		const started = new Date(Date.UTC(2026, 10, 24, 6, 30, 5, 123));
		const first = await runDailyJob(storage, model, '2026-11-24', DEFAULT_BATCH_SETTINGS, { now: () => started, random: seededRandom(7) });
		expect(first.runId).toBe(batchRunId(started, seededRandom(7)));
		expect(first.runId).toMatch(/^batch_20261124063005123_[a-z0-9]{4}$/);
		const second = await runDailyJob(storage, model, '2026-11-24', DEFAULT_BATCH_SETTINGS, { now: () => started, random: seededRandom(8) });
		expect(second.runId).not.toBe(first.runId);
		expect(batchRunId(started, () => 0.5)).toBe('batch_20261124063005123_i000');
	});

	it('counts malformed rows into an error log and succeeds within error_threshold', async () => {
		const { storage, model } = await setup();
		await storage.datastore.writeText('raw', 'b.csv', withBadRows);
		const run = await batchScore(storage, model, { zone: 'raw', name: 'b.csv' }, { ...DEFAULT_BATCH_SETTINGS, errorThreshold: 5 });
		expect(run).toMatchObject({ status: 'succeeded', rowsIn: 251, rowsOut: 249, rowsFailed: 2 });
		const errors = await storage.datastore.readText('logs', `${run.runId}_errors.csv`);
		expect(errors).toContain('4,credit_utilization,"""credit_utilization"" must be a number"');
		expect(errors).toContain('5,,has 3 fields; the header has 11');
	});

	it('fails past error_threshold, writes no output and logs the failure', async () => {
		const { storage, model } = await setup();
		await storage.datastore.writeText('raw', 'b.csv', withBadRows);
		const failed = await batchScore(storage, model, { zone: 'raw', name: 'b.csv' }, { ...DEFAULT_BATCH_SETTINGS, errorThreshold: 1 }).catch((e) => e);
		expect(failed).toBeInstanceOf(BatchRunFailed);
		expect(failed.message).toMatch(/2 rows failed, more than error_threshold 1. First problem: row 4/);
		expect(await storage.datastore.exists('curated', 'b_predictions.csv')).toBe(false);
		expect(await storage.datastore.readText('logs', RUN_LOG)).toContain(',failed,');
	});

	it('summary_only scores without writing predictions; a missing column fails clearly', async () => {
		const { storage, model } = await setup();
		await storage.datastore.writeText('raw', 'a.csv', csv);
		const run = await batchScore(storage, model, { zone: 'raw', name: 'a.csv' }, { ...DEFAULT_BATCH_SETTINGS, outputAction: 'summary_only' });
		expect(run).toMatchObject({ status: 'succeeded', rowsOut: 250, output: '' });
		expect(await storage.datastore.list('curated')).toEqual([]);
		await storage.datastore.writeText('raw', 'c.csv', toCsv([['region', 'x'], ['north', '1']]));
		await expect(batchScore(storage, model, { zone: 'raw', name: 'c.csv' })).rejects.toThrow(/The input has no column "credit_utilization"/);
	});

	it('round-trips: the generated CSV reads back into the same table', async () => {
		const t = generateDelinquencyTable(50, 3);
		const back = await readCsvTable(tableToCsv(t), DELINQUENCY_SCHEMA.map((c) => ({ ...c })));
		expect(Array.from(back.target.values)).toEqual(Array.from(t.target.values));
	});

	it('refuses a badly formed pipeline date', async () => {
		const { storage, model } = await setup();
		expect(() => runDailyJob(storage, model, '2026-13-45')).toThrow('"2026-13-45" is not a date like 2026-11-25.');
	});
});
