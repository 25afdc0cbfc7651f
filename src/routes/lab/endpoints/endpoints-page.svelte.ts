// State of the Endpoints page: the endpoints and the one selected, its deployments, traffic, mirror and
// keys, the test console (requests go through fetch to the service worker, like any client), the
// request log and the safe-rollout walkthrough.
import { cryptoRandom, getDb, getLabStorage } from '$lib/app/browser';
import { changeEndpoint, createNewEndpoint, deployReference, removeEndpoint } from '$lib/app/change-endpoint';
import { clearRequestLog, readEndpoints, readRequestLog } from '$lib/app/endpoint-view';
import { skippedMessage } from '$lib/app/skipped-records';
import { errorMessage as describe } from '$lib/error-message';
import { answeringVersions, missingFeatureWarnings, sampleRecords, scoringUri, summarizeRequests } from '$lib/lab/endpoint-console';
import type { StoredEndpoint, StoredEndpointRequest } from '$lib/lab/endpoint-record';
import { deleteDeployment, regenerateKey, setMirror, setTraffic, DEPLOYMENT_HEADER } from '$lib/lab/online-endpoint';
import type { ModelVersion } from '$lib/ml/model-artifact';
import { MODEL_NAME } from '$lib/ml/train-model';

/** Requests shown and summarised in the log. */
export const LOG_LIMIT = 2000;

export interface ConsoleResponse {
	status: number;
	body: string;
	latencyMs: number;
	deployment: string | null;
	/** Records (1-based) whose missing features the endpoint filled in, from the answer's `imputed` lists. */
	imputed: { record: number; fields: string[] }[];
}

/** The `imputed` list of each prediction in an answer, for the records that had any. */
function imputedRecords(answer: unknown): ConsoleResponse['imputed'] {
	const predictions = (answer as { predictions?: unknown } | null)?.predictions;
	if (!Array.isArray(predictions)) return [];
	return predictions
		.map((p, i) => ({ record: i + 1, fields: Array.isArray(p?.imputed) ? p.imputed.map(String) : [] }))
		.filter((r) => r.fields.length > 0);
}

export type WalkthroughStep = 'create-green' | 'test-green' | 'green-10' | 'green-100' | 'delete-blue';

export const WALKTHROUGH: { step: WalkthroughStep; title: string; explain: string }[] = [
	{ step: 'create-green', title: 'Create green at 0 %', explain: 'Deploy the new version next to blue. It takes no live traffic yet.' },
	{ step: 'test-green', title: 'Test green by header', explain: `Send a request with the ${DEPLOYMENT_HEADER}: green header. Only you reach green.` },
	{ step: 'green-10', title: 'Send 10 % to green', explain: 'Blue keeps 90 % of live traffic; watch the request log for errors and latency.' },
	{ step: 'green-100', title: 'Send 100 % to green', explain: 'Green takes all live traffic; blue stays deployed for a quick rollback.' },
	{ step: 'delete-blue', title: 'Delete blue', explain: 'With no traffic left on blue, remove it.' }
];

export class EndpointsPage {
	endpoints = $state<StoredEndpoint[] | null>(null);
	selectedName = $state<string | null>(null);
	versions = $state<ModelVersion[]>([]);
	aliases = $state<Record<string, number>>({});
	error = $state<string | null>(null);
	message = $state<string | null>(null);
	/** Endpoints, versions or logged requests stored in a shape this page cannot show, named with their problem. */
	skipped = $state<string | null>(null);
	#skippedOnLoad: string[] = [];

	/** The service worker answers scoring requests only once it controls this page. */
	serving = $state<'waiting' | 'ready' | 'unsupported'>('waiting');

	requestBody = $state(JSON.stringify(sampleRecords(2, 7), null, 2));
	keyChoice = $state<'primary' | 'secondary' | 'none'>('primary');
	headerDeployment = $state('');
	sending = $state(false);
	response = $state<ConsoleResponse | null>(null);

	requests = $state.raw<StoredEndpointRequest[]>([]);
	walkthrough = $state<Partial<Record<WalkthroughStep, { ok: boolean; text: string }>>>({});

	readonly selected = $derived(this.endpoints?.find((e) => e.name === this.selectedName) ?? null);
	readonly summary = $derived(summarizeRequests(this.requests));
	/** Shown before sending: records lacking features that the version(s) which may answer expect. */
	readonly consoleWarnings = $derived.by(() => {
		if (!this.selected) return [];
		const models = answeringVersions(this.selected, this.headerDeployment).flatMap((d) => this.versions.filter((v) => v.name === d.modelName && v.version === d.modelVersion));
		return missingFeatureWarnings(this.requestBody, models);
	});

	async load(): Promise<void> {
		try {
			const { versions, aliases, endpoints, skipped } = await readEndpoints(await getDb(), (await getLabStorage()).registry, MODEL_NAME);
			this.versions = versions;
			this.aliases = aliases;
			this.endpoints = endpoints;
			this.#skippedOnLoad = skipped;
			if (!this.selected) this.selectedName = this.endpoints[0]?.name ?? null;
			await this.loadRequests();
		} catch (e) {
			this.error = `Your endpoints could not be read: ${describe(e)}`;
			this.endpoints ??= [];
		}
	}

	async waitForServiceWorker(): Promise<void> {
		if (!('serviceWorker' in navigator)) {
			this.serving = 'unsupported';
			return;
		}
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
		this.serving = 'ready';
	}

	scoringUri(name: string): string {
		return scoringUri(location.origin, name);
	}

	select(name: string): Promise<void> {
		this.selectedName = name;
		this.response = null;
		this.walkthrough = {};
		return this.loadRequests();
	}

	async loadRequests(): Promise<void> {
		const { requests, skipped } = this.selectedName ? await readRequestLog(await getDb(), this.selectedName, LOG_LIMIT) : { requests: [], skipped: [] };
		this.requests = requests;
		this.skipped = skippedMessage([...this.#skippedOnLoad, ...skipped]);
	}

	/** Runs a change and reloads; `done` says what happened (or computes it from the action's result). */
	async #act<T>(action: () => Promise<T>, done: string | ((result: T) => string)): Promise<boolean> {
		this.error = null;
		this.message = null;
		try {
			const result = await action();
			this.message = typeof done === 'string' ? done : done(result);
			await this.load();
			return true;
		} catch (e) {
			this.error = describe(e);
			return false;
		}
	}

	#change(change: (e: StoredEndpoint) => StoredEndpoint, done: string): Promise<boolean> {
		const name = this.selectedName;
		if (!name) return Promise.resolve(false);
		return this.#act(async () => changeEndpoint(await getDb(), name, change), done);
	}

	create(name: string): Promise<boolean> {
		const trimmed = name.trim();
		return this.#act(async () => {
			await createNewEndpoint(await getDb(), trimmed, cryptoRandom, new Date());
			this.selectedName = trimmed;
		}, `Created endpoint ${trimmed}. Add a deployment to start serving.`);
	}

	remove(name: string): Promise<boolean> {
		return this.#act(async () => {
			await removeEndpoint(await getDb(), name);
			if (this.selectedName === name) this.selectedName = null;
		}, `Deleted endpoint ${name} and its request log.`);
	}

	/** Adds a deployment serving the version `versionRef` names (a number, `latest` or an alias). */
	addDeployment(name: string, versionRef: string): Promise<boolean> {
		const endpoint = this.selectedName;
		if (!endpoint) return Promise.resolve(false);
		return this.#act(
			async () => deployReference(await getDb(), (await getLabStorage()).registry, { endpoint, deployment: name, modelName: MODEL_NAME, versionRef }, new Date()),
			(version) => `Deployment ${name.trim()} serves ${MODEL_NAME}:${version.version}.`
		);
	}

	deleteDeployment(name: string): Promise<boolean> {
		return this.#change((e) => deleteDeployment(e, name, new Date()), `Deleted deployment ${name}.`);
	}

	setTraffic(traffic: Record<string, number>): Promise<boolean> {
		const text = Object.entries(traffic)
			.map(([d, p]) => `${d} ${p} %`)
			.join(', ');
		return this.#change((e) => setTraffic(e, traffic, new Date()), `Live traffic: ${text}.`);
	}

	setMirror(deployment: string | null, percent: number): Promise<boolean> {
		return this.#change((e) => setMirror(e, deployment, percent, new Date()), deployment && percent > 0 ? `Mirroring ${percent} % of live traffic to ${deployment}.` : 'Mirroring stopped.');
	}

	regenerate(which: 'primary' | 'secondary'): Promise<boolean> {
		return this.#change((e) => regenerateKey(e, which, cryptoRandom, new Date()), `Regenerated the ${which} key. The old one no longer works.`);
	}

	/** Sends a scoring request through fetch, exactly as an outside client would. */
	async send(body = this.requestBody, header = this.headerDeployment, keyChoice = this.keyChoice): Promise<ConsoleResponse | null> {
		const endpoint = this.selected;
		if (!endpoint) return null;
		this.sending = true;
		this.error = null;
		try {
			const headers: Record<string, string> = { 'content-type': 'application/json' };
			if (keyChoice !== 'none') headers['authorization'] = `Bearer ${endpoint.keys[keyChoice]}`;
			if (header.trim()) headers[DEPLOYMENT_HEADER] = header.trim();
			const started = performance.now();
			const response = await fetch(this.scoringUri(endpoint.name), { method: 'POST', headers, body });
			const text = await response.text();
			const latencyMs = performance.now() - started;
			let pretty = text;
			let imputed: ConsoleResponse['imputed'] = [];
			try {
				const answer: unknown = JSON.parse(text);
				pretty = JSON.stringify(answer, null, 2);
				imputed = imputedRecords(answer);
			} catch {
				// not JSON: show it as it came
			}
			this.response = { status: response.status, body: pretty, latencyMs, deployment: response.headers.get(DEPLOYMENT_HEADER), imputed };
			// The service worker writes the log entry after answering; give it a moment.
			setTimeout(() => void this.loadRequests(), 150);
			return this.response;
		} catch (e) {
			this.error = `The request did not reach the endpoint: ${describe(e)}`;
			return null;
		} finally {
			this.sending = false;
		}
	}

	async clearLog(): Promise<void> {
		if (!this.selectedName) return;
		try {
			await clearRequestLog(await getDb(), this.selectedName);
			await this.loadRequests();
		} catch (e) {
			this.error = `The request log was not cleared: ${describe(e)}`;
		}
	}

	/** Performs one step of the safe rollout on the selected endpoint and records what happened. */
	async runStep(step: WalkthroughStep, greenVersion: string): Promise<void> {
		let ok: boolean;
		let text: string;
		switch (step) {
			case 'create-green':
				ok = await this.addDeployment('green', greenVersion);
				break;
			case 'test-green': {
				const response = await this.send(JSON.stringify(sampleRecords(2, 7)), 'green', 'primary');
				ok = response?.status === 200;
				this.walkthrough = { ...this.walkthrough, [step]: { ok, text: response ? `HTTP ${response.status} from ${response.deployment ?? 'no deployment'} in ${response.latencyMs.toFixed(1)} ms.` : (this.error ?? 'No response.') } };
				return;
			}
			case 'green-10':
				ok = await this.setTraffic({ blue: 90, green: 10 });
				break;
			case 'green-100':
				ok = await this.setTraffic({ blue: 0, green: 100 });
				break;
			case 'delete-blue':
				ok = await this.deleteDeployment('blue');
				break;
		}
		text = (ok ? this.message : this.error) ?? '';
		this.walkthrough = { ...this.walkthrough, [step]: { ok, text } };
	}
}
