// The RAG lab's requests in the lab worker: the corpus is fetched once (same origin, cached by the
// service worker), and built indexes are kept between requests, keyed by the settings that shape
// them, so asking or evaluating again with another retriever, k or re-ranking reuses the index.
import { evaluateRagConfig, ragIndexKey } from '../app/evaluate-rag-config';
import { getLabStorage } from '../db/browser-storage';
import { ask } from '../rag/ask';
import { chunkStats } from '../rag/chunk-stats';
import { corpusDocFromFile, parseCorpus } from '../rag/content-corpus';
import { buildIndex, type BuildStage, type RagIndex } from '../rag/rag-index';
import { counterIds } from '../rag/trace';
import type { CorpusDoc, RagConfig } from '../rag/types';
import type { LabProgress } from './protocol';
import { loadRagDataset } from './rag-dataset-source';
import type { RagRequest, RagResult, RagUpload } from './rag-messages';
import { ragSweep } from './rag-sweep';

/** Indexes kept at once (each holds the chunks, BM25 postings and vectors of the whole corpus). */
const KEEP = 3;
const indexes = new Map<string, RagIndex>();
let notes: Promise<CorpusDoc[]> | null = null;
/** Trace ids of the questions asked in this worker. */
const traceIds = counterIds();
/** The build stages in order, for one progress fraction across them. */
const STAGES: BuildStage[] = ['chunk', 'bm25', 'lsa', 'hnsw', 'glossary'];

async function fetchJson(path: string): Promise<unknown> {
	const response = await fetch(path);
	if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status}).`);
	return response.json();
}

async function corpus(upload: RagUpload): Promise<CorpusDoc[]> {
	notes ??= fetchJson('/lab/rag/corpus.json').then(parseCorpus);
	const docs = await notes.catch((e) => {
		notes = null;
		throw e;
	});
	if (!upload) return docs;
	const storage = await getLabStorage();
	return [...docs, corpusDocFromFile(upload.name, await storage.datastore.readText('raw', upload.name))];
}

/** The index for these settings over these documents: kept from an earlier request, or built now. */
export async function indexWith(docs: CorpusDoc[], config: RagConfig, upload: RagUpload, progress: (p: LabProgress) => void = () => {}): Promise<{ index: RagIndex; reused: boolean }> {
	const key = `${ragIndexKey(config)}|${upload?.name ?? ''}`;
	const kept = indexes.get(key);
	if (kept) {
		// Most recently used last, so the oldest is dropped first.
		indexes.delete(key);
		indexes.set(key, kept);
		return { index: kept, reused: true };
	}
	const index = await buildIndex(docs, config, (stage, done, total) => progress({ stage: 'indexing', fraction: (STAGES.indexOf(stage) + (total ? done / total : 0)) / STAGES.length }));
	indexes.set(key, index);
	while (indexes.size > KEEP) indexes.delete(indexes.keys().next().value!);
	return { index, reused: false };
}

/** Evaluations and sweeps run synchronously: cancelling one terminates the worker (the kept indexes go with it). */
export async function handleRag(request: RagRequest, progress: (p: LabProgress) => void): Promise<RagResult> {
	if (request.kind === 'rag-sweep') {
		const [docs, dataset] = await Promise.all([corpus(null), loadRagDataset(request.dataset, fetchJson)]);
		return ragSweep(request, dataset, async (config) => (await indexWith(docs, config, null)).index, progress);
	}
	const docs = await corpus(request.upload);
	const { index, reused } = await indexWith(docs, request.config, request.upload, progress);
	if (request.kind === 'rag-build') return { kind: 'rag-build', info: { docs: docs.length, stats: chunkStats(index.chunks), timings: index.timings, reused } };
	if (request.kind === 'rag-ask') {
		const answer = ask(index, request.question, request.config, () => performance.now(), traceIds);
		const wanted = new Set([...answer.retrieved.map((r) => r.chunkId), ...answer.citations.map((c) => c.chunkId)]);
		return { kind: 'rag-ask', answer, chunks: index.chunks.filter((c) => wanted.has(c.id)) };
	}
	const dataset = await loadRagDataset(request.dataset, fetchJson);
	const evaluation = evaluateRagConfig(index, request.config, dataset, request.gates, {
		now: () => performance.now(),
		onProgress: (fraction) => progress({ stage: 'evaluating', fraction })
	});
	return { kind: 'rag-evaluate', ...evaluation };
}
