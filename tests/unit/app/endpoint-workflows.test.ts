// The Endpoints page's reads and changes, through the application layer.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { changeEndpoint, createNewEndpoint, deployReference, removeEndpoint } from '../../../src/lib/app/change-endpoint';
import { clearRequestLog, readEndpoints, readRequestLog } from '../../../src/lib/app/endpoint-view';
import { logEndpointRequest } from '../../../src/lib/db/endpoint-store';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { setTraffic } from '../../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, MODEL_NAME, trainModel } from '../../../src/lib/ml/train-model';

const draft = trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
const now = new Date(Date.UTC(2026, 10, 30, 9, 0));
let n = 0;

async function setup() {
	const db = await openPrepLabDb({}, `endpoint-workflows-${n++}`);
	const registry = idbRegistry(db);
	await registry.register(draft, {}, undefined, ['champion']);
	await registry.register(draft);
	return { db, registry };
}

describe('endpoint workflows', () => {
	it('creates endpoints (refusing a taken name), lists them by name with the versions, and deploys by alias', async () => {
		const { db, registry } = await setup();
		await createNewEndpoint(db, ' zeta ', seededRandom(1), now);
		await createNewEndpoint(db, 'alpha', seededRandom(2), now);
		await expect(createNewEndpoint(db, 'alpha', seededRandom(3), now)).rejects.toThrow('An endpoint named "alpha" already exists.');
		const version = await deployReference(db, registry, { endpoint: 'alpha', deployment: ' blue ', modelName: MODEL_NAME, versionRef: 'champion' }, now);
		expect(version.version).toBe(1);
		const view = await readEndpoints(db, registry, MODEL_NAME);
		expect(view.endpoints.map((e) => e.name)).toEqual(['alpha', 'zeta']);
		expect(view.endpoints[0]!.deployments).toMatchObject([{ name: 'blue', modelVersion: 1 }]);
		expect(view.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(view.aliases).toEqual({ champion: 1 });
		expect(view.skipped).toEqual([]);
		await expect(deployReference(db, registry, { endpoint: 'alpha', deployment: 'green', modelName: MODEL_NAME, versionRef: 'challenger' }, now)).rejects.toThrow('Alias "challenger" of model "delinquency" does not exist.');
	});

	it('writes nothing when a change breaks a rule, and deletes an endpoint with its request log', async () => {
		const { db, registry } = await setup();
		await createNewEndpoint(db, 'credit-risk', seededRandom(1), now);
		await deployReference(db, registry, { endpoint: 'credit-risk', deployment: 'blue', modelName: MODEL_NAME, versionRef: '1' }, now);
		await expect(changeEndpoint(db, 'credit-risk', (e) => setTraffic(e, { blue: 60 }, now))).rejects.toThrow();
		expect((await readEndpoints(db, registry, MODEL_NAME)).endpoints[0]!.traffic).toEqual({ blue: 100 });
		await logEndpointRequest(db, { endpoint: 'credit-risk', at: now, status: 200, latencyMs: 3, records: 1, deployment: 'blue', modelVersion: 1 });
		expect((await readRequestLog(db, 'credit-risk', 10)).requests).toHaveLength(1);
		await clearRequestLog(db, 'credit-risk');
		expect((await readRequestLog(db, 'credit-risk', 10)).requests).toEqual([]);
		await logEndpointRequest(db, { endpoint: 'credit-risk', at: now, status: 200, latencyMs: 3, records: 1 });
		await removeEndpoint(db, 'credit-risk');
		expect((await readEndpoints(db, registry, MODEL_NAME)).endpoints).toEqual([]);
		expect((await readRequestLog(db, 'credit-risk', 10)).requests).toEqual([]);
	});

	it('names unreadable endpoints and requests instead of failing the page', async () => {
		const { db, registry } = await setup();
		await db.put('endpoints', { name: 'broken' } as never);
		await db.add('endpointRequests', { endpoint: 'broken', at: 'yesterday' } as never);
		const view = await readEndpoints(db, registry, MODEL_NAME);
		expect(view.endpoints).toEqual([]);
		expect(view.skipped).toHaveLength(1);
		expect(view.skipped[0]).toContain('broken');
		const log = await readRequestLog(db, 'broken', 10);
		expect(log.requests).toEqual([]);
		expect(log.skipped).toHaveLength(1);
	});
});
