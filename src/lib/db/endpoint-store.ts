// Online endpoints and their request log. The Endpoints page and the service worker both go through
// here; every change to an endpoint is read, changed and written in one transaction.
import type { PrepLabDb, StoredEndpoint, StoredEndpointRequest } from './schema';
import { keepReadable } from './record-checks';
import { markServingChanged } from './serving-version';
import { abortOnError } from './transaction';

/** Every readable endpoint; unreadable ones are named in `skipped`. */
export const listEndpoints = async (db: PrepLabDb, skipped?: string[]): Promise<StoredEndpoint[]> => keepReadable('endpoints', await db.getAll('endpoints'), skipped);

export const loadEndpoint = (db: PrepLabDb, name: string): Promise<StoredEndpoint | undefined> => db.get('endpoints', name);

/** Stores a new endpoint; refuses a name already taken instead of overwriting its keys and deployments. */
export async function addEndpoint(db: PrepLabDb, endpoint: StoredEndpoint): Promise<void> {
	const tx = db.transaction(['endpoints', 'settings'], 'readwrite');
	const endpoints = tx.objectStore('endpoints');
	await abortOnError(tx, async () => {
		if (await endpoints.get(endpoint.name)) throw new Error(`An endpoint named "${endpoint.name}" already exists.`);
	});
	await Promise.all([endpoints.add(endpoint), markServingChanged(tx.objectStore('settings')), tx.done]);
}

/**
 * Applies `change` to the stored endpoint inside one transaction, so two tabs changing the same endpoint
 * cannot lose each other's edits. If `change` throws, nothing is written and the error is passed on.
 */
export async function updateEndpoint(db: PrepLabDb, name: string, change: (endpoint: StoredEndpoint) => StoredEndpoint): Promise<StoredEndpoint> {
	const tx = db.transaction(['endpoints', 'settings'], 'readwrite');
	const endpoints = tx.objectStore('endpoints');
	return abortOnError(tx, async () => {
		const current = await endpoints.get(name);
		if (!current) throw new Error(`There is no endpoint named "${name}".`);
		const next = change(current);
		await Promise.all([endpoints.put(next), markServingChanged(tx.objectStore('settings')), tx.done]);
		return next;
	});
}

/** Deletes an endpoint together with its request log, all or nothing. */
export async function deleteEndpoint(db: PrepLabDb, name: string): Promise<void> {
	const tx = db.transaction(['endpoints', 'endpointRequests', 'settings'], 'readwrite');
	const requests = tx.objectStore('endpointRequests');
	const ids = await requests.index('by-endpoint').getAllKeys(name);
	await Promise.all([tx.objectStore('endpoints').delete(name), ...ids.map((id) => requests.delete(id)), markServingChanged(tx.objectStore('settings')), tx.done]);
}

/** Requests kept per endpoint and overall; the oldest go first. The Endpoints page shows the latest 2,000. */
export const MAX_REQUESTS_PER_ENDPOINT = 2000;
export const MAX_REQUESTS = 10_000;
/** The settings record counting requests to endpoints that do not exist (they are not logged one by one). */
export const UNKNOWN_ENDPOINT_KEY = 'endpoint-requests-unknown';

export interface UnknownEndpointRequests {
	count: number;
	lastName: string;
	lastAt: Date;
}

/**
 * Logs answered requests in one transaction, pruning the oldest beyond the caps. A request to an
 * endpoint that does not exist only increments a counter (anyone can send them, endlessly), so its
 * place in the returned ids holds null; the counter is written afterwards, in its own transaction,
 * so a batch without such requests never locks the settings store (where the service worker reads
 * its serving version on every request). The service worker writes its log in batches through here.
 */
export async function logEndpointRequests(
	db: PrepLabDb,
	entries: readonly Omit<StoredEndpointRequest, 'id'>[],
	caps = { perEndpoint: MAX_REQUESTS_PER_ENDPOINT, total: MAX_REQUESTS }
): Promise<(number | null)[]> {
	const tx = db.transaction(['endpoints', 'endpointRequests'], 'readwrite');
	const requests = tx.objectStore('endpointRequests');
	const known = new Map<string, boolean>();
	const ids: (number | null)[] = [];
	const unknown: Omit<StoredEndpointRequest, 'id'>[] = [];
	for (const entry of entries) {
		if (!known.has(entry.endpoint)) known.set(entry.endpoint, (await tx.objectStore('endpoints').getKey(entry.endpoint)) !== undefined);
		if (known.get(entry.endpoint)) ids.push(await requests.add({ ...entry }));
		else {
			unknown.push(entry);
			ids.push(null);
		}
	}
	const byEndpoint = requests.index('by-endpoint');
	for (const [name, exists] of known) {
		let extra = exists ? (await byEndpoint.count(name)) - caps.perEndpoint : 0;
		// Ids grow with time: walking forwards by primary key meets the oldest first.
		for (let c = extra > 0 ? await byEndpoint.openCursor(IDBKeyRange.only(name)) : null; c && extra > 0; c = await c.continue(), extra--) await c.delete();
	}
	let extra = ids.some((id) => id !== null) ? (await requests.count()) - caps.total : 0;
	for (let c = extra > 0 ? await requests.openCursor() : null; c && extra > 0; c = await c.continue(), extra--) await c.delete();
	await tx.done;
	if (unknown.length) await countUnknownRequests(db, unknown);
	return ids;
}

/** Adds requests to endpoints that do not exist to their counter, keeping the latest name and time. */
async function countUnknownRequests(db: PrepLabDb, entries: readonly Omit<StoredEndpointRequest, 'id'>[]): Promise<void> {
	const tx = db.transaction('settings', 'readwrite');
	const previous = (await tx.store.get(UNKNOWN_ENDPOINT_KEY))?.value as Partial<UnknownEndpointRequests> | undefined;
	const last = entries.at(-1)!;
	const value: UnknownEndpointRequests = { count: (Number.isInteger(previous?.count) ? previous!.count! : 0) + entries.length, lastName: last.endpoint.slice(0, 100), lastAt: last.at };
	await Promise.all([tx.store.put({ key: UNKNOWN_ENDPOINT_KEY, value }), tx.done]);
}

/** Logs one answered request (see `logEndpointRequests`); null for an endpoint that does not exist. */
export const logEndpointRequest = async (db: PrepLabDb, entry: Omit<StoredEndpointRequest, 'id'>, caps?: { perEndpoint: number; total: number }): Promise<number | null> =>
	(await logEndpointRequests(db, [entry], caps))[0]!;

/** How many requests named endpoints that do not exist, and the latest such name. */
export async function unknownEndpointRequests(db: PrepLabDb): Promise<UnknownEndpointRequests | null> {
	const value = (await db.get('settings', UNKNOWN_ENDPOINT_KEY))?.value as Partial<UnknownEndpointRequests> | undefined;
	return value && Number.isInteger(value.count) && typeof value.lastName === 'string' && value.lastAt instanceof Date ? (value as UnknownEndpointRequests) : null;
}

/** The latest `limit` requests of an endpoint, newest first. */
export async function listEndpointRequests(db: PrepLabDb, endpoint: string, limit = 2000, skipped?: string[]): Promise<StoredEndpointRequest[]> {
	const out: unknown[] = [];
	// Ids grow with time, so walking the endpoint's index backwards by primary key gives newest first.
	let cursor = await db.transaction('endpointRequests').store.index('by-endpoint').openCursor(IDBKeyRange.only(endpoint), 'prev');
	while (cursor && out.length < limit) {
		out.push(cursor.value);
		cursor = await cursor.continue();
	}
	return keepReadable('endpointRequests', out, skipped);
}

export async function clearEndpointRequests(db: PrepLabDb, endpoint: string): Promise<void> {
	const tx = db.transaction('endpointRequests', 'readwrite');
	const ids = await tx.store.index('by-endpoint').getAllKeys(endpoint);
	await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}
