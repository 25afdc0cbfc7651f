// The rules of a managed online endpoint, as Azure ML applies them: names, keys, deployments bound to
// registry versions, the live traffic split, the mirror, and the blue/green shift a promotion makes.
// Pure: time and randomness are passed in; every function returns a new endpoint or throws an
// EndpointRuleError saying which rule broke and how to fix it.
import type { StoredDeployment, StoredEndpoint } from './endpoint-record';

/** A uniform number in [0, 1). */
export type RandomSource = () => number;

/** Azure's rule for endpoint and deployment names. */
const NAME_RULE = /^[A-Za-z][A-Za-z0-9-]{1,30}[A-Za-z0-9]$/;
/** Azure caps mirrored traffic at 50 % of live traffic. */
export const MAX_MIRROR_PERCENT = 50;

/** A change to an endpoint that breaks one of its rules; the message says which and how to fix it. */
export class EndpointRuleError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EndpointRuleError';
	}
}

function checkName(kind: 'Endpoint' | 'Deployment', name: string): void {
	if (!NAME_RULE.test(name)) {
		throw new EndpointRuleError(
			`${kind} name "${name}" is not allowed: use 3 to 32 characters, start with a letter, then letters, digits or hyphens, and do not end with a hyphen.`
		);
	}
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const KEY_LENGTH = 32;

/** A 32-character key drawn from the given random source (crypto-backed in the app, seeded in tests). */
export function generateKey(random: RandomSource): string {
	let key = '';
	for (let i = 0; i < KEY_LENGTH; i++) key += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)]!;
	return key;
}

export function createEndpoint(name: string, random: RandomSource, now: Date): StoredEndpoint {
	checkName('Endpoint', name);
	const at = now.toISOString();
	return { name, authMode: 'key', keys: { primary: generateKey(random), secondary: generateKey(random) }, deployments: [], traffic: {}, mirrorTraffic: {}, createdAt: at, updatedAt: at };
}

export function regenerateKey(endpoint: StoredEndpoint, which: 'primary' | 'secondary', random: RandomSource, now: Date): StoredEndpoint {
	let key = generateKey(random);
	// A regenerated key must differ from both current keys, or the old one would keep working.
	while (key === endpoint.keys.primary || key === endpoint.keys.secondary) key = generateKey(random);
	return { ...endpoint, keys: { ...endpoint.keys, [which]: key }, updatedAt: now.toISOString() };
}

export interface DeploymentSpec {
	name: string;
	modelName: string;
	modelVersion: number;
}

/**
 * Adds a deployment. The endpoint's first deployment takes all live traffic (as `--all-traffic` does in
 * the Azure CLI) so a new endpoint answers at once; later ones start at 0 % until the split is changed.
 */
export function addDeployment(endpoint: StoredEndpoint, spec: DeploymentSpec, now: Date): StoredEndpoint {
	checkName('Deployment', spec.name);
	if (endpoint.deployments.some((d) => d.name === spec.name)) throw new EndpointRuleError(`Endpoint "${endpoint.name}" already has a deployment named "${spec.name}".`);
	if (!Number.isInteger(spec.modelVersion) || spec.modelVersion < 1) throw new EndpointRuleError(`Model version must be a whole number from 1, not ${spec.modelVersion}.`);
	const deployment: StoredDeployment = { ...spec, createdAt: now.toISOString() };
	const first = endpoint.deployments.length === 0;
	return {
		...endpoint,
		deployments: [...endpoint.deployments, deployment],
		traffic: { ...endpoint.traffic, [spec.name]: first ? 100 : 0 },
		updatedAt: now.toISOString()
	};
}

/** Points a deployment at another registry version (an in-place update of its model). */
export function updateDeployment(endpoint: StoredEndpoint, name: string, model: { modelName: string; modelVersion: number }, now: Date): StoredEndpoint {
	findDeployment(endpoint, name);
	return { ...endpoint, deployments: endpoint.deployments.map((d) => (d.name === name ? { ...d, ...model } : d)), updatedAt: now.toISOString() };
}

function findDeployment(endpoint: StoredEndpoint, name: string): StoredDeployment {
	const deployment = endpoint.deployments.find((d) => d.name === name);
	if (!deployment) throw new EndpointRuleError(`Endpoint "${endpoint.name}" has no deployment named "${name}".`);
	return deployment;
}

/** Deleting a deployment that still takes live traffic is refused, as Azure refuses it. */
export function deleteDeployment(endpoint: StoredEndpoint, name: string, now: Date): StoredEndpoint {
	findDeployment(endpoint, name);
	const live = endpoint.traffic[name] ?? 0;
	if (live > 0) throw new EndpointRuleError(`Deployment "${name}" still takes ${live} % of live traffic. Move its traffic to another deployment first, then delete it.`);
	const { [name]: _traffic, ...traffic } = endpoint.traffic;
	const { [name]: _mirror, ...mirrorTraffic } = endpoint.mirrorTraffic;
	return { ...endpoint, deployments: endpoint.deployments.filter((d) => d.name !== name), traffic, mirrorTraffic, updatedAt: now.toISOString() };
}

/** Sets the live split: whole percentages 0..100 over existing deployments, summing to 100. */
export function setTraffic(endpoint: StoredEndpoint, traffic: Record<string, number>, now: Date): StoredEndpoint {
	const next: Record<string, number> = Object.fromEntries(endpoint.deployments.map((d) => [d.name, 0]));
	for (const [name, percent] of Object.entries(traffic)) {
		if (!(name in next)) throw new EndpointRuleError(`Traffic names deployment "${name}", which endpoint "${endpoint.name}" does not have.`);
		if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new EndpointRuleError(`Traffic for "${name}" must be a whole number from 0 to 100, not ${percent}.`);
		next[name] = percent;
	}
	const total = Object.values(next).reduce((a, b) => a + b, 0);
	if (total !== 100) throw new EndpointRuleError(`Traffic must add up to 100 %; these add up to ${total} %.`);
	for (const [name, percent] of Object.entries(next)) {
		if (percent > 0 && (endpoint.mirrorTraffic[name] ?? 0) > 0) throw new EndpointRuleError(`Deployment "${name}" receives mirrored traffic, so it cannot take live traffic too. Stop the mirror first.`);
	}
	return { ...endpoint, traffic: next, updatedAt: now.toISOString() };
}

/** Mirrors a share of live traffic to one deployment that takes no live traffic; `null` stops mirroring. */
export function setMirror(endpoint: StoredEndpoint, deployment: string | null, percent: number, now: Date): StoredEndpoint {
	if (deployment === null || percent === 0) return { ...endpoint, mirrorTraffic: {}, updatedAt: now.toISOString() };
	findDeployment(endpoint, deployment);
	if (!Number.isInteger(percent) || percent < 0 || percent > MAX_MIRROR_PERCENT) throw new EndpointRuleError(`Mirror traffic must be a whole number from 0 to ${MAX_MIRROR_PERCENT} %, not ${percent}.`);
	if ((endpoint.traffic[deployment] ?? 0) > 0) throw new EndpointRuleError(`Deployment "${deployment}" takes live traffic; mirror to a deployment at 0 % instead.`);
	return { ...endpoint, mirrorTraffic: { [deployment]: percent }, updatedAt: now.toISOString() };
}

export interface TrafficShift {
	endpoint: StoredEndpoint;
	deployment: string;
	/** How the version got a deployment: it already had one, an idle one was pointed at it, or one was added. */
	how: 'existing' | 'updated' | 'added';
}

/**
 * Blue/green promotion: moves all live traffic to a deployment serving `model`. It reuses a deployment
 * already serving that version, else repoints an idle one (0 % live), else adds `green` (or `blue`).
 * The deployment that served before stays at 0 %, so rolling back is one traffic change.
 */
export function shiftTrafficTo(endpoint: StoredEndpoint, model: { modelName: string; modelVersion: number }, now: Date): TrafficShift {
	const serving = endpoint.deployments.find((d) => d.modelName === model.modelName && d.modelVersion === model.modelVersion);
	const idle = endpoint.deployments.find((d) => (endpoint.traffic[d.name] ?? 0) === 0);
	let next = endpoint;
	let name: string;
	let how: TrafficShift['how'];
	if (serving) [name, how] = [serving.name, 'existing'];
	else if (idle) {
		[name, how] = [idle.name, 'updated'];
		next = updateDeployment(next, name, model, now);
	} else {
		const taken = new Set(endpoint.deployments.map((d) => d.name));
		name = ['green', 'blue'].find((n) => !taken.has(n)) ?? `v${model.modelVersion}-${endpoint.deployments.length + 1}`;
		how = 'added';
		next = addDeployment(next, { name, ...model }, now);
	}
	if ((next.mirrorTraffic[name] ?? 0) > 0) next = setMirror(next, null, 0, now);
	next = setTraffic(next, { [name]: 100 }, now);
	return { endpoint: next, deployment: name, how };
}
