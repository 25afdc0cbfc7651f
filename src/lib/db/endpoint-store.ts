// Online endpoints and their request log. The Endpoints page and the service worker both go through
// here; every change to an endpoint is read, changed and written in one transaction.
import type { PrepLabDb, StoredEndpoint, StoredEndpointRequest } from './schema';
import { keepReadable } from './record-checks';
import { abortOnError } from './transaction';

/** Every readable endpoint; unreadable ones are named in `skipped`. */
export const listEndpoints = async (db: PrepLabDb, skipped?: string[]): Promise<StoredEndpoint[]> => keepReadable('endpoints', await db.getAll('endpoints'), skipped);

export const loadEndpoint = (db: PrepLabDb, name: string): Promise<StoredEndpoint | undefined> => db.get('endpoints', name);

/** Stores a new endpoint; refuses a name already taken instead of overwriting its keys and deployments. */
export async function addEndpoint(db: PrepLabDb, endpoint: StoredEndpoint): Promise<void> {
	const tx = db.transaction('endpoints', 'readwrite');
	await abortOnError(tx, async () => {
		if (await tx.store.get(endpoint.name)) throw new Error(`An endpoint named "${endpoint.name}" already exists.`);
	});
	await Promise.all([tx.store.add(endpoint), tx.done]);
}

/**
 * Applies `change` to the stored endpoint inside one transaction, so two tabs changing the same endpoint
 * cannot lose each other's edits. If `change` throws, nothing is written and the error is passed on.
 */
export async function updateEndpoint(db: PrepLabDb, name: string, change: (endpoint: StoredEndpoint) => StoredEndpoint): Promise<StoredEndpoint> {
	const tx = db.transaction('endpoints', 'readwrite');
	return abortOnError(tx, async () => {
		const current = await tx.store.get(name);
		if (!current) throw new Error(`There is no endpoint named "${name}".`);
		const next = change(current);
		await Promise.all([tx.store.put(next), tx.done]);
		return next;
	});
}

/** Deletes an endpoint together with its request log, all or nothing. */
export async function deleteEndpoint(db: PrepLabDb, name: string): Promise<void> {
	const tx = db.transaction(['endpoints', 'endpointRequests'], 'readwrite');
	const requests = tx.objectStore('endpointRequests');
	const ids = await requests.index('by-endpoint').getAllKeys(name);
	await Promise.all([tx.objectStore('endpoints').delete(name), ...ids.map((id) => requests.delete(id)), tx.done]);
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
 * Logs one answered request, pruning the oldest beyond the caps in the same transaction. A request to
 * an endpoint that does not exist only increments a counter (anyone can send them, endlessly), so it
 * returns null instead of an id.
 */
export async function logEndpointRequest(
	db: PrepLabDb,
	entry: Omit<StoredEndpointRequest, 'id'>,
	caps = { perEndpoint: MAX_REQUESTS_PER_ENDPOINT, total: MAX_REQUESTS }
): Promise<number | null> {
	const tx = db.transaction(['endpoints', 'endpointRequests', 'settings'], 'readwrite');
	const requests = tx.objectStore('endpointRequests');
	if (!(await tx.objectStore('endpoints').getKey(entry.endpoint))) {
		const previous = (await tx.objectStore('settings').get(UNKNOWN_ENDPOINT_KEY))?.value as Partial<UnknownEndpointRequests> | undefined;
		const count = (Number.isInteger(previous?.count) ? previous!.count! : 0) + 1;
		await Promise.all([tx.objectStore('settings').put({ key: UNKNOWN_ENDPOINT_KEY, value: { count, lastName: entry.endpoint.slice(0, 100), lastAt: entry.at } }), tx.done]);
		return null;
	}
	const id = await requests.add({ ...entry });
	const byEndpoint = requests.index('by-endpoint');
	let extra = (await byEndpoint.count(entry.endpoint)) - caps.perEndpoint;
	// Ids grow with time: walking forwards by primary key meets the oldest first.
	for (let c = extra > 0 ? await byEndpoint.openCursor(IDBKeyRange.only(entry.endpoint)) : null; c && extra > 0; c = await c.continue(), extra--) await c.delete();
	extra = (await requests.count()) - caps.total;
	for (let c = extra > 0 ? await requests.openCursor() : null; c && extra > 0; c = await c.continue(), extra--) await c.delete();
	await tx.done;
	return id;
}

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
