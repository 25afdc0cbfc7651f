// What the Endpoints page reads: the endpoints (sorted by name) with the versions they can serve, and
// one endpoint's request log. Records that cannot be read are named in `skipped`, never hidden.
import { clearEndpointRequests, listEndpointRequests, listEndpoints } from '../db/endpoint-store';
import type { PrepLabDb } from '../db/schema';
import type { StoredEndpoint, StoredEndpointRequest } from '../lab/endpoint-record';
import type { ModelRegistry } from '../lab/storage';
import { readableVersions, type ReadableVersions } from './model-versions';

export interface EndpointsView extends Pick<ReadableVersions, 'versions' | 'aliases'> {
	endpoints: StoredEndpoint[];
	/** Broken versions and unreadable endpoints, each named with its problem. */
	skipped: string[];
}

export async function readEndpoints(db: PrepLabDb, registry: ModelRegistry, modelName: string): Promise<EndpointsView> {
	const { versions, aliases, broken } = await readableVersions(registry, modelName);
	const skipped = broken.map((b) => b.message);
	const endpoints = (await listEndpoints(db, skipped)).sort((a, b) => a.name.localeCompare(b.name));
	return { versions, aliases, endpoints, skipped };
}

/** The latest `limit` requests of an endpoint, newest first. */
export async function readRequestLog(db: PrepLabDb, endpoint: string, limit: number): Promise<{ requests: StoredEndpointRequest[]; skipped: string[] }> {
	const skipped: string[] = [];
	const requests = await listEndpointRequests(db, endpoint, limit, skipped);
	return { requests, skipped };
}

/** Empties an endpoint's request log (the endpoint stays). */
export const clearRequestLog = (db: PrepLabDb, endpoint: string): Promise<void> => clearEndpointRequests(db, endpoint);
