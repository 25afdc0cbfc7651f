// State of the Sweep page: the search space form, the sweep in the lab worker with live trials and
// cancel, trials kept for this tab in sessionStorage, and registering the best trial through the
// Train page's own run (TrainRun), so there is one path from a trained model to the registry.
import { browserRecordSweepTrial, sweepExperiment } from '$lib/app/record-sweep-trial';
import { DELINQUENCY_SCHEMA } from '$lib/ml/delinquency-data';
import type { ModelVersion } from '$lib/ml/model-artifact';
import { errorMessage as describe } from '$lib/error-message';
import { POLICY_NAMES, validateSweep, type Goal, type SamplerName, type SearchSpace, type SweepConfig, type TerminationPolicy, type Trial } from '$lib/ml/sweep';
import { CATEGORICAL_PARAMETERS, PRIMARY_METRICS, SWEEP_PARAMETERS, schemaForSubset, trialSettings } from '$lib/ml/sweep-trial';
import { Cancelled, LabClient } from '$lib/workers/lab-client';
import { TrainRun } from '../train/train-run.svelte';
import { DEFAULT_ROWS, rowExpression, type ParameterRow } from './search-space-rows';

export type PolicyType = TerminationPolicy['type'];

const STORAGE_KEY = 'prep-lab:sweep';

export class SweepJob {
	parameters = $state<ParameterRow[]>(DEFAULT_ROWS.map((r) => ({ ...r })));
	sampler = $state<SamplerName>('grid');
	policyType = $state<PolicyType>('none');
	slackKind = $state<'factor' | 'amount'>('factor');
	slack = $state(0.1);
	evaluationInterval = $state(1);
	delayEvaluation = $state(0);
	truncationPercentage = $state(20);
	primaryMetric = $state('AUC');
	goal = $state<Goal>('maximize');
	maxTotalTrials = $state(6);
	maxConcurrentTrials = $state(2);
	seed = $state(42);
	rows = $state(2000);
	folds = $state(3);

	status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
	/** Trials by id, updated as the worker reports. */
	trials = $state<Trial[]>([]);
	/** The configuration the shown trials came from. */
	ran = $state<{ config: SweepConfig; rows: number; folds: number } | null>(null);
	error = $state<string | null>(null);
	registering = $state(false);
	registered = $state<ModelVersion | null>(null);

	#client = new LabClient();

	get policy(): TerminationPolicy {
		const timing = { evaluationInterval: this.evaluationInterval, delayEvaluation: this.delayEvaluation };
		switch (this.policyType) {
			case 'none':
				return { type: 'none' };
			case 'bandit':
				return { type: 'bandit', ...(this.slackKind === 'factor' ? { slackFactor: this.slack } : { slackAmount: this.slack }), ...timing };
			case 'median':
				return { type: 'median', ...timing };
			case 'truncation':
				return { type: 'truncation', truncationPercentage: this.truncationPercentage, ...timing };
		}
	}

	/** The configuration the form describes, or why it cannot run. */
	get config(): SweepConfig | string {
		const space: SearchSpace = {};
		for (const row of this.parameters) {
			if (!row.enabled) continue;
			const e = rowExpression(row);
			if (typeof e === 'string') return e;
			space[row.name] = e;
		}
		const config: SweepConfig = {
			space,
			sampler: this.sampler,
			policy: this.policy,
			primaryMetric: this.primaryMetric,
			goal: this.goal,
			maxTotalTrials: this.maxTotalTrials,
			maxConcurrentTrials: this.maxConcurrentTrials,
			seed: this.seed
		};
		const problem = validateSweep(config) ?? this.#dataProblem(space);
		return problem ?? config;
	}

	get problem(): string | null {
		const c = this.config;
		return typeof c === 'string' ? c : null;
	}

	#dataProblem(space: SearchSpace): string | null {
		if (!(Number.isInteger(this.rows) && this.rows >= 200 && this.rows <= 50_000)) return 'Rows must be a whole number from 200 to 50,000.';
		if (!(Number.isInteger(this.folds) && this.folds >= 2 && this.folds <= 10)) return 'Folds (intervals per trial) must be 2 to 10.';
		for (const name of CATEGORICAL_PARAMETERS) {
			const e = space[name];
			if (e?.type !== 'choice') continue;
			// Check each categorical choice once, so a typo is named before the sweep starts.
			for (const v of e.values) {
				try {
					trialSettings({ [name]: v }, 0, 0);
				} catch (err) {
					return describe(err);
				}
			}
		}
		return null;
	}

	/** The metric's usual direction, which the learner can still override. */
	setPrimaryMetric(metric: string): void {
		this.primaryMetric = metric;
		this.goal = PRIMARY_METRICS[metric]?.goal ?? 'maximize';
	}

	load(): void {
		try {
			const saved = sessionStorage.getItem(STORAGE_KEY);
			if (!saved) return;
			const { ran, trials } = JSON.parse(saved) as { ran: SweepJob['ran']; trials: Trial[] };
			if (!ran || !Array.isArray(trials)) return;
			this.ran = ran;
			this.trials = trials;
			this.status = trials.some((t) => t.status === 'running') ? 'cancelled' : 'done';
		} catch {
			// A damaged or foreign entry is simply not restored.
		}
	}

	#save(): void {
		try {
			sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ran: $state.snapshot(this.ran), trials: $state.snapshot(this.trials) }));
		} catch {
			// Storage full or blocked: the trials stay on the page.
		}
	}

	async run(): Promise<void> {
		const config = this.config;
		if (typeof config === 'string') {
			this.error = config;
			return;
		}
		this.error = null;
		this.registered = null;
		this.trials = [];
		this.ran = { config, rows: this.rows, folds: this.folds };
		this.status = 'running';
		// Each trial becomes a run of this sweep's experiment on the Runs page (MLflow child runs).
		const startedAt = new Date();
		const experiment = sweepExperiment(startedAt);
		try {
			await this.#client.run({ kind: 'sweep', source: { kind: 'generate', rows: this.rows, seed: this.seed }, config, folds: this.folds }, (p) => {
				if (!p.event) return;
				const trial = p.event.trial;
				const i = this.trials.findIndex((t) => t.id === trial.id);
				if (i >= 0) this.trials[i] = trial;
				else this.trials.push(trial);
				if (p.event.kind === 'finished') {
					this.#save();
					void this.#logTrial(experiment, config, trial, startedAt);
				}
			});
			this.status = 'done';
		} catch (e) {
			if (e instanceof Cancelled) this.status = 'cancelled';
			else {
				this.status = 'failed';
				this.error = `The sweep failed: ${describe(e)}`;
			}
		}
		this.#save();
	}

	cancel(): void {
		this.#client.cancel();
	}

	async #logTrial(experiment: string, config: SweepConfig, trial: Trial, startedAt: Date): Promise<void> {
		try {
			const data = { rows: this.rows, seed: this.seed, folds: this.folds };
			await browserRecordSweepTrial({ experiment, config, trial: $state.snapshot(trial), data, startedAt, finishedAt: new Date() });
		} catch (e) {
			this.error = `Trial ${trial.id} was not recorded as a run: ${describe(e)}`;
		}
	}

	get best(): Trial | null {
		const goal = this.ran?.config.goal ?? 'maximize';
		let best: Trial | null = null;
		for (const t of this.trials) {
			if (t.status !== 'completed') continue;
			const v = t.metrics.at(-1)!;
			if (!best || (goal === 'maximize' ? v > best.metrics.at(-1)! : v < best.metrics.at(-1)!)) best = t;
		}
		return best;
	}

	/** How a trial ended, in words. */
	outcome(t: Trial): string {
		if (t.status === 'running') return 'running';
		if (t.status === 'completed') return 'completed';
		const policy = this.ran ? POLICY_NAMES[this.ran.config.policy.type] : 'the policy';
		return `cancelled by ${policy} at interval ${t.cancelledAt}: ${t.reason}`;
	}

	/** Trains the best trial's settings on the full training split and registers the model. */
	async registerBest(): Promise<void> {
		const best = this.best;
		if (!best || !this.ran || this.registering) return;
		this.registering = true;
		this.error = null;
		const train = new TrainRun();
		try {
			const settings = trialSettings(best.params, this.ran.config.seed, 0);
			train.source = 'generate';
			train.rows = this.ran.rows;
			train.seed = this.ran.config.seed;
			train.params = settings.params;
			train.generatedSchema = settings.features === 'all' ? null : schemaForSubset(DELINQUENCY_SCHEMA, settings.features);
			await train.train();
			if (train.status !== 'done') throw new Error(train.error ?? 'training did not finish');
			// The trial's threshold goes on the version as its `threshold` tag, as a threshold chosen on Train does.
			train.threshold = settings.threshold;
			const values = Object.entries(best.params)
				.map(([k, v]) => `${k}=${v}`)
				.join(', ');
			await train.register(`Best trial ${best.id} of a ${this.ran.config.sampler} sweep (${values}); decision threshold ${settings.threshold}.`);
			if (!train.registered) throw new Error(train.error ?? 'the registry did not accept it');
			this.registered = train.registered;
		} catch (e) {
			this.error = `The best trial was not registered: ${describe(e)}`;
		} finally {
			train.dispose();
			this.registering = false;
		}
	}

	dispose(): void {
		this.#client.dispose();
	}
}

export { SWEEP_PARAMETERS };
