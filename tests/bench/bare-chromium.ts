// Chromium with nothing attached but a DevTools pipe used only to evaluate scripts: no Network or
// Page domain is enabled, so no request is reported to a debugger as it is made. Playwright turns
// network events on for every page it drives, and in this Chromium that added about 0.6 ms to the
// p95 of a fetch through the service worker (OPTIONS: 3.1 ms with Playwright, 2.5 ms bare): the
// online endpoint benchmark measures what a learner's browser does. Protocol: JSON messages ended
// by a NUL byte on file descriptors 3 (to Chromium) and 4 (from it).
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_ARGS } from './built-app';

export interface BarePage {
	/** Evaluates an expression in the page (awaiting a promise) and returns its JSON value. */
	evaluate<T>(expression: string): Promise<T>;
	/** Stops Chromium and resolves once it has exited (its profile can then be removed). */
	close(): Promise<void>;
}

export async function openBarePage(url: string, userDataDir: string): Promise<BarePage> {
	const chrome = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
	const toChrome = chrome.stdio[3] as Writable;
	const fromChrome = chrome.stdio[4] as Readable;
	const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	let nextId = 1;
	let pending = '';
	let gone: Error | null = null;
	const decoder = new StringDecoder('utf8');
	const fail = (e: Error) => {
		gone ??= e;
		waiting.forEach((w) => w.reject(gone!));
		waiting.clear();
	};
	chrome.on('error', fail);
	toChrome.on('error', fail);
	fromChrome.on('error', fail);
	fromChrome.on('data', (data: Buffer) => {
		pending += decoder.write(data);
		for (let end = pending.indexOf('\0'); end >= 0; end = pending.indexOf('\0')) {
			const message = JSON.parse(pending.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
			pending = pending.slice(end + 1);
			const waiter = message.id === undefined ? undefined : waiting.get(message.id);
			if (!waiter) continue;
			waiting.delete(message.id!);
			if (message.error) waiter.reject(new Error(message.error.message));
			else waiter.resolve(message.result);
		}
	});
	const exited = new Promise<void>((resolve) =>
		chrome.on('exit', () => {
			fail(new Error('Chromium exited'));
			resolve();
		})
	);
	const close = () => {
		if (chrome.exitCode === null && chrome.signalCode === null) {
			chrome.kill();
			// A Chromium that does not stop on SIGTERM within 5 s is killed outright.
			const hard = setTimeout(() => chrome.kill('SIGKILL'), 5000);
			void exited.then(() => clearTimeout(hard));
		}
		return exited;
	};
	const send = <T>(method: string, params: object, sessionId?: string) =>
		new Promise<T>((resolve, reject) => {
			if (gone) return reject(gone);
			const id = nextId++;
			waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
			toChrome.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
		});
	try {
		const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url });
		const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
		return {
			async evaluate<T>(expression: string) {
				const reply = await send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
				if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
				return reply.result.value;
			},
			close
		};
	} catch (e) {
		await close();
		throw e;
	}
}
