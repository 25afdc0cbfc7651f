// A promise API over the lab worker (after svgomg's messenger): request ids, progress callbacks,
// and cancel (cooperative, or by terminating the worker; a fresh one starts with the next request).
import { COOPERATIVE_CANCEL, type LabError, type LabProgress, type LabRequest, type LabResult, type WorkerReply, type WorkerRequest } from './protocol';

export class Cancelled extends Error {
	constructor() {
		super('Cancelled.');
		this.name = 'Cancelled';
	}
}

/** A worker failure carrying the row and column of a CSV problem, when there is one. */
export class LabWorkerError extends Error {
	readonly row?: number;
	readonly column?: string;
	constructor(error: LabError) {
		super(error.message);
		this.name = 'LabWorkerError';
		this.row = error.row;
		this.column = error.column;
	}
}

export class LabClient {
	#worker: Worker | null = null;
	#nextId = 1;
	#pending: { id: number; cooperative: boolean; reject: (e: Error) => void } | null = null;

	get busy(): boolean {
		return this.#pending !== null;
	}

	/**
	 * Starts the worker now if none is running, so that a page's first request does not wait for the
	 * worker's script to load (about 0.1–0.2 s in the batch benchmark, issue 18).
	 */
	start(): Worker {
		return (this.#worker ??= new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }));
	}

	run<K extends LabRequest['kind']>(request: Extract<LabRequest, { kind: K }>, onProgress: (p: LabProgress) => void = () => {}): Promise<Extract<LabResult, { kind: K }>> {
		this.cancel();
		const worker = this.start();
		const requestId = this.#nextId++;
		return new Promise((resolve, reject) => {
			this.#pending = { id: requestId, cooperative: COOPERATIVE_CANCEL.has(request.kind), reject };
			const done = () => {
				worker.removeEventListener('message', onMessage);
				worker.removeEventListener('error', onError);
				if (this.#pending?.id === requestId) this.#pending = null;
			};
			const onMessage = (event: MessageEvent<WorkerReply>) => {
				const reply = event.data;
				if (reply.requestId !== requestId) return;
				if (reply.kind === 'progress') return onProgress(reply.progress);
				done();
				if (reply.kind === 'result') resolve(reply.result as Extract<LabResult, { kind: K }>);
				else reject(reply.error.cancelled ? new Cancelled() : new LabWorkerError(reply.error));
			};
			const onError = (event: ErrorEvent) => {
				done();
				this.#worker?.terminate();
				this.#worker = null;
				reject(new Error(event.message || 'The lab worker stopped unexpectedly.'));
			};
			worker.addEventListener('message', onMessage);
			worker.addEventListener('error', onError);
			worker.postMessage({ requestId, request } satisfies WorkerRequest);
		});
	}

	/**
	 * Stops the running request; its promise rejects with Cancelled. A cooperative request is asked
	 * to stop and rejects once the worker has cleaned up; any other is stopped at once.
	 */
	cancel(): void {
		if (!this.#pending) return;
		if (this.#pending.cooperative && this.#worker) {
			this.#worker.postMessage({ requestId: this.#pending.id, cancel: true } satisfies WorkerRequest);
			return;
		}
		this.#worker?.terminate();
		this.#worker = null;
		const { reject } = this.#pending;
		this.#pending = null;
		reject(new Cancelled());
	}

	dispose(): void {
		this.cancel();
		this.#worker?.terminate();
		this.#worker = null;
	}
}
