/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precache the app (build output, static files, prerendered pages) under a cache named by the
// build version, serve it cache-first so everything works offline, and wait for the page's
// "Update" before a new version takes over.
import { build, files, prerendered, version } from '$service-worker';
import { requestLogWriter } from '$lib/db/request-log-writer';
import { openPrepLabDb, type PrepLabDb } from '$lib/db/schema';
import { servingCache, type ServingCache } from '$lib/db/serving-cache';
import { handleMirror, handleScore, type ModelLookup } from '$lib/lab/online-endpoint';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `prep-lab-${version}`;
const ASSETS = [...build, ...files, ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(ASSETS);
			await precacheWorkerChunks(cache);
			// The very first install has nothing to replace: take over at once.
			if (!sw.registration.active) await sw.skipWaiting();
		})()
	);
});

/**
 * The chunks the lab worker imports on first use (the RAG engine and its tokenizer): `$service-worker`'s
 * `build` lists the worker scripts but not the chunks of their own dynamic imports, so they are read
 * from the cached scripts (and from those chunks in turn).
 */
async function precacheWorkerChunks(cache: Cache): Promise<void> {
	const found = new Set<string>();
	const queue = build.filter((path) => path.includes('/workers/'));
	for (let path = queue.shift(); path; path = queue.shift()) {
		const script = await (await cache.match(path))?.text();
		for (const [, relative] of script?.matchAll(/import\(\s*[`'"](\.{1,2}\/[^`'"]+\.js)[`'"]\s*\)/g) ?? []) {
			const chunk = new URL(relative!, new URL(path, sw.location.href)).pathname;
			if (found.has(chunk) || ASSETS.includes(chunk)) continue;
			found.add(chunk);
			await cache.add(chunk);
			queue.push(chunk);
		}
	}
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') sw.skipWaiting();
	// clients.claim() in activate skips a page that was still loading then; such a page asks again.
	if (event.data?.type === 'CLAIM') event.waitUntil(sw.clients.claim());
});

// Online endpoints: `/api/endpoints/<name>/score` is answered here, from IndexedDB, so it works offline.
// Endpoints and checked models stay in memory (serving-cache.ts: one small read per request tells
// whether they changed); the request log is written in batches after the answers (request-log-writer.ts).
const SCORE_PATH = /^\/api\/endpoints\/([^/]+)\/score\/?$/;

interface Connection {
	db: PrepLabDb;
	serving: ServingCache;
}
let connection: Promise<Connection> | null = null;
/** One cached connection and its memory; dropped when a newer app version upgrades the schema, reopened on the next request. */
function open(): Promise<Connection> {
	connection ??= openPrepLabDb({ onVersionChange: () => (connection = null) }).then(
		(db) => ({ db, serving: servingCache(db) }),
		(e: unknown) => {
			connection = null;
			throw e;
		}
	);
	return connection;
}
const requestLog = requestLogWriter(async () => (await open()).db);

const encoder = new TextEncoder();
/**
 * The answer's body as a stream. Chromium hands a stream body to the page through a data pipe, while
 * a string body becomes a blob the browser process registers first: measured in this Chromium, a
 * round trip took p95 3.2 ms with a stream body against 7–10 ms with a string body.
 */
function streamed(text: string): ReadableStream<Uint8Array> {
	const bytes = encoder.encode(text);
	return new ReadableStream({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
}
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	new Response(streamed(JSON.stringify(body)), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });

const random = () => Math.random();

async function answerScore(request: Request, endpointName: string, background: (work: Promise<unknown>) => void): Promise<Response> {
	const started = performance.now();
	if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: 'POST, OPTIONS' } });
	if (request.method !== 'POST') return json(405, { error: { code: 'MethodNotAllowed', message: `Score with POST, not ${request.method}.` } }, { allow: 'POST, OPTIONS' });
	try {
		const { serving } = await open();
		const [body] = await Promise.all([request.text(), serving.refresh()]);
		const endpoint = await serving.endpoint(endpointName);
		const loadModel: ModelLookup = serving.model;
		const outcome = await handleScore(
			{ endpointName, authorization: request.headers.get('authorization'), deploymentHeader: request.headers.get('azureml-model-deployment'), body },
			{ endpoint, loadModel, random, now: new Date() }
		);
		const latencyMs = performance.now() - started;
		background(requestLog.add({ ...outcome.log, latencyMs }));
		if (outcome.mirror && endpoint) {
			const copy = outcome.mirror;
			background(
				(async () => {
					const mirrorStarted = performance.now();
					const log = await handleMirror(endpoint, copy, loadModel, new Date());
					await requestLog.add({ ...log, latencyMs: performance.now() - mirrorStarted });
				})()
			);
		}
		return json(outcome.status, outcome.body, outcome.headers);
	} catch (e) {
		return json(500, { error: { code: 'InternalError', message: `The endpoint could not answer: ${(e as Error).message}` } });
	}
}

/** The prerendered 404 page, answered with status 404 at whatever URL was asked for (it reads the URL itself). */
async function notFound(cache: Cache): Promise<Response | undefined> {
	const page = await cache.match('/not-found');
	return page && new Response(page.body, { status: 404, statusText: 'Not Found', headers: page.headers });
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const scoring = SCORE_PATH.exec(url.pathname);
	if (scoring) {
		let name: string;
		try {
			name = decodeURIComponent(scoring[1]!);
		} catch {
			name = scoring[1]!;
		}
		event.respondWith(answerScore(request, name, (work) => event.waitUntil(work.catch(() => undefined))));
		return;
	}
	if (request.method !== 'GET') return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// The path alone, which is how every file was cached (the query string never selects a file here).
			const cached = await cache.match(url.pathname);
			if (cached) return cached;
			try {
				const response = await fetch(request);
				// A host without the app's 404 page (any static host) still shows it, with the navigation.
				if (request.mode === 'navigate' && response.status === 404) return (await notFound(cache)) ?? response;
				return response;
			} catch {
				// Offline and not precached: every page is precached, so a navigation here is to a page that does not exist.
				if (request.mode === 'navigate') {
					const page = (await notFound(cache)) ?? (await cache.match('/'));
					if (page) return page;
				}
				return new Response('Offline, and this file is not cached.', { status: 503, headers: { 'content-type': 'text/plain' } });
			}
		})()
	);
});
