// Online endpoints and their request log. The Endpoints page and the service worker both go through
// here; every change to an endpoint is read, changed and written in one transaction.
import type { PrepLabDb, StoredEndpoint, StoredEndpointRequest } from './schema';
import { keepReadable } from './record-checks';

/** Every readable endpoint; unreadable ones are named in `skipped`. */
export const listEndpoints = async (db: PrepLabDb, skipped?: string[]): Promise<StoredEndpoint[]> => keepReadable('endpoints', await db.getAll('endpoints'), skipped);

export const loadEndpoint = (db: PrepLabDb, name: string): Promise<StoredEndpoint | undefined> => db.get('endpoints', name);

/** Stores a new endpoint; refuses a name already taken instead of overwriting its keys and deployments. */
export async function addEndpoint(db: PrepLabDb, endpoint: StoredEndpoint): Promise<void> {
	const tx = db.transaction('endpoints', 'readwrite');
	if (await tx.store.get(endpoint.name)) {
		tx.abort();
		await tx.done.catch(() => undefined);
		throw new Error(`An endpoint named "${endpoint.name}" already exists.`);
	}
	await Promise.all([tx.store.add(endpoint), tx.done]);
}

/**
 * Applies `change` to the stored endpoint inside one transaction, so two tabs changing the same endpoint
 * cannot lose each other's edits. If `change` throws, nothing is written and the error is passed on.
 */
export async function updateEndpoint(db: PrepLabDb, name: string, change: (endpoint: StoredEndpoint) => StoredEndpoint): Promise<StoredEndpoint> {
	const tx = db.transaction('endpoints', 'readwrite');
	try {
		const current = await tx.store.get(name);
		if (!current) throw new Error(`There is no endpoint named "${name}".`);
		const next = change(current);
		await Promise.all([tx.store.put(next), tx.done]);
		return next;
	} catch (e) {
		try {
			tx.abort();
		} catch {
			// already finished
		}
		await tx.done.catch(() => undefined);
		throw e;
	}
}

/** Deletes an endpoint together with its request log, all or nothing. */
export async function deleteEndpoint(db: PrepLabDb, name: string): Promise<void> {
	const tx = db.transaction(['endpoints', 'endpointRequests'], 'readwrite');
	const requests = tx.objectStore('endpointRequests');
	const ids = await requests.index('by-endpoint').getAllKeys(name);
	await Promise.all([tx.objectStore('endpoints').delete(name), ...ids.map((id) => requests.delete(id)), tx.done]);
}

export const logEndpointRequest = (db: PrepLabDb, entry: Omit<StoredEndpointRequest, 'id'>): Promise<number> => db.add('endpointRequests', { ...entry });

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
