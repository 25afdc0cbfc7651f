// The Endpoints page's changes: create or delete an endpoint, deploy a version (by number, `latest`
// or an alias), and any rule-checked change (traffic, mirror, keys, deleting a deployment). Each is
// read, checked and written in one transaction (db/endpoint-store), so two tabs never lose an edit.
import { addEndpoint, deleteEndpoint, updateEndpoint } from '../db/endpoint-store';
import type { PrepLabDb } from '../db/schema';
import type { StoredEndpoint } from '../lab/endpoint-record';
import { addDeployment, createEndpoint, type RandomSource } from '../lab/online-endpoint';
import { resolveVersion } from '../lab/registry';
import type { ModelRegistry } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';

/** A new endpoint with fresh keys; a name already taken is refused, never overwritten. */
export async function createNewEndpoint(db: PrepLabDb, name: string, random: RandomSource, now: Date): Promise<StoredEndpoint> {
	const endpoint = createEndpoint(name.trim(), random, now);
	await addEndpoint(db, endpoint);
	return endpoint;
}

/** Deletes the endpoint with its request log, all or nothing. */
export const removeEndpoint = (db: PrepLabDb, name: string): Promise<void> => deleteEndpoint(db, name);

/** Applies a rule-checked change (from lab/online-endpoint) to the stored endpoint; a broken rule writes nothing. */
export const changeEndpoint = (db: PrepLabDb, name: string, change: (endpoint: StoredEndpoint) => StoredEndpoint): Promise<StoredEndpoint> => updateEndpoint(db, name, change);

/** Adds a deployment serving the version `versionRef` names; returns that version. */
export async function deployReference(
	db: PrepLabDb,
	registry: ModelRegistry,
	target: { endpoint: string; deployment: string; modelName: string; versionRef: string },
	now: Date
): Promise<ModelVersion> {
	const version = await resolveVersion(registry, target.modelName, target.versionRef);
	await updateEndpoint(db, target.endpoint, (e) => addDeployment(e, { name: target.deployment.trim(), modelName: target.modelName, modelVersion: version.version }, now));
	return version;
}
