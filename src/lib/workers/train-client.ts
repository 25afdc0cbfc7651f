// A promise API over the training worker (after svgomg's messenger): request ids, progress
// callbacks, and cancel by terminating the worker and starting a fresh one next time.
import type { TrainParams } from '../ml/model-artifact';
import type { TrainOutcome, TrainProgress } from '../ml/train-delinquency';
import type { TrainReply, TrainRequest } from './protocol';

export class TrainCancelled extends Error {
	constructor() {
		super('Training was cancelled.');
		this.name = 'TrainCancelled';
	}
}

export class TrainClient {
	#worker: Worker | null = null;
	#nextId = 1;
	#pending: { id: number; reject: (e: Error) => void } | null = null;

	train(params: TrainParams, onProgress: (p: TrainProgress) => void): Promise<TrainOutcome> {
		this.cancel();
		const worker = (this.#worker ??= new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }));
		const requestId = this.#nextId++;
		return new Promise<TrainOutcome>((resolve, reject) => {
			this.#pending = { id: requestId, reject };
			const done = () => {
				worker.removeEventListener('message', onMessage);
				worker.removeEventListener('error', onError);
				if (this.#pending?.id === requestId) this.#pending = null;
			};
			const onMessage = (event: MessageEvent<TrainReply>) => {
				const reply = event.data;
				if (reply.requestId !== requestId) return;
				if (reply.kind === 'progress') onProgress(reply.progress);
				else {
					done();
					if (reply.kind === 'result') resolve(reply.outcome);
					else reject(new Error(reply.message));
				}
			};
			const onError = (event: ErrorEvent) => {
				done();
				this.#worker?.terminate();
				this.#worker = null;
				reject(new Error(event.message || 'The training worker failed to start.'));
			};
			worker.addEventListener('message', onMessage);
			worker.addEventListener('error', onError);
			worker.postMessage({ kind: 'train', requestId, params } satisfies TrainRequest);
		});
	}

	/** Stops any running training at once; its promise rejects with TrainCancelled. */
	cancel(): void {
		if (!this.#pending) return;
		this.#worker?.terminate();
		this.#worker = null;
		const { reject } = this.#pending;
		this.#pending = null;
		reject(new TrainCancelled());
	}

	dispose(): void {
		this.cancel();
		this.#worker?.terminate();
		this.#worker = null;
	}
}
