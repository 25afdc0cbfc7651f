// State of one training run on the Train page: progress from the worker, the outcome, and
// registration into the model registry.
import { getDb } from '$lib/db/browser-db';
import { registerModel } from '$lib/db/model-store';
import type { ModelVersion, TrainParams } from '$lib/ml/model-artifact';
import { validateTrainParams, type TrainOutcome, type TrainProgress } from '$lib/ml/train-delinquency';
import { TrainCancelled, TrainClient } from '$lib/workers/train-client';

export class TrainRun {
	status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
	progress = $state<TrainProgress | null>(null);
	outcome = $state<TrainOutcome | null>(null);
	registered = $state<ModelVersion | null>(null);
	registering = $state(false);
	error = $state<string | null>(null);
	#client: TrainClient | null = null;

	async train(params: TrainParams): Promise<void> {
		const problem = validateTrainParams(params);
		if (problem) {
			this.error = problem;
			return;
		}
		this.#client ??= new TrainClient();
		this.status = 'running';
		this.error = null;
		this.outcome = null;
		this.registered = null;
		this.progress = { stage: 'generating', fraction: 0 };
		try {
			this.outcome = await this.#client.train(params, (p) => (this.progress = p));
			this.status = 'done';
		} catch (e) {
			if (e instanceof TrainCancelled) {
				this.status = 'cancelled';
			} else {
				this.status = 'failed';
				this.error = `Training failed: ${(e as Error).message}`;
			}
		}
	}

	cancel(): void {
		this.#client?.cancel();
	}

	async register(): Promise<void> {
		if (!this.outcome || this.registered || this.registering) return;
		this.registering = true;
		try {
			this.registered = await registerModel(await getDb(), $state.snapshot(this.outcome.draft));
		} catch (e) {
			this.error = `The model was not registered: ${(e as Error).message}`;
		} finally {
			this.registering = false;
		}
	}

	dispose(): void {
		this.#client?.dispose();
	}
}
