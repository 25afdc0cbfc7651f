import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deployVersion, endpointsForDeploy, suggestDeploymentName, type DeployRequest } from '../../../src/lib/app/deploy-version';
import { loadEndpoint } from '../../../src/lib/db/endpoint-store';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const draft = trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
const now = new Date(Date.UTC(2026, 10, 30, 9, 0));
let n = 0;

async function withTwoVersions() {
	const db = await openPrepLabDb({}, `deploy-version-${n++}`);
	const registry = idbRegistry(db);
	await registry.register(draft);
	await registry.register(draft);
	return { db, registry };
}

const request = (overrides: Partial<DeployRequest> = {}): DeployRequest => ({ endpoint: 'credit-risk', create: true, deployment: 'blue', modelName: 'delinquency', modelVersion: 1, allTraffic: false, ...overrides });

describe('deployVersion', () => {
	it('creates an endpoint whose first deployment serves the version with all live traffic', async () => {
		const { db } = await withTwoVersions();
		const { summary } = await deployVersion(db, request(), now, seededRandom(1));
		const stored = (await loadEndpoint(db, 'credit-risk'))!;
		expect(stored.deployments).toMatchObject([{ name: 'blue', modelName: 'delinquency', modelVersion: 1 }]);
		expect(stored.traffic).toEqual({ blue: 100 });
		expect(stored.keys.primary).toMatch(/^[A-Za-z0-9]{32}$/);
		expect(summary).toBe('delinquency:1 is deployed as "blue" on new endpoint credit-risk and takes 100 % of live traffic.');
		expect((await endpointsForDeploy(db)).map((e) => e.name)).toEqual(['credit-risk']);
	});

	it('adds a deployment to an existing endpoint at 0 %, or moves all live traffic to it, keeping the old one for a rollback', async () => {
		const { db } = await withTwoVersions();
		await deployVersion(db, request(), now, seededRandom(1));
		const keys = (await loadEndpoint(db, 'credit-risk'))!.keys;
		const idle = await deployVersion(db, request({ create: false, deployment: 'green', modelVersion: 2 }), now, seededRandom(2));
		expect(idle.endpoint.traffic).toEqual({ blue: 100, green: 0 });
		expect(idle.summary).toContain('at 0 % of live traffic');
		const live = await deployVersion(db, request({ create: false, deployment: 'version-2', modelVersion: 2, allTraffic: true }), now, seededRandom(3));
		expect(live.endpoint.traffic).toEqual({ blue: 0, green: 0, 'version-2': 100 });
		const stored = (await loadEndpoint(db, 'credit-risk'))!;
		expect(stored.traffic).toEqual({ blue: 0, green: 0, 'version-2': 100 });
		// The keys clients already hold keep working.
		expect(stored.keys).toEqual(keys);
		expect(suggestDeploymentName(stored, 2)).toBe('version-2-4');
		expect(suggestDeploymentName(undefined, 2)).toBe('blue');
	});

	it('refuses, writing nothing, a new endpoint whose name is taken, a taken deployment name and a deleted version', async () => {
		const { db, registry } = await withTwoVersions();
		await deployVersion(db, request(), now, seededRandom(1));
		const before = await loadEndpoint(db, 'credit-risk');
		await expect(deployVersion(db, request({ modelVersion: 2 }), now, seededRandom(2))).rejects.toThrow('An endpoint named "credit-risk" already exists');
		await expect(deployVersion(db, request({ create: false, modelVersion: 2 }), now, seededRandom(2))).rejects.toThrow('already has a deployment named "blue"');
		await registry.delete('delinquency', 2);
		await expect(deployVersion(db, request({ create: false, deployment: 'green', modelVersion: 2 }), now, seededRandom(2))).rejects.toThrow('delinquency:2 is no longer in the model registry.');
		await expect(deployVersion(db, request({ endpoint: 'fraud', create: false }), now, seededRandom(2))).rejects.toThrow('There is no endpoint named "fraud"');
		expect(await loadEndpoint(db, 'credit-risk')).toEqual(before);
	});
});
