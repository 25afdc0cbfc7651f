// State of the Batch endpoint page: the deployment (a registered version or alias), the input file,
// the job's settings, the job running in the lab worker with progress and cancel, its result and
// error log, and the run log.
import { fileBlob, readBatchJobView, readErrorRows } from '$lib/app/batch-job-view';
import { getLabStorage } from '$lib/app/browser';
import { validateBatchSettings } from '$lib/lab/batch-job';
import type { ErrorLogRow, RunLogRow } from '$lib/lab/batch-run-log';
import { DEFAULT_BATCH_SETTINGS, predictionsName, type BatchRun, type BatchSettings } from '$lib/lab/batch-score';
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
		// Jobs run in the lab worker: it starts loading with the page's first read, not on Invoke.
		if (!this.loaded) this.#client.start();
		try {
			const { inputs, versions, aliases, runLog } = await readBatchJobView(await getLabStorage(), MODEL_NAME);
			this.inputs = inputs;
			this.versions = versions;
			this.aliases = aliases;
			if (!this.inputs.some((f) => `${f.zone}/${f.name}` === this.input)) this.input = this.inputs[0] ? `${this.inputs[0].zone}/${this.inputs[0].name}` : '';
			if (this.model === 'latest' && 'champion' in aliases) this.model = 'champion';
			this.runLog = runLog;
		} catch (e) {
			this.error = `The datastore or the model registry could not be read: ${describe(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	get selectedInput(): { zone: Zone; name: string } | null {
		const slash = this.input.indexOf('/');
		return slash > 0 ? { zone: this.input.slice(0, slash) as Zone, name: this.input.slice(slash + 1) } : null;
	}

	get outputName(): string | null {
		const input = this.selectedInput;
		return input ? predictionsName(input.name) : null;
	}

	/** The stored file this job's output would replace (an earlier job's predictions), if any. */
	get replaces(): StoredFileInfo | null {
		if (this.settings.outputAction !== 'append_row') return null;
		const name = this.outputName;
		return this.inputs.find((f) => f.zone === 'curated' && f.name === name) ?? null;
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
			if (run.rowsFailed > 0) this.errorRows = await readErrorRows((await getLabStorage()).datastore, run.runId, ERRORS_SHOWN);
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
			downloadBlob(await fileBlob((await getLabStorage()).datastore, zone, name), name);
		} catch (e) {
			this.error = `${zone}/${name} could not be downloaded: ${describe(e)}`;
		}
	}

	dispose(): void {
		this.#client.dispose();
	}
}
