// "Promote" on the Monitoring page: the challenger becomes the champion (its `challenger` alias is
// dropped) and, on each endpoint the learner chose, all live traffic moves to a deployment serving it
// (blue/green: the deployment that served before stays at 0 % for a rollback). Aliases and endpoints
// change in one transaction: a promotion happens entirely or not at all.
import { getDb } from '../db/browser-db';
import { listEndpoints } from '../db/endpoint-store';
import { writeAliases } from '../db/idb-registry';
import type { PrepLabDb } from '../db/schema';
import { markServingChanged } from '../db/serving-version';
import { abortOnError } from '../db/transaction';
import { shiftTrafficTo } from '../lab/online-endpoint';
import type { ModelRegistry } from '../lab/storage';

export interface PromoteRequest {
	modelName: string;
	version: number;
	/** Endpoints whose live traffic moves to the new champion. */
	endpoints: readonly string[];
}

/** The alias changes of a promotion: `champion` moves to the version, `challenger` is dropped. */
export const promotionAliases = (version: number): Record<string, number | null> => ({ champion: version, challenger: null });

/** Promotes in a registry without endpoints (the CLI's folder): the aliases change in one write. */
export const promoteInRegistry = (registry: ModelRegistry, modelName: string, version: number): Promise<void> => registry.setAliases(modelName, promotionAliases(version));

/** Promotes and shifts traffic in one transaction; returns what happened on each endpoint, in words. */
export async function promoteChallenger(db: PrepLabDb, request: PromoteRequest, now: Date): Promise<string[]> {
	const { modelName, version } = request;
	const tx = db.transaction(['models', 'aliases', 'endpoints', 'settings'], 'readwrite');
	await writeAliases({ aliases: tx.objectStore('aliases'), models: tx.objectStore('models'), tx }, modelName, promotionAliases(version));
	const shifted = await abortOnError(tx, async () => {
		const out: string[] = [];
		for (const name of request.endpoints) {
			const endpoint = await tx.objectStore('endpoints').get(name);
			if (!endpoint) throw new Error(`There is no endpoint named "${name}".`);
			const shift = shiftTrafficTo(endpoint, { modelName, modelVersion: version }, now);
			const before = endpoint.deployments.filter((d) => (endpoint.traffic[d.name] ?? 0) > 0 && d.name !== shift.deployment).map((d) => `"${d.name}"`);
			const how = shift.how === 'added' ? 'added' : shift.how === 'updated' ? 'repointed' : 'already serving it';
			out.push(`${name}: deployment "${shift.deployment}" (${how}) now serves v${version} with 100 % of live traffic${before.length ? `; ${before.join(', ')} stays at 0 % for a rollback` : ''}.`);
			await tx.objectStore('endpoints').put(shift.endpoint);
		}
		await markServingChanged(tx.objectStore('settings'));
		return out;
	});
	await tx.done;
	return shifted;
}

/** The endpoints a promotion can move traffic on: those with at least one deployment, by name. */
export async function endpointsToShift(db: PrepLabDb): Promise<string[]> {
	return (await listEndpoints(db)).filter((e) => e.deployments.length > 0).map((e) => e.name);
}

/** The page's call, on the browser's database and clock. */
export const browserPromoteChallenger = async (request: PromoteRequest) => promoteChallenger(await getDb(), request, new Date());
