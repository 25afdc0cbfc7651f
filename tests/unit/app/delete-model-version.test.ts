// Deleting a version that endpoints serve: refused unless the learner saw and confirmed which
// endpoints change; then the deployments go, traffic moves and the version goes, in one transaction.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteModelVersion, describeUses, versionUsage, VersionInUseError } from '../../../src/lib/app/delete-model-version';
import { addEndpoint, loadEndpoint } from '../../../src/lib/db/endpoint-store';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { addDeployment, createEndpoint, setTraffic } from '../../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const now = new Date(Date.UTC(2026, 10, 25, 9, 0));
const { draft, test: heldOut } = trainModel(generateDelinquencyTable(300, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
let n = 0;

/** Versions 1 and 2; endpoint "credit-risk" with blue → v1 at 100 %; "fraud" with blue → v1 (70 %) and green → v2 (30 %). */
async function lab() {
	const db = await openPrepLabDb({}, `delete-version-${n++}`);
	const registry = idbRegistry(db);
	await registry.register(draft, {}, heldOut);
	await registry.register(draft, {}, heldOut);
	await registry.setAlias('delinquency', 'champion', 1);
	const spec = (name: string, modelVersion: number) => ({ name, modelName: 'delinquency', modelVersion });
	await addEndpoint(db, addDeployment(createEndpoint('credit-risk', seededRandom(1), now), spec('blue', 1), now));
	const fraud = addDeployment(addDeployment(createEndpoint('fraud', seededRandom(2), now), spec('blue', 1), now), spec('green', 2), now);
	await addEndpoint(db, setTraffic(fraud, { blue: 70, green: 30 }, now));
	return { db, registry };
}

describe('deleting a model version that endpoints serve', () => {
	it('names every endpoint using the version and says what happens to its traffic', async () => {
		const { db } = await lab();
		const uses = await versionUsage(db, 'delinquency', 1);
		expect(uses).toEqual([
			{ endpoint: 'credit-risk', deployments: ['blue'], livePercent: 100, trafficAfter: {} },
			{ endpoint: 'fraud', deployments: ['blue'], livePercent: 70, trafficAfter: { green: 100 } }
		]);
		expect(describeUses(uses)).toBe(
			'Endpoint "credit-risk": deployment blue (100 % of live traffic) is removed; it then has no deployment to answer and returns 503 until you deploy another version. ' +
				'Endpoint "fraud": deployment blue (70 % of live traffic) is removed; live traffic becomes green 100 %.'
		);
	});

	it('refuses without confirmation, naming the endpoints, and changes nothing', async () => {
		const { db, registry } = await lab();
		const before = [await loadEndpoint(db, 'credit-risk'), await loadEndpoint(db, 'fraud')];
		const e = await deleteModelVersion(db, 'delinquency', 1, now).catch((err: unknown) => err);
		expect(e).toBeInstanceOf(VersionInUseError);
		expect((e as Error).message).toBe(
			'Version 1 is deployed on endpoint "credit-risk" (100 % of live traffic), endpoint "fraud" (70 % of live traffic). Move its traffic to another version first, or confirm that its deployments are removed.'
		);
		// Confirming only one of the two endpoints is not enough either.
		await expect(deleteModelVersion(db, 'delinquency', 1, now, ['credit-risk'])).rejects.toBeInstanceOf(VersionInUseError);
		expect(await registry.get('delinquency', 1)).toBeDefined();
		expect([await loadEndpoint(db, 'credit-risk'), await loadEndpoint(db, 'fraud')]).toEqual(before);
		expect(await registry.aliases('delinquency')).toEqual({ champion: 1 });
	});

	it('once confirmed, removes the deployments, moves live traffic and deletes the version, its scores and aliases together', async () => {
		const { db, registry } = await lab();
		await deleteModelVersion(db, 'delinquency', 1, now, ['credit-risk', 'fraud']);
		expect(await registry.get('delinquency', 1)).toBeUndefined();
		expect(await registry.heldOut('delinquency', 1)).toBeUndefined();
		expect(await registry.aliases('delinquency')).toEqual({});
		const creditRisk = (await loadEndpoint(db, 'credit-risk'))!;
		expect(creditRisk.deployments).toEqual([]);
		expect(creditRisk.traffic).toEqual({});
		const fraud = (await loadEndpoint(db, 'fraud'))!;
		expect(fraud.deployments.map((d) => d.name)).toEqual(['green']);
		expect(fraud.traffic).toEqual({ green: 100 });
		expect(await registry.get('delinquency', 2)).toBeDefined();
	});

	it('a version no endpoint serves is deleted without asking; a partly used one moves its share to the other deployment', async () => {
		const { db, registry } = await lab();
		await registry.register(draft, {}, heldOut);
		expect(await deleteModelVersion(db, 'delinquency', 3, now)).toEqual([]);
		expect(await registry.get('delinquency', 3)).toBeUndefined();
		// Version 2 serves fraud's green at 30 %: confirmed, its traffic goes to blue.
		expect(await deleteModelVersion(db, 'delinquency', 2, now, ['fraud'])).toEqual([{ endpoint: 'fraud', deployments: ['green'], livePercent: 30, trafficAfter: { blue: 100 } }]);
		expect((await loadEndpoint(db, 'fraud'))!.traffic).toEqual({ blue: 100 });
	});
});
