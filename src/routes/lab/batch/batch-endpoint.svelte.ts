// State of the Batch endpoint page: the deployment (a registered version or alias), the input file,
// the job's settings, the job running in the lab worker with progress and cancel, its result and
// error log, and the run log.
import { getLabStorage } from '$lib/db/browser-storage';
import { validateBatchSettings } from '$lib/lab/batch-job';
import { errorLogName, parseErrorLog, parseRunLog, type ErrorLogRow, type RunLogRow } from '$lib/lab/batch-run-log';
import { DEFAULT_BATCH_SETTINGS, predictionsName, RUN_LOG, type BatchRun, type BatchSettings } from '$lib/lab/batch-score';
import type { StoredFileInfo, Zone } from '$lib/lab/storage';
import type { ModelVersion } from '$lib/ml/model-artifact';
import { MODEL_NAME } from '$lib/ml/train-model';
import { downloadBlob } from '$lib/ui/download';
import { Cancelled, LabClient } from '$lib/workers/lab-client';

import { errorMessage as describe } from '$lib/error-message';
const ERRORS_SHOWN = 20;

export class BatchEndpoint {
	inputs = $state<StoredFileInfo[]>([]);
	versions = $state<ModelVersion[]>([]);
	aliases = $state<Record<string, number>>({});
	loaded = $state(false);
	/** `raw/<name>` or `curated/<name>`. */
	input = $state('');
	/** A version number, `latest` or an alias. */
	model = $state('latest');
	settings = $state<BatchSettings>({ ...DEFAULT_BATCH_SETTINGS });
	status = $state<'idle' | 'running' | 'cancelling' | 'done'>('idle');
	progress = $state<{ fraction: number; rows: number } | null>(null);
	run = $state<BatchRun | null>(null);
	/** The first rows of the finished run's error log. */
	errorRows = $state<ErrorLogRow[]>([]);
	runLog = $state<RunLogRow[]>([]);
	error = $state<string | null>(null);

	#client = new LabClient();

	async load(): Promise<void> {
		try {
			const { datastore, registry } = await getLabStorage();
			const [raw, curated, versions, aliases] = await Promise.all([datastore.list('raw'), datastore.list('curated'), registry.list(MODEL_NAME), registry.aliases(MODEL_NAME)]);
			this.inputs = [...raw, ...curated].filter((f) => /\.csv$/i.test(f.name));
			this.versions = versions;
			this.aliases = aliases;
			if (!this.inputs.some((f) => `${f.zone}/${f.name}` === this.input)) this.input = this.inputs[0] ? `${this.inputs[0].zone}/${this.inputs[0].name}` : '';
			if (this.model === 'latest' && 'champion' in aliases) this.model = 'champion';
			await this.loadRunLog();
		} catch (e) {
			this.error = `The datastore or the model registry could not be read: ${describe(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	private async loadRunLog(): Promise<void> {
		const { datastore } = await getLabStorage();
		this.runLog = (await datastore.exists('logs', RUN_LOG)) ? parseRunLog(await datastore.readText('logs', RUN_LOG)) : [];
	}

	get selectedInput(): { zone: Zone; name: string } | null {
		const slash = this.input.indexOf('/');
		return slash > 0 ? { zone: this.input.slice(0, slash) as Zone, name: this.input.slice(slash + 1) } : null;
	}

	get outputName(): string | null {
		const input = this.selectedInput;
		return input ? predictionsName(input.name) : null;
	}

	async invoke(): Promise<void> {
		const input = this.selectedInput;
		const settings = $state.snapshot(this.settings);
		const problem = !input ? 'Choose an input file.' : validateBatchSettings(settings);
		if (problem || !input) {
			this.error = problem;
			return;
		}
		this.error = null;
		this.run = null;
		this.errorRows = [];
		this.status = 'running';
		this.progress = { fraction: 0, rows: 0 };
		try {
			const { run } = await this.#client.run({ kind: 'batch', input, model: this.model, settings }, (p) => {
				if (p.stage === 'scoring') this.progress = { fraction: p.fraction, rows: p.rows ?? 0 };
			});
			this.run = run;
			if (run.rowsFailed > 0) {
				const { datastore } = await getLabStorage();
				const name = errorLogName(run.runId);
				if (await datastore.exists('logs', name)) this.errorRows = parseErrorLog(await datastore.readText('logs', name), ERRORS_SHOWN);
			}
		} catch (e) {
			// Cancelling a batch job resolves with its cancelled run; Cancelled only comes from leaving the page.
			if (!(e instanceof Cancelled)) this.error = `The batch job did not start: ${describe(e)}`;
		} finally {
			this.status = 'done';
			this.progress = null;
			await this.load();
		}
	}

	cancel(): void {
		if (this.status !== 'running') return;
		this.status = 'cancelling';
		this.#client.cancel();
	}

	async download(zone: Zone, name: string): Promise<void> {
		try {
			const { input } = await (await getLabStorage()).datastore.openCsv(zone, name);
			downloadBlob(input instanceof Blob ? input : new Blob([String(input)]), name);
		} catch (e) {
			this.error = `${zone}/${name} could not be downloaded: ${describe(e)}`;
		}
	}

	dispose(): void {
		this.#client.dispose();
	}
}
