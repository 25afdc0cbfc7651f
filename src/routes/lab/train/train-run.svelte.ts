// State of the Train page: the data source (generator or an imported CSV with confirmed column
// roles), the run in the worker with progress and cancel, and registration of the result.
import { browserRecordTrainRun } from '$lib/app/record-train-run';
import { browserRegisterTrainedModel } from '$lib/app/register-trained-model';
import { browserTrainingData as trainingData } from '$lib/app/training-data';
import { errorMessage as describe } from '$lib/error-message';
import type { TrainRunInput } from '$lib/lab/train-run-record';
import type { StoredFileInfo } from '$lib/lab/storage';
import type { CsvPreview } from '$lib/ml/csv-read';
import type { LossPoint } from '$lib/ml/train-model';
import type { ModelVersion, SolverName, TrainParams } from '$lib/ml/model-artifact';
import type { ColumnSchema } from '$lib/ml/table';
import { DEFAULT_TRAIN_PARAMS, validateTrainParams, type TrainOutcome } from '$lib/ml/train-model';
import { DEFAULT_THRESHOLD, thresholdTag } from '$lib/lab/online-endpoint';
import { Cancelled, LabClient } from '$lib/workers/lab-client';
import type { DataSource, LabProgress } from '$lib/workers/protocol';

/** How the result and the loss curves name each solver. */
export const SOLVER_NAMES = { newton: 'Newton (exact)', gd: 'Gradient descent' } as const;

export class TrainRun {
	source = $state<'generate' | 'csv'>('generate');
	rows = $state(5000);
	seed = $state(42);
	/** Column roles for generated data when some features are left out (a sweep's feature subset); null uses them all. */
	generatedSchema = $state<ColumnSchema[] | null>(null);
	files = $state<StoredFileInfo[]>([]);
	schemas = $state(new Map<string, ColumnSchema[]>());
	selectedFile = $state<string | null>(null);
	/** A schema proposed for a file and not yet confirmed. */
	draftSchema = $state<ColumnSchema[] | null>(null);
	preview = $state<CsvPreview | null>(null);
	busyReading = $state(false);
	dataError = $state<string | null>(null);

	params = $state<TrainParams>({ ...DEFAULT_TRAIN_PARAMS });
	status = $state<'idle' | 'running' | 'done' | 'cancelled' | 'failed'>('idle');
	progress = $state<LabProgress | null>(null);
	outcome = $state<TrainOutcome | null>(null);
	trainedOn = $state('');
	error = $state<string | null>(null);
	registered = $state<ModelVersion | null>(null);
	registering = $state(false);
	/** Decision threshold chosen on the evaluation report; registered as the version's `threshold` tag, which endpoints use. */
	threshold = $state(DEFAULT_THRESHOLD);
	/** Latest loss curve per solver on the current data, so the two can be compared. */
	lossCurves = $state<Partial<Record<SolverName, { fingerprint: string; curve: LossPoint[] }>>>({});
	/** The tracked run of the latest training, so registering can record the version it produced. */
	runId = $state<number | null>(null);

	#client = new LabClient();

	async load(): Promise<void> {
		try {
			({ files: this.files, schemas: this.schemas } = await trainingData.read());
		} catch (e) {
			this.dataError = `Your datastore could not be read: ${describe(e)}`;
		}
	}

	/** Checks a chosen file in the worker first; only a readable CSV is stored in raw/. */
	async importFile(file: File): Promise<void> {
		this.dataError = null;
		this.busyReading = true;
		try {
			const { preview } = await this.#client.run({ kind: 'preview', file });
			const { name, files } = await trainingData.import(file);
			this.files = files;
			this.source = 'csv';
			this.selectedFile = name;
			this.preview = preview;
			this.draftSchema = preview.schema.map((c) => ({ ...c }));
		} catch (e) {
			if (!(e instanceof Cancelled)) this.dataError = `"${file.name}" cannot be used: ${describe(e)}`;
		} finally {
			this.busyReading = false;
		}
	}

	/** Picks a stored CSV; proposes a schema if its roles were never confirmed. */
	async selectFile(name: string): Promise<void> {
		this.selectedFile = name;
		this.dataError = null;
		this.preview = null;
		this.draftSchema = null;
		if (this.schemas.has(name)) return;
		this.busyReading = true;
		try {
			const { preview } = await this.#client.run({ kind: 'preview', file: await trainingData.open(name) });
			this.preview = preview;
			this.draftSchema = preview.schema.map((c) => ({ ...c }));
		} catch (e) {
			if (!(e instanceof Cancelled)) this.dataError = `raw/${name} cannot be used: ${describe(e)}`;
		} finally {
			this.busyReading = false;
		}
	}

	editSchema(): void {
		if (this.selectedFile) this.draftSchema = (this.schemas.get(this.selectedFile) ?? []).map((c) => ({ ...c }));
	}

	schemaProblem(schema: ColumnSchema[]): string | null {
		const targets = schema.filter((c) => c.role === 'target').length;
		if (targets !== 1) return targets ? 'Choose only one target column.' : 'Choose a target column (the 0/1 outcome).';
		if (!schema.some((c) => c.role === 'feature')) return 'Choose at least one feature column.';
		return null;
	}

	async confirmSchema(): Promise<void> {
		if (!this.selectedFile || !this.draftSchema || this.schemaProblem(this.draftSchema)) return;
		const schema = $state.snapshot(this.draftSchema);
		await trainingData.confirm(this.selectedFile, schema);
		this.schemas = new Map(this.schemas).set(this.selectedFile, schema);
		this.draftSchema = null;
	}

	get ready(): boolean {
		return this.source === 'generate' || (this.selectedFile !== null && this.schemas.has(this.selectedFile) && !this.draftSchema);
	}

	async train(): Promise<void> {
		const params = $state.snapshot(this.params);
		const problem = validateTrainParams(params) ?? (this.source === 'generate' && !(Number.isInteger(this.rows) && this.rows >= 200 && this.rows <= 500_000) ? 'Rows must be a whole number from 200 to 500,000.' : null);
		if (problem) {
			this.error = problem;
			return;
		}
		let source: DataSource;
		if (this.source === 'generate') source = { kind: 'generate', rows: this.rows, seed: this.seed, ...(this.generatedSchema ? { schema: $state.snapshot(this.generatedSchema) } : {}) };
		else {
			if (!this.ready || !this.selectedFile) return;
			source = { kind: 'csv', file: await trainingData.open(this.selectedFile), fileName: this.selectedFile, schema: $state.snapshot(this.schemas.get(this.selectedFile)!) };
		}
		this.status = 'running';
		this.error = null;
		this.outcome = null;
		this.registered = null;
		// A threshold chosen for the previous model says nothing about the next one.
		this.threshold = DEFAULT_THRESHOLD;
		this.progress = { stage: source.kind === 'csv' ? 'reading' : 'generating', fraction: 0 };
		this.runId = null;
		const startedAt = new Date();
		const data: TrainRunInput['data'] = source.kind === 'csv' ? { kind: 'csv', fileName: source.fileName } : { kind: 'generate', rows: source.rows, seed: source.seed };
		const track = (status: TrainRunInput['status'], outcome?: TrainOutcome, error?: string) =>
			this.#track({ params, data, startedAt, finishedAt: new Date(), status, ...(outcome ? { outcome } : {}), ...(error ? { error } : {}) });
		try {
			const { outcome } = await this.#client.run({ kind: 'train', source, params }, (p) => (this.progress = p));
			await track('finished', outcome);
			this.outcome = outcome;
			this.trainedOn = source.kind === 'csv' ? `raw/${source.fileName}` : `synthetic data (${this.rows.toLocaleString()} rows, seed ${this.seed})`;
			const fingerprint = outcome.draft.dataFingerprint;
			const kept = Object.fromEntries(Object.entries(this.lossCurves).filter(([, v]) => v.fingerprint === fingerprint));
			this.lossCurves = { ...kept, [params.solver]: { fingerprint, curve: outcome.lossCurve } };
			this.status = 'done';
		} catch (e) {
			// Logged before the status changes, so what the page says is already on the Runs page.
			if (e instanceof Cancelled) {
				await track('cancelled');
				this.status = 'cancelled';
			} else {
				await track('failed', undefined, describe(e));
				this.status = 'failed';
				this.error = `Training failed: ${describe(e)}`;
			}
		}
	}

	/** Logs the run for the Runs page; a tracking problem is reported but never hides the result. */
	async #track(input: TrainRunInput): Promise<void> {
		try {
			this.runId = await browserRecordTrainRun(input);
		} catch (e) {
			this.error = `The run was not recorded on the Runs page: ${describe(e)}`;
		}
	}

	cancel(): void {
		this.#client.cancel();
	}

	async register(description: string): Promise<void> {
		if (!this.outcome || this.registered || this.registering) return;
		this.registering = true;
		try {
			const tags = { data: this.trainedOn, threshold: thresholdTag(this.threshold) };
			this.registered = await browserRegisterTrainedModel($state.snapshot(this.outcome) as TrainOutcome, { description, tags }, this.runId);
		} catch (e) {
			this.error = `The model was not registered: ${describe(e)}`;
		} finally {
			this.registering = false;
		}
	}

	dispose(): void {
		this.#client.dispose();
	}
}
