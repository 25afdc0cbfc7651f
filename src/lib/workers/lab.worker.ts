/// <reference lib="webworker" />
// Runs CSV reading, training, retraining, batch scoring, the pipeline (daily jobs over several days)
// and the RAG lab (rag-worker.ts) off the main thread so the page stays responsive.
import { retrainChallenger } from '../app/retrain-challenger';
import { getDb } from '../db/browser-db';
import { getLabStorage } from '../db/browser-storage';
import { logRun } from '../db/run-store';
import { ensureRoom } from '../db/idb-datastore';
import { estimateOutputBytes } from '../lab/batch-job';
import { batchScore, type BatchRun } from '../lab/batch-score';
import { runPipeline } from '../lab/pipeline';
import { resolveVersion } from '../lab/registry';
import { previewCsv, readCsvTable } from '../ml/csv-read';
import { CsvSchemaError } from '../ml/csv-schema';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../ml/delinquency-data';
import { runSweep } from '../ml/sweep';
import { cvEvaluator } from '../ml/sweep-trial';
import { MODEL_NAME, trainModel } from '../ml/train-model';
import type { DataSource, LabError, LabProgress, LabRequest, LabResult, WorkerReply, WorkerRequest } from './protocol';
import type { RagRequest } from './rag-messages';

async function load(source: DataSource, progress: (p: LabProgress) => void) {
	if (source.kind === 'generate') {
		progress({ stage: 'generating', fraction: 0 });
		return { table: generateDelinquencyTable(source.rows, source.seed), schema: source.schema ?? [...DELINQUENCY_SCHEMA] };
	}
	const table = await readCsvTable(source.file, source.schema, { onProgress: (f) => progress({ stage: 'reading', fraction: f * 0.3 }) });
	return { table, schema: source.schema };
}

/** The pipeline over some days, in the worker; stops between days when cancelled. */
async function pipeline(request: Extract<LabRequest, { kind: 'pipeline' }>, progress: (p: LabProgress) => void, signal: AbortSignal): Promise<LabResult> {
	const storage = await getLabStorage();
	const model = await storage.registry.get(MODEL_NAME, request.modelVersion);
	if (!model) throw new Error(`Version ${request.modelVersion} of model "${MODEL_NAME}" does not exist.`);
	const total = request.days.length;
	const { runs, cancelled, written } = await runPipeline(storage, model, request.days, {
		signal,
		onStage: (stage, day) => progress({ stage, fraction: (day.done + (stage === 'scoring' ? 0.5 : 0)) / total, day })
	});
	if (!cancelled) progress({ stage: 'scoring', fraction: 1, day: { date: request.days.at(-1)?.date ?? '', done: total, total } });
	return { kind: 'pipeline', runs, requested: total, cancelled, written };
}

const isRag = (request: LabRequest): request is RagRequest => request.kind.startsWith('rag-');

// `signal` is aborted when the page cancels a request listed in COOPERATIVE_CANCEL.
async function handle(request: LabRequest, progress: (p: LabProgress) => void, signal: AbortSignal): Promise<LabResult> {
	// Loaded on first use: the RAG engine carries the o200k_base tokenizer (about 2 MB), which training
	// and batch scoring never need, so the worker starts without it.
	if (isRag(request)) return (await import('./rag-worker')).handleRag(request, progress);
	if (request.kind === 'preview') return { kind: 'preview', preview: await previewCsv(request.file, request.targetHint) };
	if (request.kind === 'batch') return { kind: 'batch', run: await batchJob(request, progress, signal) };
	if (request.kind === 'pipeline') return pipeline(request, progress, signal);
	if (request.kind === 'retrain') {
		const { kind: _kind, ...retrain } = request;
		const db = await getDb();
		const result = await retrainChallenger(await getLabStorage(), retrain, { onProgress: (stage, fraction, loss) => progress({ stage, fraction, loss }), logRun: (run) => logRun(db, run) });
		return { kind: 'retrain', ...result };
	}
	if (request.kind === 'sweep') {
		const { table, schema } = await load(request.source, progress);
		const { config, folds } = request;
		const evaluator = cvEvaluator(table, schema, config.primaryMetric, folds, config.seed);
		let finished = 0;
		const result = runSweep(config, folds, evaluator, (event) => {
			if (event.kind === 'finished') finished++;
			progress({ stage: 'sweeping', fraction: finished / config.maxTotalTrials, event });
		});
		return { kind: 'sweep', result, rows: table.rows };
	}
	const { source, params } = request;
	const { table, schema } = await load(source, progress);
	const offset = 0.3;
	const outcome = trainModel(table, schema, params, (p) => progress({ ...p, fraction: offset + p.fraction * (1 - offset) }));
	return { kind: 'train', outcome, schema, rows: table.rows };
}

/** Runs in this worker (storage works here: getDb() touches no window); failed and cancelled runs are results too. */
async function batchJob({ input, model, settings }: Extract<LabRequest, { kind: 'batch' }>, progress: (p: LabProgress) => void, signal: AbortSignal): Promise<BatchRun> {
	const storage = await getLabStorage();
	const version = await resolveVersion(storage.registry, MODEL_NAME, model);
	const { size } = await storage.datastore.openCsv(input.zone, input.name);
	// Refuse before reading a row if the output clearly cannot fit; close() checks the real size again.
	await ensureRoom(estimateOutputBytes(size, settings.outputAction));
	progress({ stage: 'scoring', fraction: 0, rows: 0 });
	try {
		return await batchScore(storage, version, input, settings, { signal, onProgress: (fraction, rows) => progress({ stage: 'scoring', fraction, rows }) });
	} catch (e) {
		const run = (e as { run?: BatchRun }).run;
		if (run) return run;
		throw e;
	}
}

const running = new Map<number, AbortController>();

addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
	const message = event.data;
	if ('cancel' in message) return running.get(message.requestId)?.abort();
	const { requestId, request } = message;
	const controller = new AbortController();
	running.set(requestId, controller);
	const post = (reply: WorkerReply, transfer: Transferable[] = []) => postMessage(reply, { transfer });
	try {
		const result = await handle(request, (progress) => post({ requestId, kind: 'progress', progress }), controller.signal);
		post({ requestId, kind: 'result', result });
	} catch (e) {
		const error: LabError = e instanceof CsvSchemaError ? { message: e.message, row: e.row, column: e.column } : { message: e instanceof Error ? e.message : String(e) };
		if (controller.signal.aborted) error.cancelled = true;
		post({ requestId, kind: 'error', error });
	} finally {
		running.delete(requestId);
	}
});
