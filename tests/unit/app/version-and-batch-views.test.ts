// The Models page's edits and the Batch page's reads, through the application layer.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fileBlob, readBatchJobView, readErrorRows } from '../../../src/lib/app/batch-job-view';
import { formatTags, parseTags, saveVersionMeta, setVersionAlias } from '../../../src/lib/app/edit-version';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { batchScore, DEFAULT_BATCH_SETTINGS } from '../../../src/lib/lab/batch-score';
import { tableToCsv } from '../../../src/lib/ml/csv-read';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, MODEL_NAME, trainModel } from '../../../src/lib/ml/train-model';

const draft = trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
let n = 0;

async function setup() {
	const db = await openPrepLabDb({}, `views-${n++}`);
	const storage = { datastore: idbDatastore(db), registry: idbRegistry(db) };
	await storage.registry.register(draft);
	return storage;
}

describe('editing a version', () => {
	it('saves description and typed tags, and refuses a malformed tag without saving anything', async () => {
		const { registry } = await setup();
		const saved = await saveVersionMeta(registry, MODEL_NAME, 1, 'first try', 'owner=risk, data = raw/x.csv');
		expect(saved.tags).toEqual({ owner: 'risk', data: 'raw/x.csv' });
		expect(formatTags(saved.tags)).toBe('owner=risk, data=raw/x.csv');
		await expect(saveVersionMeta(registry, MODEL_NAME, 1, 'changed', 'owner')).rejects.toThrow('Tag "owner" needs the form key=value.');
		expect((await registry.get(MODEL_NAME, 1))!.description).toBe('first try');
		expect(Object.keys(parseTags('__proto__=x'))).toEqual(['__proto__']);
	});

	it('points and removes aliases', async () => {
		const { registry } = await setup();
		await setVersionAlias(registry, MODEL_NAME, 'champion', 1);
		expect(await registry.aliases(MODEL_NAME)).toEqual({ champion: 1 });
		await setVersionAlias(registry, MODEL_NAME, 'champion', null);
		expect(await registry.aliases(MODEL_NAME)).toEqual({});
	});
});

describe('the batch page view', () => {
	it('lists CSV inputs, versions and the run log (none before the first job), and reads a job’s first errors', async () => {
		const storage = await setup();
		const csv = tableToCsv(generateDelinquencyTable(50, 3));
		await storage.datastore.writeText('raw', 'day.csv', csv);
		await storage.datastore.writeText('raw', 'notes.txt', 'not a csv');
		await storage.datastore.writeText('curated', 'bad.csv', `${csv.trim()}\nA9,1,2\n`);
		let view = await readBatchJobView(storage, MODEL_NAME);
		expect(view.inputs.map((f) => `${f.zone}/${f.name}`)).toEqual(['raw/day.csv', 'curated/bad.csv']);
		expect(view.versions.map((v) => v.version)).toEqual([1]);
		expect(view.runLog).toEqual([]);
		const model = (await storage.registry.get(MODEL_NAME, 1))!;
		const run = await batchScore(storage, model, { zone: 'curated', name: 'bad.csv' }, DEFAULT_BATCH_SETTINGS);
		view = await readBatchJobView(storage, MODEL_NAME);
		expect(view.runLog.map((r) => r.runId)).toEqual([run.runId]);
		const errors = await readErrorRows(storage.datastore, run.runId, 20);
		expect(errors).toHaveLength(1);
		expect(errors[0]!.message).toContain('has 3 fields');
		expect(await readErrorRows(storage.datastore, 'no-such-run', 20)).toEqual([]);
		expect(await (await fileBlob(storage.datastore, 'raw', 'day.csv')).text()).toBe(csv);
	});
});
