// State of the Monitoring page: the version being monitored, the pipeline (one daily job or a
// simulated run of days) in the worker, the drift figures read back from curated/, and the
// retrain → compare → promote loop.
import { getDb, getLabStorage } from '$lib/app/browser';
import { browserPromoteChallenger, endpointsToShift } from '$lib/app/promote-challenger';
import { retrainDaysProblem, type RetrainResult } from '$lib/app/retrain-challenger';
import type { BatchRun } from '$lib/lab/batch-score';
import { monitorDays, worstDrift, type DayReport, type SkippedDay } from '$lib/lab/monitoring';
import { rawFileDates, rawFileName } from '$lib/lab/daily-files';
import { DEFAULT_SIMULATION, validateSimulation, type SimulationSettings } from '$lib/lab/simulated-days';
import { describePlan, planSimulation, type ExistingRawFile, type SimulationPlan } from '$lib/lab/simulation-plan';
import { driftBand, type DriftBand } from '$lib/ml/drift';
import type { ModelVersion } from '$lib/ml/model-artifact';
import { MODEL_NAME } from '$lib/ml/train-model';
import { Cancelled, LabClient } from '$lib/workers/lab-client';
import type { LabProgress } from '$lib/workers/protocol';

import { errorMessage as describe } from '$lib/error-message';

/** The version monitored by default: the champion, else the newest. */
export function defaultVersion(versions: readonly ModelVersion[], aliases: Record<string, number>): number | null {
	const champion = aliases['champion'];
	if (champion !== undefined && versions.some((v) => v.version === champion)) return champion;
	return versions[0]?.version ?? null;
}

export class MonitorPage {
	versions = $state<ModelVersion[] | null>(null);
	aliases = $state<Record<string, number>>({});
	chosen = $state<number | null>(null);
	error = $state<string | null>(null);

	/** Dates with a raw daily file, oldest first. */
	rawDates = $state<string[]>([]);
	reports = $state.raw<DayReport[]>([]);
	/** Scored days whose file could not be read, with the reason; the other days are still shown. */
	skipped = $state.raw<SkippedDay[]>([]);
	computing = $state(false);
	/** How long reading curated/ and computing the figures took, on the main thread. */
	computeMs = $state<number | null>(null);
	hasHeldOut = $state(false);

	mode = $state<'simulate' | 'one'>('simulate');
	simulation = $state<SimulationSettings>({ ...DEFAULT_SIMULATION, startDate: '2026-01-01' });
	suddenShiftOn = $state(true);
	/** A day whose raw file exists moves to the next free date, or scores that file; it is never replaced. */
	onExisting = $state<ExistingRawFile>('skip');
	oneDate = $state('');
	pipelineStatus = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
	progress = $state<LabProgress | null>(null);
	pipelineMessage = $state<string | null>(null);
	pipelineError = $state<string | null>(null);
	/** raw/ files the last run wrote. */
	written = $state<string[]>([]);

	retrainDays = $state(7);
	retrainStatus = $state<'idle' | 'running' | 'done' | 'failed'>('idle');
	retrainProgress = $state<LabProgress | null>(null);
	retrainError = $state<string | null>(null);
	comparison = $state<RetrainResult['comparison'] | null>(null);
	challenger = $state<ModelVersion | null>(null);
	promoted = $state<number | null>(null);

	/** Online endpoints that can move their traffic to the challenger when it is promoted, and the chosen ones. */
	endpoints = $state<string[]>([]);
	shiftEndpoints = $state<string[]>([]);
	/** What promotion did on each chosen endpoint, in words. */
	shifted = $state<string[]>([]);

	#client = new LabClient();

	readonly model = $derived(this.versions?.find((v) => v.version === this.chosen) ?? null);
	readonly latest = $derived(this.reports.at(-1) ?? null);
	readonly worst = $derived(this.latest ? worstDrift(this.latest) : null);
	readonly band = $derived<DriftBand>(this.worst ? driftBand(this.worst.drift.psi) : 'none');
	/** What a simulation with the current settings would write and skip, shown before it runs. */
	readonly plan = $derived<SimulationPlan | null>(this.mode === 'simulate' && !validateSimulation(this.#settings()) ? planSimulation(this.#settings(), this.rawDates, this.onExisting) : null);
	readonly planText = $derived(this.plan ? describePlan(this.plan) : null);

	/** `today` is a YYYY-MM-DD date: the default start of a simulation and of a single run. */
	async load(today: string): Promise<void> {
		this.simulation.startDate = today;
		this.oneDate = today;
		try {
			await this.#loadVersions();
			this.chosen = defaultVersion(this.versions!, this.aliases);
			await this.refresh();
		} catch (e) {
			this.error = `The lab storage could not be read: ${describe(e)}`;
		}
	}

	async choose(version: number): Promise<void> {
		this.chosen = version;
		await this.refresh();
	}

	/** Reads the daily files back and measures them against the chosen version. */
	async refresh(): Promise<void> {
		const model = this.model;
		this.computing = true;
		this.error = null;
		try {
			const storage = await getLabStorage();
			await this.#listRawDates();
			if (this.rawDates.length && !this.rawDates.includes(this.oneDate)) this.oneDate = this.rawDates.at(-1)!;
			if (!model) {
				this.reports = [];
				return;
			}
			const heldOut = await storage.registry.heldOut(MODEL_NAME, model.version);
			this.hasHeldOut = !!heldOut;
			const started = performance.now();
			const skipped: SkippedDay[] = [];
			this.reports = await monitorDays(storage, $state.snapshot(model) as ModelVersion, heldOut?.p ?? null, { onSkipped: (day) => skipped.push(day) });
			this.skipped = skipped;
			this.computeMs = performance.now() - started;
		} catch (e) {
			this.error = `The monitoring figures could not be computed: ${describe(e)}`;
		} finally {
			this.computing = false;
		}
	}

	async #listRawDates(): Promise<void> {
		const raw = await (await getLabStorage()).datastore.list('raw');
		this.rawDates = rawFileDates(raw.map((f) => f.name));
	}

	/** Problem with the pipeline form, in words, or null. */
	get pipelineProblem(): string | null {
		if (this.chosen === null) return 'Choose a model version first.';
		if (this.mode === 'one') return /^\d{4}-\d{2}-\d{2}$/.test(this.oneDate) ? null : 'Choose a date like 2026-11-25.';
		return validateSimulation(this.#settings());
	}

	#settings(): SimulationSettings {
		const s = $state.snapshot(this.simulation);
		return { ...s, suddenShiftDay: this.suddenShiftOn ? s.suddenShiftDay : null };
	}

	async runPipeline(): Promise<void> {
		const problem = this.pipelineProblem;
		if (problem || this.chosen === null) {
			this.pipelineError = problem;
			return;
		}
		// Planned against the raw files as they are now, not as they were when the form was drawn.
		if (this.mode === 'simulate') {
			try {
				await this.#listRawDates();
			} catch (e) {
				this.pipelineError = `raw/ could not be listed, so nothing was simulated: ${describe(e)}`;
				return;
			}
		}
		const plan = this.mode === 'simulate' ? planSimulation(this.#settings(), this.rawDates, this.onExisting) : null;
		const days = plan ? plan.days : [{ date: this.oneDate, generate: null }];
		this.pipelineStatus = 'running';
		this.written = [];
		this.pipelineError = null;
		this.pipelineMessage = null;
		this.progress = { stage: 'scoring', fraction: 0 };
		let runs: BatchRun[] = [];
		try {
			const result = await this.#client.run({ kind: 'pipeline', modelVersion: this.chosen, days }, (p) => (this.progress = p));
			runs = result.runs;
			this.written = result.written;
			const ran = new Set(runs.map((r) => r.input));
			const done: SimulationPlan | null = plan && { ...plan, days: plan.days.filter((d) => ran.has(`raw/${rawFileName(d.date)}`)), kept: plan.kept.filter((d) => ran.has(`raw/${rawFileName(d)}`)) };
			const rows = runs.reduce((s, r) => s + r.rowsOut, 0).toLocaleString('en');
			this.pipelineStatus = result.cancelled ? 'cancelled' : 'done';
			this.pipelineMessage = result.cancelled
				? `Cancelled after ${runs.length} of ${result.requested} days (${rows} accounts scored); the days that ran are kept.`
				: `Scored ${runs.length} day${runs.length === 1 ? '' : 's'} (${rows} accounts) with ${MODEL_NAME}:${this.chosen}.`;
			if (done) this.pipelineMessage += ` ${describePlan(done)}`;
		} catch (e) {
			this.pipelineStatus = e instanceof Cancelled ? 'cancelled' : 'failed';
			if (!(e instanceof Cancelled)) this.pipelineError = describe(e);
		}
		await this.refresh();
	}

	cancel(): void {
		this.#client.cancel();
	}

	/** Trains a challenger on the last K days' raw files (labels included) in the worker, compares it with the champion on its holdout and registers it. */
	async retrain(): Promise<void> {
		const problem = retrainDaysProblem(this.retrainDays);
		if (problem || this.rawDates.length === 0) {
			this.retrainError = problem ?? 'There are no daily files in raw/ yet: run the pipeline first.';
			return;
		}
		this.retrainStatus = 'running';
		this.retrainError = null;
		this.comparison = null;
		this.challenger = null;
		this.promoted = null;
		this.retrainProgress = { stage: 'reading', fraction: 0 };
		try {
			const { challenger, comparison } = await this.#client.run({ kind: 'retrain', modelName: MODEL_NAME, days: this.retrainDays, fallbackChampion: this.chosen }, (p) => (this.retrainProgress = p));
			this.challenger = challenger;
			this.comparison = comparison;
			await this.#loadVersions();
			await this.loadEndpoints();
			this.retrainStatus = 'done';
		} catch (e) {
			this.retrainStatus = e instanceof Cancelled ? 'idle' : 'failed';
			if (!(e instanceof Cancelled)) this.retrainError = `Retraining failed: ${describe(e)}`;
		}
	}

	/** Points `champion` at the challenger (removing its `challenger` alias), shifts the chosen endpoints' traffic to it, all at once, and monitors it from now on. */
	async promote(): Promise<void> {
		const challenger = this.challenger;
		if (!challenger) return;
		this.retrainError = null;
		this.shifted = [];
		try {
			this.shifted = await browserPromoteChallenger({ modelName: MODEL_NAME, version: challenger.version, endpoints: this.shiftEndpoints });
			this.promoted = challenger.version;
			await this.#loadVersions();
			await this.choose(challenger.version);
		} catch (e) {
			this.retrainError = `The challenger was not promoted: ${describe(e)}`;
		}
	}

	async #loadVersions(): Promise<void> {
		const { registry } = await getLabStorage();
		this.versions = await registry.list(MODEL_NAME);
		this.aliases = await registry.aliases(MODEL_NAME);
	}

	/** Lists the online endpoints with at least one deployment; all are chosen by default. */
	async loadEndpoints(): Promise<void> {
		this.endpoints = await endpointsToShift(await getDb());
		this.shiftEndpoints = [...this.endpoints];
	}

	dispose(): void {
		this.#client.dispose();
	}
}
