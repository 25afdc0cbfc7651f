// State of the Evaluate page: the dataset (a seeded sample of the content dataset, or an uploaded
// JSONL file read through a field mapping, as Foundry's data mapping does), the quality gates, the
// evaluation in the lab worker with progress and cancel (logged as a run), and the trace opened.
import { errorMessage } from '$lib/error-message';
import { DEFAULT_GATES, gateProblems, type GateSpec } from '$lib/rag/eval/gates';
import { DEFAULT_MAPPING, parseJsonlDataset, type FieldMapping } from '$lib/rag/eval/jsonl-dataset';
import type { EvalExample } from '$lib/rag/types';
import { Cancelled } from '$lib/workers/lab-client';
import type { RagDatasetSource, RagEvaluation } from '$lib/workers/rag-messages';
import { evaluateAndTrack, ragLab } from '../rag-lab.svelte';

/** Largest JSONL file read on the page (the parser also limits the number of lines). */
const MAX_JSONL_BYTES = 5 * 1024 * 1024;

export class EvaluatePage {
	source = $state<'content' | 'jsonl'>('content');
	size = $state(50);
	seed = $state(1);
	fileName = $state<string | null>(null);
	#text = '';
	fields = $state<string[]>([]);
	mapping = $state<FieldMapping>({ ...DEFAULT_MAPPING, context: '', relevant: '' });
	mappingError = $state<string | null>(null);
	examples = $state<EvalExample[] | null>(null);
	gates = $state<(GateSpec & { on: boolean })[]>(DEFAULT_GATES.map((g) => ({ ...g, on: true })));
	running = $state(false);
	progress = $state(0);
	error = $state<string | null>(null);
	result = $state<RagEvaluation | null>(null);
	runId = $state<number | null>(null);
	openTrace = $state<string | null>(null);

	async readFile(file: File): Promise<void> {
		this.examples = null;
		this.mappingError = null;
		if (file.size > MAX_JSONL_BYTES) return void (this.mappingError = `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the lab reads JSONL datasets up to 5 MB.`);
		this.fileName = file.name;
		this.#text = await file.text();
		this.fields = [];
		this.applyMapping();
	}

	/** Reads the file through the mapping; a wrong mapping is named (line and field) and nothing runs. */
	applyMapping(): void {
		if (!this.fileName) return;
		try {
			const { examples, fields } = parseJsonlDataset(this.#text, $state.snapshot(this.mapping));
			this.examples = examples;
			this.fields = fields;
			this.mappingError = null;
		} catch (e) {
			this.examples = null;
			this.mappingError = errorMessage(e);
		}
	}

	get activeGates(): GateSpec[] {
		return this.gates.filter((g) => g.on).map(({ metric, op, threshold }) => ({ metric, op, threshold }));
	}

	get problem(): string | null {
		if (this.source === 'jsonl' && !this.examples) return this.mappingError ?? 'Choose a JSONL file and map its fields first.';
		return gateProblems(this.activeGates)[0] ?? null;
	}

	dataset(): RagDatasetSource {
		if (this.source === 'jsonl' && this.examples) return { kind: 'examples', name: this.fileName ?? 'upload.jsonl', examples: $state.snapshot(this.examples) };
		return { kind: 'content', size: this.size, seed: this.seed };
	}

	async run(): Promise<void> {
		if (this.problem) return void (this.error = this.problem);
		this.error = null;
		this.running = true;
		this.progress = 0;
		this.openTrace = null;
		try {
			const { evaluation, runId, runError } = await evaluateAndTrack(ragLab.client, ragLab.snapshot(), this.dataset(), this.activeGates, {
				upload: $state.snapshot(ragLab.upload),
				onProgress: (p) => (this.progress = p.stage === 'evaluating' ? p.fraction : 0)
			});
			this.result = evaluation;
			this.runId = runId;
			this.error = runError;
		} catch (e) {
			this.error = e instanceof Cancelled ? 'Evaluation cancelled; nothing was logged.' : `The evaluation failed: ${errorMessage(e)}`;
		} finally {
			this.running = false;
		}
	}

	cancel(): void {
		ragLab.client.cancel();
	}
}
