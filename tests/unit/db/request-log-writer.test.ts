// The service worker's request log: entries written together once requests pause, none lost.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addEndpoint, listEndpointRequests, unknownEndpointRequests } from '../../../src/lib/db/endpoint-store';
import { requestLogWriter, type RequestLogEntry } from '../../../src/lib/db/request-log-writer';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { createEndpoint } from '../../../src/lib/lab/online-endpoint';
import { seededRandom } from '../../../src/lib/ml/random';

const now = new Date(Date.UTC(2026, 10, 30, 9, 0));
let n = 0;
const entry = (endpoint: string, latencyMs: number): RequestLogEntry => ({ endpoint, at: now, status: 200, latencyMs, records: 1 });

/** A database with endpoint "risk", counting the transactions the writer opens. */
async function setup() {
	const db = await openPrepLabDb({}, `request-log-writer-${n++}`);
	await addEndpoint(db, createEndpoint('risk', seededRandom(1), now));
	let writes = 0;
	const counted = new Proxy(db, {
		get: (target, key) => (key === 'transaction' ? (...args: Parameters<PrepLabDb['transaction']>) => (writes++, target.transaction(...args)) : Reflect.get(target, key))
	});
	return { db, writes: () => writes, database: async () => counted as PrepLabDb };
}

describe('the batched request log', () => {
	it('writes a burst of requests together once requests pause, and each add resolves when written', async () => {
		const { db, writes, database } = await setup();
		const log = requestLogWriter(database, { idleMs: 20, maxDelayMs: 1000, maxBatch: 100 });
		const added = [1, 2, 3, 4, 5].map((i) => log.add(entry('risk', i)));
		added.push(log.add(entry('nowhere', 6)));
		expect(writes()).toBe(0);
		await Promise.all(added);
		// One for the log, one for the counter of requests to endpoints that do not exist.
		expect(writes()).toBe(2);
		expect((await listEndpointRequests(db, 'risk')).map((r) => r.latencyMs)).toEqual([5, 4, 3, 2, 1]);
		expect((await unknownEndpointRequests(db))?.count).toBe(1);
	});

	it('writes at once when the batch is full, and at the latest after maxDelayMs under steady traffic', async () => {
		const { db, writes, database } = await setup();
		const log = requestLogWriter(database, { idleMs: 1000, maxDelayMs: 60, maxBatch: 3 });
		await Promise.all([1, 2, 3].map((i) => log.add(entry('risk', i))));
		expect(writes()).toBe(1);
		const started = Date.now();
		await log.add(entry('risk', 4));
		expect(Date.now() - started).toBeLessThan(900);
		expect(writes()).toBe(2);
		expect(await listEndpointRequests(db, 'risk')).toHaveLength(4);
	});

	it('rejects the adds of a batch that could not be written, and keeps writing later ones', async () => {
		const { db } = await setup();
		let fail = true;
		const log = requestLogWriter(async () => {
			if (fail) throw new Error('The database is closed.');
			return db;
		}, { idleMs: 5, maxDelayMs: 50, maxBatch: 10 });
		await expect(log.add(entry('risk', 1))).rejects.toThrow('The database is closed.');
		fail = false;
		await log.add(entry('risk', 2));
		expect((await listEndpointRequests(db, 'risk')).map((r) => r.latencyMs)).toEqual([2]);
	});
});
