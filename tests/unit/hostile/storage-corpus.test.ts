// Hostile records and actions against the browser's storage: records a page cannot show are
// skipped and named (never a TypeError), colliding upload names never lose a file, requests to
// unknown endpoints cannot grow the log, and a version serving traffic is not deleted unasked.
// Each case proves the stores it must not touch are unchanged.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteModelVersion, VersionInUseError } from '../../../src/lib/app/delete-model-version';
import { readableVersions } from '../../../src/lib/app/model-versions';
import { skippedMessage } from '../../../src/lib/app/skipped-records';
import { fromTaggedJson } from '../../../src/lib/backup/tagged-json';
import { backupToBlob } from '../../../src/lib/backup/backup-file';
import { exportBackup } from '../../../src/lib/db/backup-store';
import { addEndpoint, listEndpoints, logEndpointRequest, unknownEndpointRequests } from '../../../src/lib/db/endpoint-store';
import { listExamAttempts } from '../../../src/lib/db/exam-store';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { allReviewLogs } from '../../../src/lib/db/review-store';
import { listRuns } from '../../../src/lib/db/run-store';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { addDeployment, createEndpoint } from '../../../src/lib/lab/online-endpoint';
import { uploadNames } from '../../../src/lib/lab/upload-names';
import { seededRandom } from '../../../src/lib/ml/random';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { badText } from './corpus';

const t0 = new Date('2026-11-25T09:00:00Z');
let n = 0;
const snapshot = async (db: PrepLabDb) => (await backupToBlob(await exportBackup(db, t0))).text();

describe('records in IndexedDB that pages cannot show', () => {
	it('idb-unreadable-records.json: every list skips and names the bad records, shows the rest, and changes nothing', async () => {
		const db = await openPrepLabDb({}, `hostile-storage-${n++}`);
		const records = fromTaggedJson(badText('idb-unreadable-records.json')) as Record<string, unknown[]>;
		for (const [store, list] of Object.entries(records)) for (const r of list) await db.put(store as never, r as never);
		const before = await snapshot(db);

		const skipped: string[] = [];
		expect((await listRuns(db, skipped)).map((r) => r.id)).toEqual([15, 13]);
		expect((await listEndpoints(db, skipped)).map((e) => e.name)).toEqual(['created-null']);
		const models = await readableVersions(idbRegistry(db), 'delinquency');
		expect(models.versions.map((v) => v.version)).toEqual([2, 1]);
		skipped.push(...models.broken.map((b) => b.message));
		expect((await listExamAttempts(db, skipped)).map((a) => a.id)).toEqual([1]);
		expect((await allReviewLogs(db, skipped)).map((l) => l.cardId)).toEqual(['dp100/a']);
		expect(skippedMessage(skipped)).toBe(
			'5 records could not be read and are not shown: run 14 ("metrics" has "auc" that is not a number); endpoint "no-deployments-list" ("deployments" is missing or has the wrong type); ' +
				'Model delinquency:3: "formatVersion" must be a whole number from 1, not nothing; practice exam 2 ("startedAt" is missing or has the wrong type); review 2 ("grade" is missing or has the wrong type). ' +
				'Restore a backup or delete them to clear this message.'
		);
		expect(await snapshot(db)).toBe(before);
	});
});

describe('uploads whose cleaned names collide', () => {
	it('dup name.csv, dup_name.csv and dup(name).csv are stored under three names, each named once', async () => {
		const db = await openPrepLabDb({}, `hostile-storage-${n++}`);
		const datastore = idbDatastore(db, () => t0, async () => ({}));
		await datastore.writeText('raw', 'keep.csv', 'a\n1\n');
		const files = ['dup name.csv', 'dup_name.csv', 'dup(name).csv'];
		const names = uploadNames(files, new Set((await datastore.list('raw')).map((f) => f.name)));
		for (const [i, { name }] of names.entries()) await datastore.writeText('raw', name, `file ${i}\n`);
		const stored = await datastore.list('raw');
		expect(stored.map((f) => f.name)).toEqual(['dup_name_.csv', 'dup_name-2.csv', 'dup_name.csv', 'keep.csv']);
		// Every upload is still there with its own contents, and the untouched file is unchanged.
		expect(await Promise.all(names.map((x) => datastore.readText('raw', x.name)))).toEqual(['file 0\n', 'file 1\n', 'file 2\n']);
		expect(await datastore.readText('raw', 'keep.csv')).toBe('a\n1\n');
		const notices = names.filter((x) => x.renamed).map((x) => `"${x.original}" is stored as raw/${x.name}.`);
		expect(notices).toEqual(['"dup name.csv" is stored as raw/dup_name-2.csv.', '"dup(name).csv" is stored as raw/dup_name_.csv.']);
	});
});

describe('the endpoint request log', () => {
	it('3,000 requests to endpoints that do not exist add nothing to the log, only a counter', async () => {
		const db = await openPrepLabDb({}, `hostile-storage-${n++}`);
		await addEndpoint(db, createEndpoint('credit-risk', seededRandom(1), t0));
		for (let i = 0; i < 39; i++) await logEndpointRequest(db, { endpoint: 'credit-risk', at: t0, status: 200, latencyMs: 1, records: 1 });
		const endpointsBefore = await listEndpoints(db);
		for (let i = 0; i < 3000; i++) await logEndpointRequest(db, { endpoint: `ghost-${i % 7}`, at: t0, status: 404, latencyMs: 1, records: 0, error: 'no such endpoint' });
		expect(await db.count('endpointRequests')).toBe(39);
		expect((await unknownEndpointRequests(db))?.count).toBe(3000);
		expect(await listEndpoints(db)).toEqual(endpointsBefore);
	}, 60_000);
});

describe('deleting a version that serves all of an endpoint\'s traffic', () => {
	it('is refused, naming the endpoint, and changes nothing until the learner confirms', async () => {
		const db = await openPrepLabDb({}, `hostile-storage-${n++}`);
		const { draft, test } = trainModel(generateDelinquencyTable(300, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
		await idbRegistry(db).register(draft, {}, test);
		await addEndpoint(db, addDeployment(createEndpoint('credit-risk', seededRandom(1), t0), { name: 'blue', modelName: 'delinquency', modelVersion: 1 }, t0));
		const before = await snapshot(db);
		const e = await deleteModelVersion(db, 'delinquency', 1, t0).catch((err: unknown) => err);
		expect(e).toBeInstanceOf(VersionInUseError);
		expect((e as Error).message).toContain('endpoint "credit-risk" (100 % of live traffic)');
		expect(await snapshot(db)).toBe(before);
	});
});
