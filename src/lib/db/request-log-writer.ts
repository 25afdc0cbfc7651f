// The service worker's request log, written in batches off the response path: an answered request's
// entry waits in memory and is written with the others in one transaction once requests pause
// (`idleMs` without a new entry), at the latest `maxDelayMs` after the oldest waiting entry, or at
// once when `maxBatch` entries wait. `add` returns when the entry is written, so the service worker
// passes it to `event.waitUntil` and is kept alive until then: nothing is lost on a normal flow. If
// the browser kills the worker anyway (a crash, or a lifetime limit), the entries still waiting
// (at most `maxDelayMs` worth) are lost; the answers themselves were already sent.
import { logEndpointRequests } from './endpoint-store';
import type { PrepLabDb, StoredEndpointRequest } from './schema';

export type RequestLogEntry = Omit<StoredEndpointRequest, 'id'>;

export interface RequestLogWriter {
	/** Queues one entry; resolves once its batch is written (rejects if that write failed). */
	add(entry: RequestLogEntry): Promise<void>;
	/** Writes what is waiting now; never rejects (a failed write rejects the `add` calls of its entries). */
	flush(): Promise<void>;
}

export interface LogTiming {
	idleMs: number;
	maxDelayMs: number;
	maxBatch: number;
}

export const LOG_TIMING: LogTiming = { idleMs: 30, maxDelayMs: 300, maxBatch: 200 };

interface Batch {
	entries: RequestLogEntry[];
	written: Promise<void>;
	settle(error?: unknown): void;
}

function newBatch(): Batch {
	let settle!: Batch['settle'];
	const written = new Promise<void>((resolve, reject) => (settle = (error) => (error === undefined ? resolve() : reject(error))));
	// Nobody may be waiting on a failed batch; its callers are told through `add`.
	written.catch(() => undefined);
	return { entries: [], written, settle };
}

export function requestLogWriter(database: () => Promise<PrepLabDb>, timing: LogTiming = LOG_TIMING): RequestLogWriter {
	let waiting: Batch | null = null;
	let idleTimer: ReturnType<typeof setTimeout> | undefined;
	let deadlineTimer: ReturnType<typeof setTimeout> | undefined;

	async function flush(): Promise<void> {
		clearTimeout(idleTimer);
		clearTimeout(deadlineTimer);
		const batch = waiting;
		waiting = null;
		if (!batch) return;
		try {
			await logEndpointRequests(await database(), batch.entries);
			batch.settle();
		} catch (e) {
			batch.settle(e ?? new Error('The request log could not be written.'));
		}
	}

	return {
		add(entry) {
			if (!waiting) {
				waiting = newBatch();
				deadlineTimer = setTimeout(flush, timing.maxDelayMs);
			}
			const batch = waiting;
			batch.entries.push(entry);
			clearTimeout(idleTimer);
			if (batch.entries.length >= timing.maxBatch) void flush();
			else idleTimer = setTimeout(flush, timing.idleMs);
			return batch.written;
		},
		flush
	};
}
