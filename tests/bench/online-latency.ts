// Online endpoint latency: 1,000 single-record requests sent with fetch from a page of the built app
// and answered by the service worker (routing, key check, model read from IndexedDB, scoring, log
// write). The reference, measured in the same page and run, is the pure handleScore() alone with the
// endpoint and model already in memory, so what the service worker and IndexedDB add is visible.
// Timed in a Chromium that no debugger watches (bare-chromium.ts), as a learner's browser runs.
// Needs `npm run build` first; run by `npm run bench`, or alone:
// `BENCH_PORT=4195 node --import tsx tests/bench/online-latency.ts`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/lib/backup/backup-format';
import { DB_NAME } from '../../src/lib/db/schema';
import { toTaggedJson } from '../../src/lib/backup/tagged-json';
import { sampleRecords } from '../../src/lib/lab/endpoint-console';
import { addDeployment, createEndpoint } from '../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../src/lib/ml/delinquency-data';
import type { ModelVersion } from '../../src/lib/ml/model-artifact';
import { seededRandom } from '../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../src/lib/ml/train-model';
import { chromium } from '@playwright/test';
import { openBarePage, type BarePage } from './bare-chromium';
import { CHROMIUM, CHROMIUM_ARGS, startPreview } from './built-app';

/** The port of the built app; BENCH_PORT lets runs on one machine use different ports. */
const PORT = Number(process.env.BENCH_PORT ?? 4198);
const REQUESTS = 1000;
const root = join(import.meta.dirname, '../..');

const stats = (d: number[]) => {
	const s = [...d].sort((a, b) => a - b);
	return { p50: s[Math.ceil(s.length * 0.5) - 1]!, p95: s[Math.ceil(s.length * 0.95) - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
};
// The page clock is coarsened to about 0.1 ms, so the mean is what shows sub-tick costs.
const f = (x: { p50: number; p95: number; mean: number }) => `p50 ${x.p50.toFixed(2)} ms, p95 ${x.p95.toFixed(2)} ms, mean ${x.mean.toFixed(3)} ms`;

export async function onlineLatencyBench(): Promise<string[]> {
	const now = new Date();
	const model: ModelVersion = { ...trainModel(generateDelinquencyTable(2000, 3), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft, version: 1, description: 'bench', tags: {} };
	const endpoint = addDeployment(createEndpoint('bench', seededRandom(1), now), { name: 'blue', modelName: model.name, modelVersion: 1 }, now);
	const file = join(mkdtempSync(join(tmpdir(), 'prep-lab-bench-')), 'endpoint-backup.json');
	writeFileSync(file, toTaggedJson({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, stores: { models: [model], endpoints: [endpoint] } }));
	// The same pure code the service worker runs, bundled for the page.
	const bundle = await build({
		stdin: { contents: `export { handleScore } from './src/lib/lab/online-endpoint';`, resolveDir: root, loader: 'ts' },
		bundle: true,
		format: 'iife',
		globalName: 'onlineEndpoint',
		write: false
	});
	const bodies = sampleRecords(REQUESTS, 11).map((r) => JSON.stringify([r]));

	const server = await startPreview(PORT);
	const profile = mkdtempSync(join(tmpdir(), 'prep-lab-online-profile-'));
	let page: BarePage | null = null;
	try {
		// Set up with Playwright (the backup restored through Settings, as a learner does), in a profile
		// kept on disk; then time in the same profile with a bare Chromium (bare-chromium.ts).
		const setup = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		try {
			const tab = await setup.newPage();
			await tab.goto(`${server.base}/settings`);
			await tab.locator('#backup-file').setInputFiles(file);
			await tab.getByRole('button', { name: 'Replace my data with this backup' }).click({ timeout: 60_000 });
			await tab.getByTestId('backup-message').waitFor({ timeout: 60_000 });
			await tab.evaluate(`navigator.serviceWorker.ready.then(() => undefined)`);
		} finally {
			await setup.close();
		}
		page = await openBarePage(`${server.base}/settings`, profile);
		const bare = page;
		// Strings, not functions: tsx would add helpers the page does not have.
		for (let tries = 0; ; tries++) {
			try {
				if (await bare.evaluate<boolean>(`location.pathname === '/settings' && document.readyState === 'complete'`)) break;
			} catch {
				/* the page is still navigating */
			}
			if (tries === 100) throw new Error('The settings page did not load in the bare Chromium.');
			await new Promise((r) => setTimeout(r, 100));
		}
		await bare.evaluate(`(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
		})()`);
		const key = endpoint.keys.primary;
		const viaWorker = await bare.evaluate<number[]>(`(async () => {
			const bodies = ${JSON.stringify(bodies)};
			const send = async (body) => {
				const response = await fetch('/api/endpoints/bench/score', { method: 'POST', headers: { authorization: 'Bearer ${key}', 'content-type': 'application/json' }, body });
				const json = await response.json();
				if (response.status !== 200) throw new Error(JSON.stringify(json));
			};
			for (let i = 0; i < 50; i++) await send(bodies[i]);
			const times = [];
			for (const body of bodies) {
				const t = performance.now();
				await send(body);
				times.push(performance.now() - t);
			}
			return times;
		})()`);

		// Inside the service worker: the latency each answered request logged (routing to the answer).
		// Read after the log's batches are written (it waits for a pause in requests).
		await new Promise((r) => setTimeout(r, 1000));
		const logged = await bare.evaluate<number[]>(`new Promise((resolve, reject) => {
			const open = indexedDB.open('${DB_NAME}');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const all = open.result.transaction('endpointRequests').objectStore('endpointRequests').getAll();
				all.onsuccess = () => resolve(all.result.slice(-${REQUESTS}).map((r) => r.latencyMs));
				all.onerror = () => reject(all.error);
			};
		})`);
		// The floors, through the same service worker: an OPTIONS request to the same endpoint URL, which
		// the worker answers with an empty 204 before any other work (the cost of a fetch round trip
		// through a service worker alone), and a small precached file (one cache lookup).
		const timeFetches = (send: string) =>
			bare.evaluate<number[]>(`(async () => {
				const send = ${send};
				for (let i = 0; i < 50; i++) await send();
				const times = [];
				for (let i = 0; i < ${REQUESTS}; i++) {
					const t = performance.now();
					await send();
					times.push(performance.now() - t);
				}
				return times;
			})()`);
		const options = await timeFetches(`async () => { const r = await fetch('/api/endpoints/bench/score', { method: 'OPTIONS' }); if (r.status !== 204) throw new Error('OPTIONS ' + r.status); }`);
		const floor = await timeFetches(`async () => (await fetch('/manifest.webmanifest')).text()`);

		// A DevTools evaluation is not subject to the page's Content-Security-Policy.
		await bare.evaluate(bundle.outputFiles[0]!.text);
		const inPage = await bare.evaluate<number[]>(`(async () => {
			const bodies = ${JSON.stringify(bodies)};
			const endpoint = ${JSON.stringify(endpoint)};
			const model = ${JSON.stringify(model)};
			const call = (body) => onlineEndpoint.handleScore(
				{ endpointName: 'bench', authorization: 'Bearer ${key}', deploymentHeader: null, body },
				{ endpoint, loadModel: () => model, random: Math.random, now: new Date() }
			).then((out) => JSON.stringify(out.body));
			for (let i = 0; i < 50; i++) await call(bodies[i]);
			const times = [];
			for (const body of bodies) {
				const t = performance.now();
				await call(body);
				times.push(performance.now() - t);
			}
			return times;
		})()`);
		const sw = stats(viaWorker);
		const ref = stats(inPage);
		return [
			`online endpoint, ${REQUESTS.toLocaleString('en')} single-record requests, fetch → service worker → IndexedDB → score → log (Chromium with no debugger watching requests): ${f(sw)}`,
			`  inside the service worker (its logged latency, request to answer): ${f(stats(logged))}`,
			`  floor, OPTIONS to the same URL (an empty 204, answered before any work): ${f(stats(options))}`,
			`  a precached 1 KB file fetched through the same service worker: ${f(stats(floor))}`,
			`  reference, the same handleScore() in the page, endpoint and model in memory: mean ${ref.mean.toFixed(3)} ms per request (service worker + IndexedDB add ${(sw.mean - ref.mean).toFixed(2)} ms on average)`
		];
	} finally {
		await page?.close();
		server.close();
		// Chromium's helper processes may still be leaving the profile: retry, and never hide the result.
		try {
			rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
		} catch (e) {
			console.error(`The temporary profile ${profile} could not be removed: ${(e as Error).message}`);
		}
	}
}

if (process.argv[1]?.endsWith('online-latency.ts')) console.log((await onlineLatencyBench()).join('\n'));
