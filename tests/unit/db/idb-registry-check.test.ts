// Versions stored in IndexedDB are checked when read back, as the pages, the lab worker and the service
// worker's endpoint read them: a hand-edited record is named and never scored; the others still work.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { sampleRecords } from '../../../src/lib/lab/endpoint-console';
import { monitorDays, type SkippedDay } from '../../../src/lib/lab/monitoring';
import { addDeployment, createEndpoint, handleScore } from '../../../src/lib/lab/online-endpoint';
import { resolveVersion } from '../../../src/lib/lab/registry';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { ModelArtifactError } from '../../../src/lib/ml/model-check';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { badBytes } from '../hostile/corpus';

const draft = trainModel(generateDelinquencyTable(500, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
const now = new Date(Date.UTC(2026, 10, 30));
let n = 0;

/** Versions 1 and 2, then version 2 edited in the store to hold a weight of null. */
async function withEditedVersion() {
	const db = await openPrepLabDb({}, `registry-check-${n++}`);
	const registry = idbRegistry(db);
	await registry.register(draft, {}, undefined);
	await registry.register(draft, {}, undefined);
	const record = (await db.get('models', ['delinquency', 2]))!;
	await db.put('models', { ...record, weights: record.weights.map((w, j) => (j === 2 ? (null as unknown as number) : w)) });
	return { db, registry };
}

const MESSAGE = 'Model delinquency:2: "weights[2]" must be a finite number, not null.';

describe('the IndexedDB registry', () => {
	it('lists the good versions, names the broken one, and refuses to hand it out', async () => {
		const { registry } = await withEditedVersion();
		expect((await registry.list('delinquency')).map((v) => v.version)).toEqual([1]);
		expect(await registry.broken('delinquency')).toEqual([{ version: 2, message: MESSAGE }]);
		await expect(registry.get('delinquency', 2)).rejects.toThrow(ModelArtifactError);
		await expect(resolveVersion(registry, 'delinquency', 'latest')).rejects.toThrow(MESSAGE);
		expect((await resolveVersion(registry, 'delinquency', 1)).version).toBe(1);
	});

	it('an endpoint serving the broken version answers 503 with the reason, not 200 with probability null', async () => {
		const { registry } = await withEditedVersion();
		const endpoint = addDeployment(createEndpoint('credit-risk', seededRandom(1), now), { name: 'blue', modelName: 'delinquency', modelVersion: 2 }, now);
		const outcome = await handleScore(
			{ endpointName: 'credit-risk', authorization: `Bearer ${endpoint.keys.primary}`, deploymentHeader: null, body: JSON.stringify(sampleRecords(1, 5)) },
			{ endpoint, loadModel: (name, v) => registry.get(name, v), random: seededRandom(2), now }
		);
		expect(outcome.status).toBe(503);
		expect(outcome.body).toEqual({ error: { code: expect.any(String), message: `Deployment "blue" serves delinquency:2, which cannot be used: ${MESSAGE}` } });
	});

	it('refuses a threshold tag that is not a probability when it is saved, and keeps the old tags', async () => {
		const db = await openPrepLabDb({}, `registry-check-${n++}`);
		const registry = idbRegistry(db);
		await registry.register(draft, { tags: { stage: 'dev' } });
		await expect(registry.updateMeta('delinquency', 1, { tags: { threshold: 'abc' } })).rejects.toThrow('Model delinquency:1: "tags.threshold" must be a probability between 0 and 1, not "abc".');
		expect((await registry.get('delinquency', 1))!.tags).toEqual({ stage: 'dev' });
	});
});

describe('monitoring in the browser datastore', () => {
	it('skips and names predictions-truncated.csv; the other days are reported', async () => {
		const db = await openPrepLabDb({}, `registry-check-${n++}`);
		const datastore = idbDatastore(db);
		const good = new TextDecoder().decode(badBytes('predictions-truncated.csv')).split('\n').slice(0, 3).join('\n');
		await datastore.writeText('curated', 'accounts_2026-12-01_predictions.csv', `${good}\n`);
		await datastore.writeBlob('curated', 'accounts_2026-12-02_predictions.csv', new Blob([new Uint8Array(badBytes('predictions-truncated.csv'))]));
		const skipped: SkippedDay[] = [];
		const reports = await monitorDays({ datastore, registry: idbRegistry(db) }, draft, null, { onSkipped: (d) => skipped.push(d) });
		expect(reports.map((r) => [r.date, r.rows])).toEqual([['2026-12-01', 2]]);
		expect(skipped).toEqual([
			{ date: '2026-12-02', file: 'curated/accounts_2026-12-02_predictions.csv', message: 'Row 4: a quoted field is never closed (a " has no matching "), so the rest of the file would be read as one value.' }
		]);
	});
});
