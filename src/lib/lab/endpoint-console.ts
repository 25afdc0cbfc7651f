// What the Endpoints page shows around a scoring request: sample records to send, a warning about
// records that lack the model's features, copyable curl and fetch snippets, and the request log's
// latency percentiles and counts.
import type { StoredEndpoint, StoredEndpointRequest } from './endpoint-record';
import { generateDelinquencyTable } from '../ml/delinquency-data';
import { missingInputs, type FeatureRecord, type ModelDraft } from '../ml/model-artifact';
import { parseRecords } from './online-endpoint';
import { percentile } from '../ml/percentile';

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

/** The versions that may answer a request: the deployment the header names, else every one with live traffic. */
export function answeringVersions(endpoint: StoredEndpoint, headerDeployment: string): { modelName: string; modelVersion: number }[] {
	const named = headerDeployment.trim();
	const deployments = named ? endpoint.deployments.filter((d) => d.name === named) : endpoint.deployments.filter((d) => (endpoint.traffic[d.name] ?? 0) > 0);
	const seen = new Set<string>();
	return deployments.filter((d) => !seen.has(`${d.modelName}:${d.modelVersion}`) && seen.add(`${d.modelName}:${d.modelVersion}`)).map(({ modelName, modelVersion }) => ({ modelName, modelVersion }));
}

type ExpectingModel = Pick<ModelDraft, 'name' | 'preprocessor'> & { version: number };

/** Records listed one by one in a warning before the rest are counted. */
const WARNED_RECORDS = 3;

/**
 * Before sending: which records lack features a model that may answer expects, one line per model.
 * The endpoint still answers 200 (it imputes them), so this is a warning, not an error. A body that
 * is not a list of records gets no warning here: the endpoint's 400 explains it.
 */
export function missingFeatureWarnings(body: string, models: readonly ExpectingModel[]): string[] {
	const records = parseRecords(body);
	if (typeof records === 'string') return [];
	return models.flatMap((model) => {
		const expected = model.preprocessor.numeric.length + model.preprocessor.categorical.length;
		const lacking = records.map((r, i) => ({ record: i + 1, missing: missingInputs(model, r) })).filter((r) => r.missing.length > 0);
		if (!lacking.length) return [];
		const listed = lacking.slice(0, WARNED_RECORDS).map((r) => `record ${r.record} lacks ${r.missing.length} of ${expected} (${r.missing.join(', ')})`);
		const more = lacking.length - listed.length;
		return [
			`${model.name}:${model.version} expects ${expected} features: ${listed.join('; ')}${more ? `; and ${more} more record${more === 1 ? '' : 's'} lack some` : ''}. ` +
				'The endpoint fills them in (numbers with the training median, a missing category adds nothing) and lists them under "imputed" in its answer.'
		];
	});
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
