// RAG engine benchmark on the whole note corpus (Node, one process): index build time per stage for
// each chunking, query latency p50/p95 per retriever through ask(), and exact vs HNSW recall@10 and
// search latency at several efSearch values. Queries are the exam items' stems; each item names its
// note, so the share of questions whose note is retrieved is a first, rough quality figure.
// Run alone: `node --import tsx tests/bench/rag-bench.ts`.
import { buildContent } from '../../src/lib/content/bundle';
import { ask } from '../../src/lib/rag/ask';
import { DEFAULT_RAG_CONFIG } from '../../src/lib/rag/config';
import { corpusFromNotes } from '../../src/lib/rag/corpus';
import { buildIndex, embedQuery, type RagIndex } from '../../src/lib/rag/rag-index';
import type { RagConfig } from '../../src/lib/rag/types';
import { hnswIndex, recallAtK } from '../../src/lib/rag/vector-index';
import { readContentDir } from '../unit/content/read-content-dir';

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

interface Query {
	text: string;
	/** The note the exam item names. */
	note: string;
}

/** Latency of ask() and the share of questions whose item's note is among the retrieved chunks' notes. */
function measure(index: RagIndex, queries: Query[], config: RagConfig): { p50: number; p95: number; hit: number } {
	const times: number[] = [];
	let hits = 0;
	for (const q of queries) {
		const start = performance.now();
		const { retrieved } = ask(index, q.text, config, () => performance.now());
		times.push(performance.now() - start);
		if (retrieved.some((r) => r.chunkId.slice(0, r.chunkId.lastIndexOf('#')) === q.note)) hits++;
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), hit: hits / queries.length };
}

export async function ragBench(): Promise<string[]> {
	const { content } = buildContent(readContentDir());
	const docs = corpusFromNotes(content.notes);
	const queries: Query[] = content.items.filter((i) => i.stem.trim() !== '').map((i) => ({ text: i.stem, note: i.note }));
	const out = [`\nRAG engine on ${docs.length} notes, ${queries.length} exam-item stems as queries (Node ${process.version})`];
	const strategies: RagConfig['chunking'][] = [{ kind: 'heading' }, { kind: 'fixed', size: 128, overlap: 0.25 }, DEFAULT_RAG_CONFIG.chunking, { kind: 'sentences', window: 3, stride: 1 }];
	let defaultIndex: RagIndex | undefined;
	for (const chunking of strategies) {
		const config = { ...DEFAULT_RAG_CONFIG, chunking };
		const start = performance.now();
		const cpu = process.cpuUsage();
		const index = await buildIndex(docs, config);
		const total = performance.now() - start;
		const { user, system } = process.cpuUsage(cpu);
		out.push(`build ${JSON.stringify(chunking)}: ${index.chunks.length} chunks, ${index.lsa.vocabulary.size} terms, wall ${ms(total)}, CPU ${ms((user + system) / 1000)} (${index.timings.map((t) => `${t.stage} ${ms(t.ms)}`).join(', ')})`);
		if (chunking === DEFAULT_RAG_CONFIG.chunking) defaultIndex = index;
	}
	const index = defaultIndex!;
	const base = DEFAULT_RAG_CONFIG;
	const variants: [string, RagConfig][] = [
		['bm25', { ...base, retriever: 'bm25' }],
		['vector exact', { ...base, retriever: 'vector', vector: { ...base.vector, index: 'exact' } }],
		['vector HNSW', { ...base, retriever: 'vector' }],
		['hybrid (RRF, HNSW)', base],
		['hybrid + MMR', { ...base, rerank: 'mmr' }]
	];
	for (const [name, config] of variants) {
		measure(index, queries.slice(0, 20), config);
		const { p50, p95, hit } = measure(index, queries, config);
		out.push(`ask() ${name}, k ${config.k}: p50 ${ms(p50)}, p95 ${ms(p95)}; item's note retrieved for ${(100 * hit).toFixed(1)} %`);
	}
	const vectors = queries.map((q) => embedQuery(index, q.text));
	const exactTimes: number[] = [];
	const exactTop = vectors.map((v) => {
		const s = performance.now();
		const r = index.exact.search(v, 10);
		exactTimes.push(performance.now() - s);
		return r;
	});
	exactTimes.sort((a, b) => a - b);
	out.push(`exact k-NN over ${index.chunks.length} vectors × ${index.lsa.dims} dims: p50 ${ms(percentile(exactTimes, 0.5))}, p95 ${ms(percentile(exactTimes, 0.95))}`);
	for (const [M, efConstruction] of [[16, 200], [16, 100], [4, 20]] as const) {
		const start = performance.now();
		const hnsw = await hnswIndex(index.lsa.vectors, base.vector.metric, { M, efConstruction, efSearch: 10 });
		const buildMs = performance.now() - start;
		for (const efSearch of [10, 50, 200]) {
			const times: number[] = [];
			let recall = 0;
			vectors.forEach((v, i) => {
				const s = performance.now();
				const r = hnsw.search(v, 10, efSearch);
				times.push(performance.now() - s);
				recall += recallAtK(exactTop[i]!, r);
			});
			times.sort((a, b) => a - b);
			out.push(`HNSW M ${M}, efConstruction ${efConstruction} (build ${ms(buildMs)}), efSearch ${efSearch}: recall@10 ${(recall / vectors.length).toFixed(3)}, p50 ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}`);
		}
	}
	return out;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await ragBench()).join('\n'));
