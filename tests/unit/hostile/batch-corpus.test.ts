// Batch scoring of the corpus's bad inputs, in the browser's storage (fake-indexeddb) and through the
// CLI on a folder: a failed run names its problem, writes no predictions and changes nothing but
// the run log; a run within error_threshold scores the good rows and logs each bad one.
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeError, main } from '../../../src/cli/main';
import { BACKUP_STORES } from '../../../src/lib/backup/backup-format';
import { backupToBlob } from '../../../src/lib/backup/backup-file';
import { exportBackup } from '../../../src/lib/db/backup-store';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { batchScore, BatchRunFailed, DEFAULT_BATCH_SETTINGS, RUN_LOG } from '../../../src/lib/lab/batch-score';
import type { LabStorage } from '../../../src/lib/lab/storage';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import type { ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { BAD_DIR, badBlob, rejection } from './corpus';

const t0 = new Date('2026-11-25T09:00:00Z');
let n = 0;
let model: ModelVersion;
beforeAll(() => {
	model = { ...trainModel(generateDelinquencyTable(500, 2), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft, version: 1, description: '', tags: {} };
});

/** A database holding the model and the corpus file in raw/. */
async function labWith(file: string): Promise<{ db: PrepLabDb; storage: LabStorage }> {
	const db = await openPrepLabDb({}, `hostile-batch-${n++}`);
	const storage = { datastore: idbDatastore(db, () => t0), registry: idbRegistry(db) };
	await storage.registry.register(model);
	await storage.datastore.writeBlob('raw', file, badBlob(file));
	return { db, storage };
}

/** Every store except files, and the files outside logs/: what a failed run must not touch. */
async function untouchedByRun(db: PrepLabDb) {
	const backup = await exportBackup(db, t0);
	backup.stores.files = backup.stores.files.filter((f) => f.zone !== 'logs');
	return (await backupToBlob(backup)).text();
}

async function failedRun(file: string, errorThreshold: number) {
	const { db, storage } = await labWith(file);
	const before = await untouchedByRun(db);
	const e = await rejection(batchScore(storage, model, { zone: 'raw', name: file }, { ...DEFAULT_BATCH_SETTINGS, errorThreshold }, { now: () => t0 }));
	expect(e).toBeInstanceOf(BatchRunFailed);
	expect(await untouchedByRun(db)).toBe(before);
	expect(await storage.datastore.list('curated')).toEqual([]);
	expect(await storage.datastore.readText('logs', RUN_LOG)).toContain(`,raw/${file},,`);
	return { message: e.message, storage };
}

describe('batch scoring bad input in the browser storage', () => {
	it('batch-bad-rows.csv past error_threshold 1: fails naming the first row, writes no predictions', async () => {
		const { message } = await failedRun('batch-bad-rows.csv', 1);
		expect(message).toBe('2 rows failed, more than error_threshold 1. First problem: row 5: "credit_utilization" must be a number');
	});

	it('batch-bad-rows.csv with no threshold: scores the 27 good rows and logs each bad one with row and column', async () => {
		const { storage } = await labWith('batch-bad-rows.csv');
		const run = await batchScore(storage, model, { zone: 'raw', name: 'batch-bad-rows.csv' }, DEFAULT_BATCH_SETTINGS, { now: () => t0 });
		expect(run).toMatchObject({ status: 'succeeded', rowsIn: 30, rowsOut: 27, rowsFailed: 3, output: 'curated/batch-bad-rows_predictions.csv' });
		expect((await storage.datastore.readText('curated', 'batch-bad-rows_predictions.csv')).trim().split('\n')).toHaveLength(28);
		expect(await storage.datastore.readText('logs', `${run.runId}_errors.csv`)).toBe(
			'row,column,message\n5,credit_utilization,"""credit_utilization"" must be a number"\n9,,has 4 fields; the header has 10\n13,annual_income,"""annual_income"" must be a number"\n'
		);
	});

	it.each([
		['batch-missing-column.csv', 'The input has no column "annual_income", which model version 1 needs.'],
		['batch-has-prediction-column.csv', 'The input already has a column "prediction"; rename it before scoring.'],
		['csv-binary-renamed.csv', 'The file could not be read as text: it is not UTF-8 text: it is a PNG image, not a CSV file.'],
		['csv-empty.csv', 'The file is empty: it has no header row.'],
		['csv-unterminated-quote.csv', 'The input has no column "days_past_due_12m", "num_open_accounts", "annual_income", "debt_to_income", "months_on_book", "payment_to_balance", which model version 1 needs.']
	])('%s fails with a clear message and changes nothing but the run log', async (file, message) => {
		expect((await failedRun(file, -1)).message).toBe(message);
	});

	it('every store other than files is unchanged by a failed run', async () => {
		const { db, storage } = await labWith('batch-bad-rows.csv');
		const stores = BACKUP_STORES.filter((s) => s !== 'files');
		const before = await Promise.all(stores.map((s) => db.getAll(s)));
		await rejection(batchScore(storage, model, { zone: 'raw', name: 'batch-bad-rows.csv' }, { ...DEFAULT_BATCH_SETTINGS, errorThreshold: 0 }));
		expect(await Promise.all(stores.map((s) => db.getAll(s)))).toEqual(before);
	});
});

describe('CLI score on bad input leaves the lab folder as it was', () => {
	const dir = mkdtempSync(join(tmpdir(), 'prep-lab-hostile-batch-'));
	const root = join(dir, 'lab');
	const listing = () => readdirSync(root, { recursive: true, encoding: 'utf8' }).map((p) => `${p} ${statSync(join(root, p)).size}`).sort();
	const run = async (args: string[]) => main(args, () => {}).then(() => 'no error', (e: unknown) => describeError(e));

	beforeAll(async () => {
		await run(['generate', '--rows', '400', '--seed', '4', '--out', join(dir, 'train.csv')]);
		expect(await run(['train', '--data', join(dir, 'train.csv'), '--root', root])).toBe('no error');
		mkdirSync(join(root, 'curated'), { recursive: true });
	});

	it.each([
		['batch-bad-rows.csv', ['--error-threshold', '0'], '1 row failed, more than error_threshold 0. First problem: row 5: "credit_utilization" must be a number'],
		['batch-missing-column.csv', [], 'The input has no column "annual_income", which model version 1 needs.'],
		['csv-ragged-rows.csv', [], /^The input has no column "days_past_due_12m"/]
	] as const)('%s', async (file, extra, message) => {
		const before = listing();
		const said = await run(['score', '--root', root, '--data', join(BAD_DIR, file), '--out', join(root, 'curated', 'out.csv'), ...extra]);
		if (typeof message === 'string') expect(said).toBe(message);
		else expect(said).toMatch(message);
		expect(listing()).toEqual(before);
	});
});
