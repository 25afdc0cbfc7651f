// The RAG lab's shared state, one per tab, kept while the learner moves between its pages: the
// configuration being tried (saved in localStorage, checked when read back), the optional datastore
// file added to the corpus, the last index built and the lab worker that keeps that index.
import { browserRecordRagEvaluation } from '$lib/app/record-rag-evaluation';
import { errorMessage } from '$lib/error-message';
import { DEFAULT_RAG_CONFIG, validateRagConfig } from '$lib/rag/config';
import type { RagConfig } from '$lib/rag/types';
import { Cancelled, LabClient } from '$lib/workers/lab-client';
import type { GateSpec } from '$lib/rag/eval/gates';
import type { LabProgress } from '$lib/workers/protocol';
import type { RagBuildInfo, RagDatasetSource, RagEvaluation, RagUpload } from '$lib/workers/rag-messages';

const STORAGE_KEY = 'prep-lab:rag-config';

/** The configuration saved in this browser, or the defaults when there is none or it is unusable. */
function storedConfig(): RagConfig {
	try {
		const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
		if (value && validateRagConfig(value) === null) return value as RagConfig;
	} catch {
		// Unreadable: the defaults below.
	}
	return structuredClone(DEFAULT_RAG_CONFIG);
}

export class RagLab {
	config = $state<RagConfig>(structuredClone(DEFAULT_RAG_CONFIG));
	/** A Markdown or text file of raw/ added to the notes, or null. */
	upload = $state<RagUpload>(null);
	build = $state<RagBuildInfo | null>(null);
	building = $state(false);
	/** Share of the index build done, 0–1. */
	buildProgress = $state(0);
	error = $state<string | null>(null);
	readonly client = new LabClient();
	#loaded = false;

	/** Reads the saved configuration once per tab (in the browser only). */
	load(): void {
		if (this.#loaded) return;
		this.#loaded = true;
		this.config = storedConfig();
	}

	/** Keeps the configuration for the next visit. */
	save(): void {
		try {
			localStorage.setItem(STORAGE_KEY, JSON.stringify($state.snapshot(this.config)));
		} catch {
			// Storage blocked: the configuration stays for this tab only.
		}
	}

	setConfig(config: RagConfig): void {
		this.config = structuredClone(config);
		this.save();
	}

	reset(): void {
		this.setConfig(DEFAULT_RAG_CONFIG);
	}

	/** A plain copy for the worker (state proxies cannot be posted). */
	snapshot(): RagConfig {
		return $state.snapshot(this.config) as RagConfig;
	}

	/** Builds the index for the current settings (the worker reuses one it already has). */
	async buildIndex(): Promise<void> {
		this.save();
		this.building = true;
		this.buildProgress = 0;
		this.error = null;
		try {
			const { info } = await this.client.run({ kind: 'rag-build', config: this.snapshot(), upload: $state.snapshot(this.upload) }, (p) => (this.buildProgress = p.fraction));
			this.build = info;
		} catch (e) {
			if (!(e instanceof Cancelled)) this.error = `The index was not built: ${errorMessage(e)}`;
		} finally {
			this.building = false;
		}
	}
}

/**
 * Evaluates `config` on a dataset in the worker and logs the result as a run of the `rag` experiment
 * (with the saved version's name when it is one). Returns the evaluation and the run's id (null when
 * the run could not be stored: the report is still shown).
 */
export async function evaluateAndTrack(
	client: LabClient,
	config: RagConfig,
	dataset: RagDatasetSource,
	gates: GateSpec[],
	options: { upload?: RagUpload; saved?: { name: string; version: number }; onProgress?: (p: LabProgress) => void } = {}
): Promise<{ evaluation: RagEvaluation; runId: number | null; runError: string | null }> {
	const startedAt = new Date();
	const { kind: _kind, ...evaluation } = await client.run({ kind: 'rag-evaluate', config, upload: options.upload ?? null, dataset, gates }, options.onProgress);
	try {
		const runId = await browserRecordRagEvaluation({ config, saved: options.saved, dataset: evaluation.dataset, summary: evaluation.summary, startedAt, finishedAt: new Date() });
		return { evaluation, runId, runError: null };
	} catch (e) {
		return { evaluation, runId: null, runError: `The evaluation was not recorded as a run: ${errorMessage(e)}` };
	}
}

export const ragLab = new RagLab();
