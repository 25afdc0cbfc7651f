// The Monitoring page's loop as the worker and the CLI run it: retrain on the latest daily files,
// compare with the champion, register the challenger with its alias; then promote, moving the chosen
// endpoints' traffic in the same transaction as the aliases.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deployVersion } from '../../../src/lib/app/deploy-version';
import { endpointsToShift, promoteChallenger } from '../../../src/lib/app/promote-challenger';
import { retrainChallenger } from '../../../src/lib/app/retrain-challenger';
import { loadEndpoint } from '../../../src/lib/db/endpoint-store';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { listRuns, logRun } from '../../../src/lib/db/run-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { rawFileName } from '../../../src/lib/lab/daily-files';
import { DEFAULT_SIMULATION, simulateDays } from '../../../src/lib/lab/simulated-days';
import { tableToCsv } from '../../../src/lib/ml/csv-read';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, MODEL_NAME, trainModel } from '../../../src/lib/ml/train-model';

const champion = trainModel(generateDelinquencyTable(1500, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
const now = new Date(Date.UTC(2026, 10, 30, 9, 0));
let n = 0;

/** A champion on an endpoint (blue, 100 %) and `days` daily raw files starting 2026-11-01. */
async function lab(days: number) {
	const db = await openPrepLabDb({}, `retrain-${n++}`);
	const storage = { datastore: idbDatastore(db), registry: idbRegistry(db) };
	await storage.registry.register(champion.draft, {}, champion.test, ['champion']);
	for (const day of simulateDays({ ...DEFAULT_SIMULATION, days, rowsPerDay: 600, suddenShiftDay: null, startDate: '2026-11-01' })) {
		await storage.datastore.writeText('raw', rawFileName(day.date), tableToCsv(generateDelinquencyTable(day.rows, day.seed, day.options)));
	}
	await deployVersion(db, { endpoint: 'credit-risk', create: true, deployment: 'blue', modelName: MODEL_NAME, modelVersion: 1, allTraffic: true }, now, seededRandom(1));
	return { db, storage };
}

describe('retrainChallenger', () => {
	it('trains on the latest days, compares with the champion on the same holdout, and registers the challenger with its alias and run', async () => {
		const { db, storage } = await lab(4);
		const stages = new Set<string>();
		const { challenger, comparison } = await retrainChallenger(storage, { modelName: MODEL_NAME, days: 3 }, { now: () => now, onProgress: (stage) => stages.add(stage), logRun: (run) => logRun(db, run) });
		expect(comparison.days).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
		expect(comparison.championVersion).toBe(1);
		expect(comparison.rows).toBe(challenger.metrics.testRows);
		expect(comparison.challenger.rocAuc).toBeCloseTo(challenger.metrics.rocAuc, 12);
		expect(challenger).toMatchObject({ version: 2, description: 'Challenger retrained on 3 days (2026-11-02 to 2026-11-04)' });
		expect(challenger.tags).toEqual({ data: 'raw/accounts_<date>.csv, 2026-11-02 to 2026-11-04 (3 files)', role: 'challenger' });
		expect(await storage.registry.aliases(MODEL_NAME)).toEqual({ champion: 1, challenger: 2 });
		expect(await storage.registry.heldOut(MODEL_NAME, 2)).toBeDefined();
		expect([...stages]).toEqual(expect.arrayContaining(['reading', 'fitting']));
		const [run] = await listRuns(db);
		expect(run).toMatchObject({ experiment: 'train', status: 'finished', modelVersion: 2, params: { dataFile: 'accounts_2026-11-02_to_2026-11-04.csv' } });
	});

	it('compares with the monitored version when there is no champion, and refuses without days or a version to compare', async () => {
		const { storage } = await lab(2);
		await storage.registry.setAlias(MODEL_NAME, 'champion', null);
		await expect(retrainChallenger(storage, { modelName: MODEL_NAME, days: 2 })).rejects.toThrow('There is no champion to compare with: name one on the Models page, or register a version.');
		expect((await retrainChallenger(storage, { modelName: MODEL_NAME, days: 2, fallbackChampion: 1 })).comparison.championVersion).toBe(1);
		await expect(retrainChallenger(storage, { modelName: MODEL_NAME, days: 0 })).rejects.toThrow('Days to train on must be a whole number from 1 to 90.');
		for (const f of await storage.datastore.list('raw')) await storage.datastore.delete('raw', f.name);
		await expect(retrainChallenger(storage, { modelName: MODEL_NAME, days: 2, fallbackChampion: 1 })).rejects.toThrow('There are no daily files in raw/ yet: run the pipeline first.');
	});
});

describe('promoteChallenger', () => {
	it('makes the challenger champion and moves the chosen endpoints to it, keeping the old deployment at 0 %', async () => {
		const { db, storage } = await lab(2);
		const { challenger } = await retrainChallenger(storage, { modelName: MODEL_NAME, days: 2 });
		expect(await endpointsToShift(db)).toEqual(['credit-risk']);
		const shifted = await promoteChallenger(db, { modelName: MODEL_NAME, version: challenger.version, endpoints: ['credit-risk'] }, now);
		expect(shifted).toEqual(['credit-risk: deployment "green" (added) now serves v2 with 100 % of live traffic; "blue" stays at 0 % for a rollback.']);
		expect(await storage.registry.aliases(MODEL_NAME)).toEqual({ champion: 2 });
		expect((await loadEndpoint(db, 'credit-risk'))!.traffic).toEqual({ blue: 0, green: 100 });
	});

	it('changes nothing when one chosen endpoint is gone: aliases and the other endpoints stay as they were', async () => {
		const { db, storage } = await lab(2);
		const { challenger } = await retrainChallenger(storage, { modelName: MODEL_NAME, days: 2 });
		await expect(promoteChallenger(db, { modelName: MODEL_NAME, version: challenger.version, endpoints: ['credit-risk', 'deleted-meanwhile'] }, now)).rejects.toThrow('There is no endpoint named "deleted-meanwhile".');
		expect(await storage.registry.aliases(MODEL_NAME)).toEqual({ champion: 1, challenger: 2 });
		expect((await loadEndpoint(db, 'credit-risk'))!.traffic).toEqual({ blue: 100 });
		await expect(promoteChallenger(db, { modelName: MODEL_NAME, version: 9, endpoints: [] }, now)).rejects.toThrow('Version 9 of model "delinquency" does not exist.');
		expect(await storage.registry.aliases(MODEL_NAME)).toEqual({ champion: 1, challenger: 2 });
	});
});
