// Deleting a registered model version (Models page → Delete). A version that endpoints serve is not
// deleted behind their back: the page first asks `versionUsage` which endpoints use it and says what
// will happen; the delete then removes those deployments, moves their live traffic to the endpoint's
// other deployments (in proportion to what they already take) and deletes the version, its held-out
// scores and its aliases, all in one transaction.
import { getDb } from '../db/browser-db';
import { markServingChanged } from '../db/serving-version';
import { abortOnError } from '../db/transaction';
import type { PrepLabDb, StoredEndpoint } from '../db/schema';
import { NotFoundError } from '../lab/storage';

export interface EndpointUse {
	endpoint: string;
	/** Deployments of this endpoint that serve the version. */
	deployments: string[];
	/** Live traffic those deployments take now, in percent. */
	livePercent: number;
	/** Live traffic per remaining deployment after the delete; empty when none is left to take it. */
	trafficAfter: Record<string, number>;
}

/** A delete that would change endpoints the learner has not confirmed. */
export class VersionInUseError extends Error {
	constructor(
		readonly uses: EndpointUse[],
		version: number
	) {
		super(`Version ${version} is deployed on ${uses.map((u) => `endpoint "${u.endpoint}" (${u.livePercent} % of live traffic)`).join(', ')}. Move its traffic to another version first, or confirm that its deployments are removed.`);
		this.name = 'VersionInUseError';
	}
}

/** Whole percentages in proportion to `weights`, summing to `total` (largest remainder first). */
function apportion(weights: Record<string, number>, total: number): Record<string, number> {
	const names = Object.keys(weights);
	const sum = names.reduce((s, n) => s + weights[n]!, 0);
	// No deployment takes traffic yet: share equally.
	const share = (n: string) => (sum > 0 ? (weights[n]! / sum) * total : total / names.length);
	const out = Object.fromEntries(names.map((n) => [n, Math.floor(share(n))]));
	let left = total - names.reduce((s, n) => s + out[n]!, 0);
	for (const n of [...names].sort((a, b) => share(b) - Math.floor(share(b)) - (share(a) - Math.floor(share(a))))) {
		if (left-- <= 0) break;
		out[n]! += 1;
	}
	return out;
}

/** The endpoint without the deployments serving `name:version`, with live traffic moved, or null if none serve it. */
export function withoutVersion(endpoint: StoredEndpoint, name: string, version: number, now: Date): { next: StoredEndpoint; use: EndpointUse } | null {
	const removed = endpoint.deployments.filter((d) => d.modelName === name && d.modelVersion === version).map((d) => d.name);
	if (!removed.length) return null;
	const livePercent = removed.reduce((s, d) => s + (endpoint.traffic[d] ?? 0), 0);
	const remaining = endpoint.deployments.filter((d) => !removed.includes(d.name));
	const mirrorTraffic = Object.fromEntries(Object.entries(endpoint.mirrorTraffic).filter(([d]) => !removed.includes(d)));
	// A deployment receiving mirrored copies cannot take live traffic (the endpoint's own rule).
	const takers = remaining.filter((d) => !(mirrorTraffic[d.name] ?? 0));
	const traffic: Record<string, number> = Object.fromEntries(remaining.map((d) => [d.name, 0]));
	let trafficAfter: Record<string, number> = {};
	if (!livePercent) {
		// The removed deployments took no live traffic: the others keep exactly what they had.
		for (const d of remaining) traffic[d.name] = endpoint.traffic[d.name] ?? 0;
	} else if (takers.length) {
		trafficAfter = apportion(Object.fromEntries(takers.map((d) => [d.name, endpoint.traffic[d.name] ?? 0])), 100);
		Object.assign(traffic, trafficAfter);
	}
	const next: StoredEndpoint = { ...endpoint, deployments: remaining, traffic, mirrorTraffic, updatedAt: now.toISOString() };
	return { next, use: { endpoint: endpoint.name, deployments: removed, livePercent, trafficAfter } };
}

/** Which endpoints serve the version, and what deleting it would do to each. */
export async function versionUsage(db: PrepLabDb, name: string, version: number, now = new Date()): Promise<EndpointUse[]> {
	const endpoints = await db.getAll('endpoints');
	return endpoints.flatMap((e) => (Array.isArray(e.deployments) ? (withoutVersion(e, name, version, now)?.use ?? []) : []));
}

/**
 * Deletes the version with its held-out scores and aliases. If endpoints serve it, only those named in
 * `confirmedEndpoints` (what the learner saw in the dialog) may change; any other use refuses the
 * delete with a VersionInUseError and nothing changes.
 */
export async function deleteModelVersion(db: PrepLabDb, name: string, version: number, now: Date, confirmedEndpoints: readonly string[] = []): Promise<EndpointUse[]> {
	const tx = db.transaction(['models', 'heldOut', 'aliases', 'endpoints', 'settings'], 'readwrite');
	return abortOnError(tx, async () => {
		if (!(await tx.objectStore('models').getKey([name, version]))) throw new NotFoundError(`Version ${version} of model "${name}"`);
		const changes = (await tx.objectStore('endpoints').getAll()).flatMap((e) => (Array.isArray(e.deployments) ? (withoutVersion(e, name, version, now) ?? []) : []));
		const unconfirmed = changes.filter((c) => !confirmedEndpoints.includes(c.use.endpoint));
		if (unconfirmed.length) throw new VersionInUseError(unconfirmed.map((c) => c.use), version);
		const writes: Promise<unknown>[] = changes.map((c) => tx.objectStore('endpoints').put(c.next));
		writes.push(tx.objectStore('models').delete([name, version]), tx.objectStore('heldOut').delete([name, version]));
		for (const a of await tx.objectStore('aliases').index('by-name').getAll(name)) if (a.version === version) writes.push(tx.objectStore('aliases').delete([name, a.alias]));
		writes.push(markServingChanged(tx.objectStore('settings')));
		await Promise.all([...writes, tx.done]);
		return changes.map((c) => c.use);
	});
}

/** What the dialog says happens to each endpoint: "Endpoint "x": deployment blue (100 % of live traffic) is removed; …". */
export function describeUses(uses: readonly EndpointUse[]): string {
	return uses
		.map((u) => {
			const what = `Endpoint "${u.endpoint}": deployment${u.deployments.length > 1 ? 's' : ''} ${u.deployments.join(', ')} (${u.livePercent} % of live traffic) ${u.deployments.length > 1 ? 'are' : 'is'} removed`;
			const after = Object.entries(u.trafficAfter);
			if (!u.livePercent) return `${what}.`;
			if (!after.length) return `${what}; it then has no deployment to answer and returns 503 until you deploy another version.`;
			return `${what}; live traffic becomes ${after.map(([d, p]) => `${d} ${p} %`).join(', ')}.`;
		})
		.join(' ');
}

/** The page's calls, on the browser's database. */
export const browserVersionUsage = async (name: string, version: number) => versionUsage(await getDb(), name, version);
export const browserDeleteModelVersion = async (name: string, version: number, confirmedEndpoints: readonly string[]) =>
	deleteModelVersion(await getDb(), name, version, new Date(), confirmedEndpoints);
