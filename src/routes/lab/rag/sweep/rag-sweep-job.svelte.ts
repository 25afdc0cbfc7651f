// State of the RAG Sweep page: which values of chunking, retriever, k and re-ranking to try, the
// sampler and limits, the sweep in the lab worker (each finished trial logged as a run of the sweep's
// experiment), and the points of the quality / latency / cost chart.
import { browserRecordRagEvaluation } from '$lib/app/record-rag-evaluation';
import { sweepExperiment } from '$lib/app/record-sweep-trial';
import { errorMessage } from '$lib/error-message';
import { RAG_SWEEP_CHOICES, ragSearchSpace, type RagSweepParameter } from '$lib/lab/rag-sweep-trial';
import { describeRagConfig } from '$lib/rag/config-params';
import { validateSweep, type SweepConfig } from '$lib/ml/sweep';
import { Cancelled } from '$lib/workers/lab-client';
import type { RagSweepTrial } from '$lib/workers/rag-messages';
import { ragLab } from '../rag-lab.svelte';

export class RagSweepJob {
	picked = $state<Record<RagSweepParameter, (string | number)[]>>({ chunking: ['heading', 256], retriever: ['bm25', 'hybrid'], k: [3, 5], rerank: ['none'] });
	sampler = $state<'grid' | 'random'>('grid');
	maxTotalTrials = $state(8);
	primaryMetric = $state('hit_rate');
	datasetSize = $state(40);
	seed = $state(1);
	status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
	trials = $state<RagSweepTrial[]>([]);
	error = $state<string | null>(null);

	toggle(name: RagSweepParameter, value: string | number): void {
		const values = this.picked[name];
		this.picked[name] = values.includes(value) ? values.filter((v) => v !== value) : RAG_SWEEP_CHOICES[name].filter((v) => v === value || values.includes(v));
	}

	get config(): SweepConfig | string {
		const config: SweepConfig = {
			space: ragSearchSpace($state.snapshot(this.picked)),
			sampler: this.sampler,
			policy: { type: 'none' },
			primaryMetric: this.primaryMetric,
			goal: 'maximize',
			maxTotalTrials: this.maxTotalTrials,
			maxConcurrentTrials: 1,
			seed: this.seed
		};
		return validateSweep(config) ?? config;
	}

	async run(): Promise<void> {
		const sweep = this.config;
		if (typeof sweep === 'string') return void (this.error = sweep);
		this.error = null;
		this.trials = [];
		this.status = 'running';
		const experiment = `rag-${sweepExperiment(new Date())}`;
		let last = new Date();
		const dataset = { kind: 'content' as const, size: this.datasetSize, seed: this.seed };
		try {
			await ragLab.client.run({ kind: 'rag-sweep', base: ragLab.snapshot(), sweep, dataset, gates: [] }, (p) => {
				if (!p.ragTrial) return;
				const trial = p.ragTrial;
				this.trials.push(trial);
				const startedAt = last;
				last = new Date();
				void browserRecordRagEvaluation({ config: trial.config, dataset: { name: `content (${this.datasetSize}, seed ${this.seed})`, size: this.datasetSize }, summary: trial.summary, startedAt, finishedAt: last, experiment, kind: 'sweep', tags: { sweep: experiment, trial: String(trial.trial.id), sampler: sweep.sampler } }).catch((e) => {
					this.error = `Trial ${trial.trial.id} was not recorded as a run: ${errorMessage(e)}`;
				});
			});
			this.status = 'done';
		} catch (e) {
			if (e instanceof Cancelled) this.status = 'cancelled';
			else {
				this.status = 'failed';
				this.error = `The sweep failed: ${errorMessage(e)}`;
			}
		}
	}

	cancel(): void {
		ragLab.client.cancel();
	}

	/** The chart's points: quality (the primary metric) against latency, sized by cost. */
	get points() {
		return this.trials.map((t) => ({
			label: `Trial ${t.trial.id}: ${describeRagConfig(t.config)}`,
			quality: t.summary.metrics[this.primaryMetric] ?? 0,
			latencyMs: t.summary.metrics.latency_p50_ms ?? 0,
			costPer1k: t.summary.metrics.cost_per_1000_usd ?? 0
		}));
	}
}
