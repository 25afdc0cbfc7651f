import { describe, expect, it } from 'vitest';
import type { StoredEndpoint } from '../../../src/lib/db/schema';
import { sampleRecords } from '../../../src/lib/lab/endpoint-console';
import {
	addDeployment,
	createEndpoint,
	deleteDeployment,
	EndpointRuleError,
	handleMirror,
	handleScore,
	MAX_RECORDS,
	predictionThreshold,
	regenerateKey,
	routeRequest,
	setMirror,
	setTraffic,
	shiftTrafficTo,
	updateDeployment,
	type ErrorResponseBody,
	type ScoreRequest,
	type ScoreResponseBody
} from '../../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import type { ModelVersion } from '../../../src/lib/ml/model-artifact';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const now = new Date(Date.UTC(2026, 10, 25, 9, 0));
const later = new Date(Date.UTC(2026, 10, 25, 10, 0));
const draft = trainModel(generateDelinquencyTable(800, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
const v1: ModelVersion = { ...draft, version: 1, description: '', tags: {} };
const v2: ModelVersion = { ...draft, version: 2, description: '', tags: { threshold: '0.2' } };
const registry = new Map([
	[1, v1],
	[2, v2]
]);
const loadModel = (name: string, version: number) => (name === 'delinquency' ? registry.get(version) : undefined);

/** blue → v1 with all traffic, green → v2 at 0 %. */
function blueGreen(): StoredEndpoint {
	let ep = createEndpoint('credit-risk', seededRandom(1), now);
	ep = addDeployment(ep, { name: 'blue', modelName: 'delinquency', modelVersion: 1 }, now);
	return addDeployment(ep, { name: 'green', modelName: 'delinquency', modelVersion: 2 }, now);
}

const records = sampleRecords(2, 5);
function send(endpoint: StoredEndpoint | undefined, overrides: Partial<ScoreRequest> = {}, random = seededRandom(3)) {
	const request: ScoreRequest = { endpointName: 'credit-risk', authorization: `Bearer ${endpoint?.keys.primary}`, deploymentHeader: null, body: JSON.stringify(records), ...overrides };
	return handleScore(request, { endpoint, loadModel, random, now });
}

describe('endpoint operations', () => {
	it('creates an endpoint with two distinct 32-character keys, reproducible from the seed', () => {
		const ep = createEndpoint('credit-risk', seededRandom(1), now);
		expect(ep.keys.primary).toMatch(/^[A-Za-z0-9]{32}$/);
		expect(ep.keys.secondary).toMatch(/^[A-Za-z0-9]{32}$/);
		expect(ep.keys.primary).not.toBe(ep.keys.secondary);
		expect(createEndpoint('credit-risk', seededRandom(1), now).keys).toEqual(ep.keys);
		expect(ep).toMatchObject({ authMode: 'key', deployments: [], traffic: {}, mirrorTraffic: {}, createdAt: now.toISOString() });
	});

	it.each(['ab', '1risk', 'risk_model', 'risk-', 'a'.repeat(33), 'risk model'])('refuses the endpoint name %j with the rule', (name) => {
		expect(() => createEndpoint(name, seededRandom(1), now)).toThrow(/3 to 32 characters, start with a letter/);
	});

	it.each(['abc', 'credit-risk-2', 'A' + 'b'.repeat(31)])('accepts the endpoint name %j', (name) => {
		expect(createEndpoint(name, seededRandom(1), now).name).toBe(name);
	});

	it('regenerates one key and keeps the other', () => {
		const ep = createEndpoint('credit-risk', seededRandom(1), now);
		const next = regenerateKey(ep, 'secondary', seededRandom(9), later);
		expect(next.keys.primary).toBe(ep.keys.primary);
		expect(next.keys.secondary).not.toBe(ep.keys.secondary);
		expect(next.updatedAt).toBe(later.toISOString());
		const primary = regenerateKey(ep, 'primary', seededRandom(9), later);
		expect(primary.keys.primary).not.toBe(ep.keys.primary);
		expect(primary.keys.secondary).toBe(ep.keys.secondary);
	});

	it('gives the first deployment all traffic and later ones 0 %', () => {
		const ep = blueGreen();
		expect(ep.traffic).toEqual({ blue: 100, green: 0 });
		expect(ep.deployments.map((d) => [d.name, d.modelVersion])).toEqual([
			['blue', 1],
			['green', 2]
		]);
	});

	it('refuses a duplicate or badly named deployment, and a bad version', () => {
		const ep = blueGreen();
		expect(() => addDeployment(ep, { name: 'blue', modelName: 'delinquency', modelVersion: 2 }, now)).toThrow('already has a deployment named "blue"');
		expect(() => addDeployment(ep, { name: 'b', modelName: 'delinquency', modelVersion: 2 }, now)).toThrow(/Deployment name "b" is not allowed/);
		expect(() => addDeployment(ep, { name: 'red', modelName: 'delinquency', modelVersion: 0 }, now)).toThrow(/whole number from 1/);
	});

	it('updates a deployment to another version', () => {
		const ep = updateDeployment(blueGreen(), 'green', { modelName: 'delinquency', modelVersion: 1 }, later);
		expect(ep.deployments.find((d) => d.name === 'green')!.modelVersion).toBe(1);
		expect(() => updateDeployment(ep, 'red', { modelName: 'delinquency', modelVersion: 1 }, later)).toThrow('has no deployment named "red"');
	});

	it('refuses to delete a deployment with live traffic, and deletes it once its traffic moved', () => {
		const ep = blueGreen();
		expect(() => deleteDeployment(ep, 'blue', later)).toThrow(EndpointRuleError);
		expect(() => deleteDeployment(ep, 'blue', later)).toThrow('still takes 100 % of live traffic');
		const moved = setTraffic(ep, { blue: 0, green: 100 }, later);
		const deleted = deleteDeployment(moved, 'blue', later);
		expect(deleted.deployments.map((d) => d.name)).toEqual(['green']);
		expect(deleted.traffic).toEqual({ green: 100 });
	});

	it('sets a split of whole percents summing to 100, filling unnamed deployments with 0', () => {
		expect(setTraffic(blueGreen(), { blue: 90, green: 10 }, later).traffic).toEqual({ blue: 90, green: 10 });
		expect(setTraffic(blueGreen(), { green: 100 }, later).traffic).toEqual({ blue: 0, green: 100 });
	});

	it.each([
		[{ blue: 90, green: 20 }, 'add up to 110 %'],
		[{ blue: 50, green: 40 }, 'add up to 90 %'],
		[{ blue: 90.5, green: 9.5 }, 'Traffic for "blue" must be a whole number from 0 to 100, not 90.5'],
		[{ blue: 110, green: -10 }, 'not 110'],
		[{ blue: 90, red: 10 }, 'deployment "red", which endpoint "credit-risk" does not have']
	])('refuses the split %j', (traffic, message) => {
		expect(() => setTraffic(blueGreen(), traffic, later)).toThrow(message);
	});

	it('mirrors to one deployment without live traffic, at most 50 %', () => {
		const ep = setMirror(blueGreen(), 'green', 20, later);
		expect(ep.mirrorTraffic).toEqual({ green: 20 });
		expect(() => setMirror(blueGreen(), 'blue', 20, later)).toThrow('takes live traffic');
		expect(() => setMirror(blueGreen(), 'green', 60, later)).toThrow('from 0 to 50 %');
		expect(() => setTraffic(ep, { blue: 90, green: 10 }, later)).toThrow('receives mirrored traffic');
		expect(setMirror(ep, null, 0, later).mirrorTraffic).toEqual({});
	});

	it('deleting a mirrored deployment also stops its mirror', () => {
		expect(deleteDeployment(setMirror(blueGreen(), 'green', 10, later), 'green', later).mirrorTraffic).toEqual({});
	});
});

describe('routeRequest', () => {
	it('splits traffic by weight: 90/10 over 10,000 draws lands within a point of 10 %', () => {
		const ep = setTraffic(blueGreen(), { blue: 90, green: 10 }, later);
		const random = seededRandom(42);
		let green = 0;
		for (let i = 0; i < 10_000; i++) {
			const route = routeRequest(ep, random);
			if (route.ok && route.deployment.name === 'green') green++;
		}
		expect(green / 10_000).toBeGreaterThan(0.09);
		expect(green / 10_000).toBeLessThan(0.11);
	});

	it('never routes live traffic to a deployment at 0 %', () => {
		const ep = blueGreen();
		const random = seededRandom(1);
		for (let i = 0; i < 500; i++) expect(routeRequest(ep, random)).toMatchObject({ ok: true, deployment: { name: 'blue' }, targeted: false });
	});

	it('sends a request to the deployment the header names, even at 0 %', () => {
		expect(routeRequest(blueGreen(), seededRandom(1), 'green')).toMatchObject({ ok: true, deployment: { name: 'green' }, targeted: true });
	});

	it('answers 404 for an unknown header deployment and 503 when no deployment has traffic', () => {
		expect(routeRequest(blueGreen(), seededRandom(1), 'red')).toMatchObject({ ok: false, status: 404 });
		const empty = createEndpoint('credit-risk', seededRandom(1), now);
		expect(routeRequest(empty, seededRandom(1))).toMatchObject({ ok: false, status: 503, message: expect.stringContaining('no deployment with live traffic') });
	});
});

describe('handleScore', () => {
	it('scores a bare list: one prediction per record, with the version and deployment that answered', async () => {
		const ep = blueGreen();
		const out = await send(ep);
		expect(out.status).toBe(200);
		const body = out.body as ScoreResponseBody;
		expect(body).toMatchObject({ model_name: 'delinquency', model_version: 1, deployment: 'blue' });
		expect(body.predictions).toHaveLength(2);
		for (const p of body.predictions) {
			expect(p.probability).toBeGreaterThan(0);
			expect(p.probability).toBeLessThan(1);
			expect(p.prediction).toBe(p.probability >= 0.5 ? 1 : 0);
		}
		expect(out.headers['azureml-model-deployment']).toBe('blue');
		expect(out.log).toMatchObject({ endpoint: 'credit-risk', status: 200, records: 2, deployment: 'blue', modelVersion: 1, at: now });
	});

	it('accepts {"input_data": [...]} and the secondary key', async () => {
		const ep = blueGreen();
		const out = await send(ep, { authorization: `Bearer ${ep.keys.secondary}`, body: JSON.stringify({ input_data: records }) });
		expect(out.status).toBe(200);
		expect((out.body as ScoreResponseBody).predictions).toHaveLength(2);
	});

	it('targets a deployment by header and applies that version\'s threshold tag', async () => {
		const ep = blueGreen();
		const many = sampleRecords(200, 8);
		const out = await send(ep, { deploymentHeader: 'green', body: JSON.stringify(many) });
		const body = out.body as ScoreResponseBody;
		expect(body).toMatchObject({ deployment: 'green', model_version: 2 });
		for (const p of body.predictions) expect(p.prediction).toBe(p.probability >= 0.2 ? 1 : 0);
		// Some account sits between the two thresholds, so the tag visibly changes predictions.
		expect(body.predictions.some((p) => p.probability >= 0.2 && p.probability < 0.5 && p.prediction === 1)).toBe(true);
	});

	it('answers 200 for records lacking features and lists, per record, which inputs were imputed', async () => {
		const full = { credit_utilization: 0.42, days_past_due_12m: 1, num_open_accounts: 5, annual_income: 48000, debt_to_income: 0.3, months_on_book: 40, payment_to_balance: 0.15, region: 'south' };
		const body = JSON.stringify([full, { credit_utilization: 0.9 }, { ...full, annual_income: null, months_on_book: 'NA', region: '' }]);
		const out = await send(blueGreen(), { body });
		expect(out.status).toBe(200);
		const imputed = (out.body as ScoreResponseBody).predictions.map((p) => p.imputed);
		expect(imputed[0]).toEqual([]);
		expect(imputed[1]).toEqual(['days_past_due_12m', 'num_open_accounts', 'annual_income', 'debt_to_income', 'months_on_book', 'payment_to_balance', 'region']);
		expect(imputed[2]).toEqual(['annual_income', 'months_on_book', 'region']);
	});

	it('uses 0.5 when the threshold tag is missing or not a probability', () => {
		expect(predictionThreshold({ tags: {} })).toBe(0.5);
		expect(predictionThreshold({ tags: { threshold: 'high' } })).toBe(0.5);
		expect(predictionThreshold({ tags: { threshold: '1.5' } })).toBe(0.5);
		expect(predictionThreshold({ tags: { threshold: '0.35' } })).toBe(0.35);
	});

	it.each([
		['no header', null, 'has no key'],
		['a wrong key', 'Bearer not-the-key', 'not valid for this endpoint'],
		['another scheme', 'Basic abc', 'has no key']
	])('answers 401 for %s, logged without a deployment', async (_, authorization, message) => {
		const out = await send(blueGreen(), { authorization });
		expect(out.status).toBe(401);
		expect((out.body as ErrorResponseBody).error).toMatchObject({ code: 'Unauthorized', message: expect.stringContaining(message) });
		expect(out.headers['www-authenticate']).toBe('Bearer');
		expect(out.log).toMatchObject({ status: 401 });
		expect(out.log.deployment).toBeUndefined();
	});

	it('refuses the old key after it was regenerated', async () => {
		const ep = blueGreen();
		const old = ep.keys.primary;
		const rotated = regenerateKey(ep, 'primary', seededRandom(77), later);
		expect((await send(rotated, { authorization: `Bearer ${old}` })).status).toBe(401);
		expect((await send(rotated, { authorization: `Bearer ${rotated.keys.primary}` })).status).toBe(200);
	});

	it('answers 404 for an unknown endpoint', async () => {
		const out = await send(undefined, { endpointName: 'nope', authorization: 'Bearer x' });
		expect(out.status).toBe(404);
		expect((out.body as ErrorResponseBody).error.message).toBe('There is no online endpoint named "nope".');
	});

	it.each([
		['{"a": ', 'not valid JSON'],
		['{"records": []}', 'must be a JSON list of records'],
		['"hello"', 'must be a JSON list of records'],
		['[]', 'holds no records']
	])('answers 400 for the body %j', async (body, message) => {
		const out = await send(blueGreen(), { body });
		expect(out.status).toBe(400);
		expect((out.body as ErrorResponseBody).error.message).toContain(message);
	});

	it('answers 400 naming each record and field that cannot be read, and scores nothing', async () => {
		const bad = [records[0], { ...records[1], credit_utilization: 'lots', region: { name: 'north' } }, 42];
		const out = await send(blueGreen(), { body: JSON.stringify(bad) });
		expect(out.status).toBe(400);
		const body = out.body as ErrorResponseBody;
		expect(body.errors).toEqual([
			{ record: 1, field: 'credit_utilization', message: '"credit_utilization" must be a number' },
			{ record: 1, field: 'region', message: '"region" must be text' },
			{ record: 2, field: '', message: 'each record must be an object of feature values' }
		]);
		expect(body.error.message).toContain('3 fields could not be read');
		expect(out.log).toMatchObject({ status: 400, records: 3, deployment: 'blue' });
		expect('predictions' in body).toBe(false);
	});

	it('answers 413 above the record limit or the body size', async () => {
		const tooMany = await send(blueGreen(), { body: JSON.stringify(Array.from({ length: MAX_RECORDS + 1 }, () => records[0])) });
		expect(tooMany.status).toBe(413);
		expect((tooMany.body as ErrorResponseBody).error.message).toContain('1,001 records; send at most 1,000');
		const huge = await send(blueGreen(), { body: ' '.repeat(1_000_001) });
		expect(huge.status).toBe(413);
	});

	it('answers 503 when no deployment takes traffic or the version was deleted from the registry', async () => {
		const empty = createEndpoint('credit-risk', seededRandom(1), now);
		expect((await send(empty)).status).toBe(503);
		const orphan = updateDeployment(blueGreen(), 'blue', { modelName: 'delinquency', modelVersion: 9 }, later);
		const out = await send(orphan);
		expect(out.status).toBe(503);
		expect((out.body as ErrorResponseBody).error.message).toContain('delinquency:9, which is no longer in the model registry');
	});

	it('answers 404 for a header naming no deployment', async () => {
		const out = await send(blueGreen(), { deploymentHeader: 'red' });
		expect(out.status).toBe(404);
		expect((out.body as ErrorResponseBody).error.message).toContain('no deployment named "red"');
	});

	it('mirrors about the set share of live requests and never returns the mirror\'s answer', async () => {
		const ep = setMirror(blueGreen(), 'green', 20, later);
		const random = seededRandom(11);
		let mirrored = 0;
		for (let i = 0; i < 1000; i++) {
			const out = await send(ep, {}, random);
			expect((out.body as ScoreResponseBody).deployment).toBe('blue');
			if (out.mirror) {
				mirrored++;
				expect(out.mirror.deployment).toBe('green');
				expect(out.log.mirroredTo).toBe('green');
			}
		}
		expect(mirrored).toBeGreaterThan(150);
		expect(mirrored).toBeLessThan(250);
		// A request aimed at a deployment by header is a test: it is not mirrored.
		for (let i = 0; i < 50; i++) expect((await send(ep, { deploymentHeader: 'blue' }, random)).mirror).toBeUndefined();
	});

	it('scores a mirrored copy on its deployment and logs it as a mirror', async () => {
		const ep = setMirror(blueGreen(), 'green', 50, later);
		expect(await handleMirror(ep, { deployment: 'green', records }, loadModel, later)).toMatchObject({ status: 200, mirror: true, deployment: 'green', modelVersion: 2, records: 2 });
	});
});

describe('shiftTrafficTo (promotion)', () => {
	const model = (v: number) => ({ modelName: 'delinquency', modelVersion: v });

	it('moves all traffic to the deployment already serving the version and keeps the old one at 0 %', () => {
		const shift = shiftTrafficTo(blueGreen(), model(2), later);
		expect(shift).toMatchObject({ deployment: 'green', how: 'existing' });
		expect(shift.endpoint.traffic).toEqual({ blue: 0, green: 100 });
		expect(shift.endpoint.deployments.map((d) => d.modelVersion)).toEqual([1, 2]);
	});

	it('repoints an idle deployment rather than adding one, and stops a mirror onto it', () => {
		const mirrored = setMirror(blueGreen(), 'green', 10, now);
		const shift = shiftTrafficTo(mirrored, model(3), later);
		expect(shift).toMatchObject({ deployment: 'green', how: 'updated' });
		expect(shift.endpoint.deployments.find((d) => d.name === 'green')!.modelVersion).toBe(3);
		expect(shift.endpoint.traffic).toEqual({ blue: 0, green: 100 });
		expect(shift.endpoint.mirrorTraffic).toEqual({});
	});

	it('adds green when every deployment takes live traffic', () => {
		const ep = addDeployment(createEndpoint('credit-risk', seededRandom(1), now), { name: 'blue', ...model(1) }, now);
		const shift = shiftTrafficTo(ep, model(4), later);
		expect(shift).toMatchObject({ deployment: 'green', how: 'added' });
		expect(shift.endpoint.traffic).toEqual({ blue: 0, green: 100 });
	});
});
