// Answering a scoring request to an online endpoint, as the service worker does: key check, routing
// (by the deployment header or the live traffic split), the records of the body, scoring with the
// deployed version's threshold, and the log entry of the answer and of its mirrored copy. Pure: the
// model lookup, time and randomness are passed in, so the service worker and the unit tests run the same code.
import type { StoredDeployment, StoredEndpoint, StoredEndpointRequest } from './endpoint-record';
import type { RandomSource } from './endpoint-rules';
import { missingInputs, score, type FeatureRecord, type FieldError, type ModelVersion } from '../ml/model-artifact';
import { ModelArtifactError } from '../ml/model-check';
import { predictionThreshold } from '../ml/threshold-tag';
export { DEFAULT_THRESHOLD, predictionThreshold, thresholdTag } from '../ml/threshold-tag';

export const MAX_RECORDS = 1000;
/** Characters of request body accepted before parsing (1,000 wide records fit easily). */
export const MAX_BODY_CHARS = 1_000_000;
export const DEPLOYMENT_HEADER = 'azureml-model-deployment';

export type Route = { ok: true; deployment: StoredDeployment; targeted: boolean } | { ok: false; status: 404 | 503; message: string };

/**
 * Picks the deployment that answers: the one the header names (even at 0 % traffic, which is how a new
 * deployment is tested), otherwise one drawn by the live traffic weights.
 */
export function routeRequest(endpoint: StoredEndpoint, random: RandomSource, headerDeployment?: string | null): Route {
	if (headerDeployment) {
		const deployment = endpoint.deployments.find((d) => d.name === headerDeployment);
		if (!deployment) return { ok: false, status: 404, message: `Endpoint "${endpoint.name}" has no deployment named "${headerDeployment}" (from the ${DEPLOYMENT_HEADER} header).` };
		return { ok: true, deployment, targeted: true };
	}
	const live = endpoint.deployments.filter((d) => (endpoint.traffic[d.name] ?? 0) > 0);
	if (live.length === 0) return { ok: false, status: 503, message: `Endpoint "${endpoint.name}" has no deployment with live traffic. Set the traffic split, or name a deployment in the ${DEPLOYMENT_HEADER} header.` };
	let u = random() * 100;
	for (const d of live) {
		u -= endpoint.traffic[d.name]!;
		if (u < 0) return { ok: true, deployment: d, targeted: false };
	}
	return { ok: true, deployment: live[live.length - 1]!, targeted: false };
}

export type ModelLookup = (name: string, version: number) => Promise<ModelVersion | undefined> | ModelVersion | undefined;

export interface ScoreRequest {
	/** The endpoint name from the URL. */
	endpointName: string;
	authorization: string | null;
	deploymentHeader: string | null;
	body: string;
}

export interface ScoreContext {
	/** The stored endpoint of that name, if any. */
	endpoint: StoredEndpoint | undefined;
	loadModel: ModelLookup;
	random: RandomSource;
	now: Date;
}

export interface Prediction {
	prediction: 0 | 1;
	probability: number;
	/** The model's inputs this record lacked, filled in before scoring (numbers with the training median); empty when none. */
	imputed: string[];
}

export interface ScoreResponseBody {
	predictions: Prediction[];
	model_name: string;
	model_version: number;
	deployment: string;
}

export interface ErrorResponseBody {
	error: { code: string; message: string };
	/** Per-record, per-field problems of a 400 response. */
	errors?: FieldError[];
}

export interface MirrorCopy {
	deployment: string;
	records: FeatureRecord[];
}

export interface ScoreOutcome {
	status: number;
	body: ScoreResponseBody | ErrorResponseBody;
	headers: Record<string, string>;
	/** The request log entry; the caller fills in latencyMs, which it measures around the whole request. */
	log: Omit<StoredEndpointRequest, 'id'>;
	/** A copy to score on the mirrored deployment; its answer is logged, never returned. */
	mirror?: MirrorCopy;
}

const ERROR_CODES: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 413: 'PayloadTooLarge', 503: 'ServiceUnavailable' };

function bearerKey(authorization: string | null): string | null {
	const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	return match ? match[1]! : null;
}

/** The records of a body: a bare JSON list, or `{"input_data": [...]}`. A string is the reason it is refused. */
export function parseRecords(body: string): FeatureRecord[] | string {
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch (e) {
		return `The request body is not valid JSON: ${(e as Error).message}`;
	}
	const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' && 'input_data' in value ? (value as { input_data: unknown }).input_data : undefined;
	if (!Array.isArray(list)) return 'The request body must be a JSON list of records, or an object {"input_data": [...]} holding that list.';
	if (list.length === 0) return 'The request holds no records; send at least one.';
	return list as FeatureRecord[];
}

/** Scores records on one deployment; field errors come back as a list instead of predictions. */
export async function scoreOnDeployment(
	deployment: StoredDeployment,
	records: readonly FeatureRecord[],
	loadModel: ModelLookup
): Promise<{ ok: true; body: ScoreResponseBody } | { ok: false; status: 400 | 503; message: string; errors?: FieldError[] }> {
	let model: ModelVersion | undefined;
	try {
		model = await loadModel(deployment.modelName, deployment.modelVersion);
	} catch (e) {
		// A stored version that fails the artifact check is refused, never scored into null probabilities.
		if (!(e instanceof ModelArtifactError)) throw e;
		return { ok: false, status: 503, message: `Deployment "${deployment.name}" serves ${deployment.modelName}:${deployment.modelVersion}, which cannot be used: ${e.message}` };
	}
	if (!model) return { ok: false, status: 503, message: `Deployment "${deployment.name}" serves ${deployment.modelName}:${deployment.modelVersion}, which is no longer in the model registry.` };
	const result = score(model, records);
	if (result.errors.length > 0) {
		return { ok: false, status: 400, message: `${result.errors.length} field${result.errors.length === 1 ? '' : 's'} could not be read; see "errors" for each record and field.`, errors: result.errors };
	}
	const threshold = predictionThreshold(model);
	const predictions = Array.from(result.probabilities, (p, i): Prediction => ({ prediction: p >= threshold ? 1 : 0, probability: p, imputed: missingInputs(model, records[i]!) }));
	return { ok: true, body: { predictions, model_name: model.name, model_version: model.version, deployment: deployment.name } };
}

/** Answers one `POST /api/endpoints/<name>/score`, as the service worker does, without touching storage. */
export async function handleScore(request: ScoreRequest, context: ScoreContext): Promise<ScoreOutcome> {
	const { endpoint } = context;
	const base = { endpoint: request.endpointName, at: context.now, latencyMs: 0, records: 0 };
	const refuse = (status: number, message: string, extra: Partial<StoredEndpointRequest> = {}, errors?: FieldError[]): ScoreOutcome => ({
		status,
		body: errors ? { error: { code: ERROR_CODES[status]!, message }, errors } : { error: { code: ERROR_CODES[status]!, message } },
		headers: status === 401 ? { 'www-authenticate': 'Bearer' } : {},
		log: { ...base, ...extra, status, error: message }
	});

	if (!endpoint) return refuse(404, `There is no online endpoint named "${request.endpointName}".`);
	const key = bearerKey(request.authorization);
	if (key === null) return refuse(401, 'The request has no key. Send the header "Authorization: Bearer <key>" with the primary or secondary key.');
	if (key !== endpoint.keys.primary && key !== endpoint.keys.secondary) return refuse(401, 'The key is not valid for this endpoint. It may have been regenerated; copy a current key.');
	if (request.body.length > MAX_BODY_CHARS) return refuse(413, `The request body has ${request.body.length.toLocaleString('en')} characters; the limit is ${MAX_BODY_CHARS.toLocaleString('en')}.`);
	const records = parseRecords(request.body);
	if (typeof records === 'string') return refuse(400, records);
	if (records.length > MAX_RECORDS) return refuse(413, `The request holds ${records.length.toLocaleString('en')} records; send at most ${MAX_RECORDS.toLocaleString('en')} per request.`, { records: records.length });

	const route = routeRequest(endpoint, context.random, request.deploymentHeader);
	if (!route.ok) return refuse(route.status, route.message, { records: records.length });
	const { deployment } = route;
	const answered = { records: records.length, deployment: deployment.name, modelVersion: deployment.modelVersion };
	const scored = await scoreOnDeployment(deployment, records, context.loadModel);
	if (!scored.ok) return { ...refuse(scored.status, scored.message, answered, scored.errors), headers: { [DEPLOYMENT_HEADER]: deployment.name } };

	// Only live traffic is mirrored; a request aimed at one deployment by header is a test, not traffic.
	const [mirrorTo, mirrorPercent] = Object.entries(endpoint.mirrorTraffic)[0] ?? [];
	const mirrored = !route.targeted && mirrorTo !== undefined && mirrorTo !== deployment.name && context.random() * 100 < mirrorPercent!;
	return {
		status: 200,
		body: scored.body,
		headers: { [DEPLOYMENT_HEADER]: deployment.name },
		log: { ...base, ...answered, status: 200, ...(mirrored ? { mirroredTo: mirrorTo } : {}) },
		...(mirrored ? { mirror: { deployment: mirrorTo!, records } } : {})
	};
}

/** Scores a mirrored copy and returns its log entry (marked `mirror`); the caller measures latency. */
export async function handleMirror(endpoint: StoredEndpoint, copy: MirrorCopy, loadModel: ModelLookup, now: Date): Promise<Omit<StoredEndpointRequest, 'id'>> {
	const deployment = endpoint.deployments.find((d) => d.name === copy.deployment);
	const base = { endpoint: endpoint.name, at: now, latencyMs: 0, records: copy.records.length, deployment: copy.deployment, mirror: true };
	if (!deployment) return { ...base, status: 404, error: `Mirror deployment "${copy.deployment}" no longer exists.` };
	const scored = await scoreOnDeployment(deployment, copy.records, loadModel);
	return scored.ok ? { ...base, status: 200, modelVersion: deployment.modelVersion } : { ...base, status: scored.status, modelVersion: deployment.modelVersion, error: scored.message };
}
