// What the Endpoints page shows around a scoring request: sample records to send, copyable curl and
// fetch snippets, and the request log's latency percentiles and counts.
import type { StoredEndpointRequest } from '../db/schema';
import { generateDelinquencyTable } from '../ml/delinquency-data';
import type { FeatureRecord } from '../ml/model-artifact';

/** Feature records from the seeded generator, as a client would send them (missing numbers as null). */
export function sampleRecords(count: number, seed: number): FeatureRecord[] {
	const table = generateDelinquencyTable(count, seed);
	return Array.from({ length: count }, (_, i) =>
		Object.fromEntries(
			table.columns
				.filter((c) => c.name !== 'account_id')
				.map((c) => {
					const v = c.values[i]!;
					return [c.name, typeof v === 'number' && Number.isNaN(v) ? null : v];
				})
		)
	);
}

export const scoringUri = (origin: string, endpoint: string) => `${origin}/api/endpoints/${encodeURIComponent(endpoint)}/score`;

/** A shell-safe single-quoted string. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlSnippet(uri: string, key: string, body: string, deployment?: string): string {
	return [
		`curl -X POST ${shellQuote(uri)}`,
		`  -H ${shellQuote(`Authorization: Bearer ${key}`)}`,
		`  -H 'Content-Type: application/json'`,
		...(deployment ? [`  -H ${shellQuote(`azureml-model-deployment: ${deployment}`)}`] : []),
		`  -d ${shellQuote(body)}`
	].join(' \\\n');
}

export function fetchSnippet(uri: string, key: string, body: string, deployment?: string): string {
	const headers = [`'Authorization': 'Bearer ${key}'`, `'Content-Type': 'application/json'`, ...(deployment ? [`'azureml-model-deployment': ${JSON.stringify(deployment)}`] : [])];
	return [
		`const response = await fetch(${JSON.stringify(uri)}, {`,
		`  method: 'POST',`,
		`  headers: { ${headers.join(', ')} },`,
		`  body: JSON.stringify(${body.trim()})`,
		`});`,
		`console.log(response.status, await response.json());`
	].join('\n');
}

/** The q-quantile (0..1) by the nearest-rank method; NaN for no values. */
export function percentile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface RequestSummary {
	/** Live requests (mirrored copies excluded). */
	total: number;
	p50: number;
	p95: number;
	p99: number;
	/** Live requests answered per deployment. */
	byDeployment: Record<string, number>;
	byStatus: Record<string, number>;
	/** Mirrored copies scored per deployment. */
	mirrored: Record<string, number>;
}

export function summarizeRequests(log: readonly StoredEndpointRequest[]): RequestSummary {
	const live = log.filter((r) => !r.mirror);
	const latencies = live.map((r) => r.latencyMs).sort((a, b) => a - b);
	const count = (keys: (string | undefined)[]) => {
		const out: Record<string, number> = Object.create(null); // deployment names are user data
		for (const k of keys) if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
		return out;
	};
	return {
		total: live.length,
		p50: percentile(latencies, 0.5),
		p95: percentile(latencies, 0.95),
		p99: percentile(latencies, 0.99),
		byDeployment: count(live.map((r) => r.deployment)),
		byStatus: count(live.map((r) => String(r.status))),
		mirrored: count(log.filter((r) => r.mirror).map((r) => r.deployment))
	};
}
