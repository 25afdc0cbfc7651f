// "Deploy to endpoint" on the Models page: serve a registered version from an online endpoint, new
// or existing. Everything is read and written in one transaction over the models and endpoints
// stores, so the version cannot be deleted, nor the endpoint changed by another tab, half-way.
import { cryptoRandom, getDb } from './browser';
import { abortOnError } from '../db/transaction';
import { listEndpoints } from '../db/endpoint-store';
import { markServingChanged } from '../db/serving-version';
import type { PrepLabDb, StoredEndpoint } from '../db/schema';
import { addDeployment, createEndpoint, EndpointRuleError, setTraffic, type RandomSource } from '../lab/online-endpoint';

export interface DeployRequest {
	/** The endpoint to deploy to; created when `create` is set (and refused if it exists). */
	endpoint: string;
	create: boolean;
	deployment: string;
	modelName: string;
	modelVersion: number;
	/** Move all live traffic to the new deployment; otherwise it starts at 0 % (test it by header first). An endpoint's first deployment always takes it. */
	allTraffic: boolean;
}

export interface DeployResult {
	endpoint: StoredEndpoint;
	/** What happened, in one sentence for the page. */
	summary: string;
}

/** A deployment name not yet used on the endpoint: blue, then green, then version-<N>. */
export function suggestDeploymentName(endpoint: StoredEndpoint | undefined, modelVersion: number): string {
	const taken = new Set(endpoint?.deployments.map((d) => d.name));
	return ['blue', 'green', `version-${modelVersion}`].find((n) => !taken.has(n)) ?? `version-${modelVersion}-${taken.size + 1}`;
}

export async function deployVersion(db: PrepLabDb, request: DeployRequest, now: Date, random: RandomSource): Promise<DeployResult> {
	const name = request.endpoint.trim();
	const deployment = request.deployment.trim();
	const tx = db.transaction(['models', 'endpoints', 'settings'], 'readwrite');
	return abortOnError(tx, async () => {
		const version = await tx.objectStore('models').get([request.modelName, request.modelVersion]);
		if (!version) throw new EndpointRuleError(`${request.modelName}:${request.modelVersion} is no longer in the model registry.`);
		const stored = await tx.objectStore('endpoints').get(name);
		if (request.create && stored) throw new EndpointRuleError(`An endpoint named "${name}" already exists: choose it in the list, or pick another name.`);
		if (!request.create && !stored) throw new EndpointRuleError(`There is no endpoint named "${name}"; it may have been deleted in another tab.`);
		const before = stored ?? createEndpoint(name, random, now);
		let next = addDeployment(before, { name: deployment, modelName: request.modelName, modelVersion: request.modelVersion }, now);
		const first = before.deployments.length === 0;
		if (request.allTraffic && !first) next = setTraffic(next, { [deployment]: 100 }, now);
		await Promise.all([tx.objectStore('endpoints').put(next), markServingChanged(tx.objectStore('settings'))]);
		await tx.done;
		const traffic = next.traffic[deployment] ?? 0;
		const where = `${request.create ? 'new endpoint' : 'endpoint'} ${name}`;
		const summary =
			traffic === 100
				? `${request.modelName}:${request.modelVersion} is deployed as "${deployment}" on ${where} and takes 100 % of live traffic${first ? '' : '; the other deployments stay at 0 % for a rollback'}.`
				: `${request.modelName}:${request.modelVersion} is deployed as "${deployment}" on ${where} at 0 % of live traffic: test it with the azureml-model-deployment header, then shift traffic on the Endpoints page.`;
		return { endpoint: next, summary };
	});
}

/** The endpoints a version can be deployed to, by name. */
export async function endpointsForDeploy(db: PrepLabDb): Promise<StoredEndpoint[]> {
	return (await listEndpoints(db)).sort((a, b) => a.name.localeCompare(b.name));
}

/** The page's entry points, on the browser's database and clock. */
export const browserDeploy = {
	list: async () => endpointsForDeploy(await getDb()),
	deploy: async (request: DeployRequest) => deployVersion(await getDb(), request, new Date(), cryptoRandom)
};

/** An endpoint as the deploy dialog lists it. */
export type DeployTarget = StoredEndpoint;
