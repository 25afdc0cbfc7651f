// The service worker's memory of endpoints and models: kept between requests, and read again after
// every workflow that changes what an endpoint answers, whichever tab or worker made the change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { changeEndpoint, createNewEndpoint } from '../../../src/lib/app/change-endpoint';
import { deleteModelVersion } from '../../../src/lib/app/delete-model-version';
import { deployVersion } from '../../../src/lib/app/deploy-version';
import { exportBackupFile } from '../../../src/lib/app/export-backup';
import { mergeBackup } from '../../../src/lib/app/merge-backup';
import { promoteChallenger } from '../../../src/lib/app/promote-challenger';
import { deleteAllData, replaceWithBackup } from '../../../src/lib/app/restore-backup';
import { readBackupFile } from '../../../src/lib/backup/backup-file';
import { exportBackup } from '../../../src/lib/db/backup-store';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { servingCache } from '../../../src/lib/db/serving-cache';
import { SERVING_VERSION_KEY } from '../../../src/lib/db/serving-version';
import { setTraffic } from '../../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, MODEL_NAME, trainModel } from '../../../src/lib/ml/train-model';

const draft = (seed: number) => trainModel(generateDelinquencyTable(300, seed), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
const now = new Date(Date.UTC(2026, 10, 30, 9, 0));
let n = 0;

/** A database with versions 1 and 2 and endpoint "risk" serving v1 as "blue"; a cache that has read both. */
async function setup(name = `serving-cache-${n++}`) {
	const db = await openPrepLabDb({}, name);
	const registry = idbRegistry(db);
	await registry.register(draft(1));
	await registry.register(draft(2));
	await createNewEndpoint(db, 'risk', seededRandom(1), now);
	await deployVersion(db, { endpoint: 'risk', create: false, deployment: 'blue', modelName: MODEL_NAME, modelVersion: 1, allTraffic: true }, now, seededRandom(2));
	const cache = servingCache(db);
	await cache.refresh();
	expect((await cache.endpoint('risk'))?.deployments.map((d) => d.name)).toEqual(['blue']);
	expect((await cache.model(MODEL_NAME, 1))?.version).toBe(1);
	return { db, registry, cache };
}

/** What the next request would see. */
async function next(cache: ReturnType<typeof servingCache>) {
	await cache.refresh();
	const endpoint = await cache.endpoint('risk');
	return { deployments: endpoint?.deployments.map((d) => `${d.name}:${d.modelVersion}`), traffic: endpoint?.traffic, keys: endpoint?.keys };
}

async function backupOf(db: PrepLabDb) {
	return readBackupFile(new File([await (await exportBackupFile(db, now)).blob.text()], 'backup.json'));
}

describe('the service worker serving cache', () => {
	it('reads an endpoint and a model once, not on every request', async () => {
		const { db, cache } = await setup();
		// A write that bypasses the workflows (no serving version) is not seen: the memory is used.
		await db.put('endpoints', { ...(await db.get('endpoints', 'risk'))!, traffic: {} });
		expect((await next(cache)).traffic).toEqual({ blue: 100 });
		await db.delete('models', [MODEL_NAME, 1]);
		await cache.refresh();
		expect((await cache.model(MODEL_NAME, 1))?.version).toBe(1);
	});

	it('sees a traffic change, a new deployment, a regenerated key and a deleted endpoint at the next request', async () => {
		const { db, cache } = await setup();
		await deployVersion(db, { endpoint: 'risk', create: false, deployment: 'green', modelName: MODEL_NAME, modelVersion: 2, allTraffic: false }, now, seededRandom(3));
		expect((await next(cache)).deployments).toEqual(['blue:1', 'green:2']);
		await changeEndpoint(db, 'risk', (e) => setTraffic(e, { blue: 10, green: 90 }, now));
		expect((await next(cache)).traffic).toEqual({ blue: 10, green: 90 });
		await changeEndpoint(db, 'risk', (e) => ({ ...e, keys: { ...e.keys, primary: 'new-key' } }));
		expect((await next(cache)).keys?.primary).toBe('new-key');
		await db.delete('endpoints', 'risk');
		await createNewEndpoint(db, 'other', seededRandom(4), now);
		expect((await next(cache)).deployments).toBeUndefined();
	});

	it('sees a deleted version, a promotion and a version number registered again', async () => {
		const { db, registry, cache } = await setup();
		await deleteModelVersion(db, MODEL_NAME, 1, now, ['risk']);
		await cache.refresh();
		expect(await cache.model(MODEL_NAME, 1)).toBeUndefined();
		expect((await next(cache)).deployments).toEqual([]);
		await promoteChallenger(db, { modelName: MODEL_NAME, version: 2, endpoints: ['risk'] }, now);
		const promoted = await next(cache);
		expect(promoted.deployments).toHaveLength(1);
		expect(promoted.deployments![0]).toMatch(/:2$/);
		expect(Object.values(promoted.traffic!)).toEqual([100]);
		await registry.delete(MODEL_NAME, 2);
		await cache.refresh();
		expect(await cache.model(MODEL_NAME, 2)).toBeUndefined();
		const again = await registry.register(draft(9), { description: 'registered again' });
		// Both versions are gone, so the number 1, remembered as missing, is given again.
		expect(again.version).toBe(1);
		await cache.refresh();
		expect((await cache.model(MODEL_NAME, 1))?.description).toBe('registered again');
	});

	it('sees a restored backup, a merged one and deleted data; the serving version never travels in a backup', async () => {
		const { db, cache } = await setup();
		const other = await setup();
		await changeEndpoint(other.db, 'risk', (e) => ({ ...e, keys: { ...e.keys, primary: 'from-the-backup' } }));
		await other.registry.updateMeta(MODEL_NAME, 1, { description: 'the other device' });
		const backup = await exportBackup(other.db, now);
		expect(backup.stores.settings.map((r) => r.key)).not.toContain(SERVING_VERSION_KEY);
		await replaceWithBackup(db, await backupOf(other.db));
		expect((await next(cache)).keys?.primary).toBe('from-the-backup');
		expect((await cache.model(MODEL_NAME, 1))?.description).toBe('the other device');
		// A merge adds the other device's versions under new numbers.
		const third = await setup();
		await third.registry.register(draft(5), { description: 'third device' });
		await cache.refresh();
		expect(await cache.model(MODEL_NAME, 4)).toBeUndefined();
		await mergeBackup(db, await backupOf(third.db), [], now);
		await cache.refresh();
		expect((await cache.model(MODEL_NAME, 4))?.version).toBe(4);
		await deleteAllData(db);
		expect((await next(cache)).deployments).toBeUndefined();
	});
});
