import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../src/lib/db/backup-store';
import {
	addEndpoint,
	clearEndpointRequests,
	deleteEndpoint,
	listEndpointRequests,
	listEndpoints,
	loadEndpoint,
	logEndpointRequest,
	unknownEndpointRequests,
	updateEndpoint
} from '../../../src/lib/db/endpoint-store';
import { openPrepLabDb, type StoredEndpointRequest } from '../../../src/lib/db/schema';
import { addDeployment, createEndpoint, setTraffic } from '../../../src/lib/lab/online-endpoint';
import { seededRandom } from '../../../src/lib/ml/random';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `endpoint-store-${++dbCount}`);
const now = new Date(Date.UTC(2026, 10, 25, 9, 0));
const endpoint = (name = 'credit-risk') => addDeployment(createEndpoint(name, seededRandom(1), now), { name: 'blue', modelName: 'delinquency', modelVersion: 1 }, now);
const request = (name: string, status: number, latencyMs: number): Omit<StoredEndpointRequest, 'id'> => ({ endpoint: name, at: now, status, latencyMs, records: 1, deployment: 'blue' });

describe('endpoint store', () => {
	it('adds, lists and loads endpoints, and refuses a name already taken', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		await addEndpoint(db, endpoint('fraud'));
		expect((await listEndpoints(db)).map((e) => e.name)).toEqual(['credit-risk', 'fraud']);
		const stored = await loadEndpoint(db, 'credit-risk');
		await expect(addEndpoint(db, createEndpoint('credit-risk', seededRandom(5), now))).rejects.toThrow('An endpoint named "credit-risk" already exists.');
		expect((await loadEndpoint(db, 'credit-risk'))!.keys).toEqual(stored!.keys);
	});

	it('updates in one read-modify-write, and writes nothing when the change is refused', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		const next = await updateEndpoint(db, 'credit-risk', (e) => addDeployment(e, { name: 'green', modelName: 'delinquency', modelVersion: 2 }, now));
		expect(next.deployments).toHaveLength(2);
		await expect(updateEndpoint(db, 'credit-risk', (e) => setTraffic(e, { blue: 50, green: 40 }, now))).rejects.toThrow('add up to 90 %');
		expect((await loadEndpoint(db, 'credit-risk'))!.traffic).toEqual({ blue: 100, green: 0 });
		await expect(updateEndpoint(db, 'nope', (e) => e)).rejects.toThrow('There is no endpoint named "nope".');
	});

	it('logs requests per endpoint, lists them newest first with a limit, and clears one endpoint\'s log', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		await addEndpoint(db, endpoint('fraud'));
		for (let i = 1; i <= 5; i++) await logEndpointRequest(db, request('credit-risk', 200, i));
		await logEndpointRequest(db, request('fraud', 401, 9));
		expect((await listEndpointRequests(db, 'credit-risk')).map((r) => r.latencyMs)).toEqual([5, 4, 3, 2, 1]);
		expect((await listEndpointRequests(db, 'credit-risk', 2)).map((r) => r.latencyMs)).toEqual([5, 4]);
		await clearEndpointRequests(db, 'credit-risk');
		expect(await listEndpointRequests(db, 'credit-risk')).toEqual([]);
		expect(await listEndpointRequests(db, 'fraud')).toHaveLength(1);
	});

	it('deletes an endpoint together with its request log', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		await addEndpoint(db, endpoint('fraud'));
		await logEndpointRequest(db, request('credit-risk', 200, 1));
		await logEndpointRequest(db, request('fraud', 200, 1));
		await deleteEndpoint(db, 'credit-risk');
		expect(await loadEndpoint(db, 'credit-risk')).toBeUndefined();
		expect(await listEndpointRequests(db, 'credit-risk')).toEqual([]);
		expect(await listEndpointRequests(db, 'fraud')).toHaveLength(1);
	});

	it('endpoints travel in a backup; the request log does not', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		await logEndpointRequest(db, request('credit-risk', 200, 1));
		const backup = await exportBackup(db, now);
		expect(backup.stores.endpoints).toHaveLength(1);
		const other = await freshDb();
		await restoreBackup(other, backup);
		expect(await loadEndpoint(other, 'credit-risk')).toEqual(await loadEndpoint(db, 'credit-risk'));
		expect(await listEndpointRequests(other, 'credit-risk')).toEqual([]);
	});

	it('keeps the request log within its caps, pruning the oldest in the same write', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		await addEndpoint(db, endpoint('fraud'));
		const caps = { perEndpoint: 5, total: 8 };
		for (let i = 1; i <= 9; i++) await logEndpointRequest(db, request('credit-risk', 200, i), caps);
		// Per endpoint: only the 5 newest are kept.
		expect((await listEndpointRequests(db, 'credit-risk')).map((r) => r.latencyMs)).toEqual([9, 8, 7, 6, 5]);
		for (let i = 1; i <= 4; i++) await logEndpointRequest(db, request('fraud', 200, 100 + i), caps);
		// Overall: 9 would be stored, the cap is 8, so the oldest request of all (credit-risk's 5) goes.
		expect((await listEndpointRequests(db, 'credit-risk')).map((r) => r.latencyMs)).toEqual([9, 8, 7, 6]);
		expect((await listEndpointRequests(db, 'fraud')).map((r) => r.latencyMs)).toEqual([104, 103, 102, 101]);
		expect(await db.count('endpointRequests')).toBe(8);
	});

	it('counts requests to endpoints that do not exist instead of logging each one', async () => {
		const db = await freshDb();
		await addEndpoint(db, endpoint());
		await logEndpointRequest(db, request('credit-risk', 200, 1));
		for (let i = 0; i < 300; i++) expect(await logEndpointRequest(db, request(`nope-${i}`, 404, 1))).toBeNull();
		expect(await db.count('endpointRequests')).toBe(1);
		expect(await unknownEndpointRequests(db)).toEqual({ count: 300, lastName: 'nope-299', lastAt: now });
	});
});
