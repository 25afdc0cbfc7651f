import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/lib/rag/ask';
import { DEFAULT_RAG_CONFIG } from '../../../src/lib/rag/config';
import { buildIndex, indexMismatch, type RagIndex } from '../../../src/lib/rag/rag-index';
import type { CorpusDoc, RagConfig } from '../../../src/lib/rag/types';

const doc = (id: string, text: string): CorpusDoc => ({ id, title: id, domain: 'd', text, url: `/notes/${id}` });

const DOCS = [
	doc('endpoints', '## Online endpoints\n\nA managed online endpoint serves real-time scoring requests. Traffic is split between blue and green deployments.\n\n## Batch endpoints\n\nA batch endpoint scores large files as a job. Outputs are written to a datastore.'),
	doc('quota', '## Capacity\n\nProvisioned throughput unit (PTU) deployments reserve model capacity. Standard deployments are limited by tokens per minute.'),
	doc('drift', '## Monitoring\n\nData drift compares production inputs with the training data. An alert fires when drift passes a threshold.'),
	doc('tracing', '## Traces\n\nA trace records the spans of one request. Each span has a duration and attributes.')
];

const config = (change: Partial<RagConfig> = {}): RagConfig => ({ ...DEFAULT_RAG_CONFIG, chunking: { kind: 'heading' }, k: 2, vector: { ...DEFAULT_RAG_CONFIG.vector, dims: 4, M: 4, efConstruction: 16, efSearch: 16 }, ...change });

/** A clock that moves 1 ms per reading. */
const tickingClock = () => {
	let t = 100;
	return () => t++;
};

describe('buildIndex and ask', () => {
	let index: RagIndex;
	beforeAll(async () => {
		const stages: string[] = [];
		index = await buildIndex(DOCS, config(), (stage) => stages.push(stage), tickingClock());
		expect([...new Set(stages)]).toEqual(['chunk', 'bm25', 'lsa', 'hnsw', 'glossary']);
	});

	it('builds chunks, postings, vectors and both vector indexes, timing each stage', () => {
		expect(index.chunks.map((c) => c.id)).toEqual(['endpoints#0', 'endpoints#1', 'quota#0', 'drift#0', 'tracing#0']);
		expect(index.lsa.vectors).toHaveLength(5);
		expect(index.hnsw?.kind).toBe('hnsw');
		expect(index.timings.map((t) => t.stage)).toEqual(['chunk', 'bm25', 'lsa', 'hnsw', 'glossary']);
		expect(index.timings.every((t) => t.ms >= 1)).toBe(true);
	});

	it('answers from the retrieved chunks with citations, a prompt and a cost', () => {
		const answer = ask(index, 'How does a batch endpoint score files?', config({ retriever: 'bm25' }), tickingClock());
		expect(answer.retrieved[0]).toMatchObject({ chunkId: 'endpoints#1', rank: 1 });
		expect(answer.retrieved.length).toBeLessThanOrEqual(2);
		expect(answer.answer).toContain('A batch endpoint scores large files as a job.');
		expect(answer.citations.every((c) => answer.retrieved.some((r) => r.chunkId === c.chunkId))).toBe(true);
		expect(answer.prompt.context).toContain('[1] endpoints#1 — Batch endpoints');
		expect(answer.costUsd).toBeCloseTo((answer.prompt.tokens / 1000) * 0.0025 + (Number(answer.trace.spans[0]!.attributes['gen_ai.usage.output_tokens']) / 1000) * 0.01, 12);
	});

	it('rewrites acronyms from the glossary and says so', () => {
		const answer = ask(index, 'What does PTU reserve?', config({ retriever: 'bm25' }), tickingClock());
		expect(answer.rewritten).toBe('What does PTU reserve? provisioned throughput unit');
		expect(answer.retrieved[0]!.chunkId).toBe('quota#0');
		expect(ask(index, 'What does PTU reserve?', config({ retriever: 'bm25', rewrite: false }), tickingClock()).rewritten).toBeUndefined();
	});

	it('traces each step as a span under the root, timed on the injected clock, with OpenTelemetry names', () => {
		const { trace } = ask(index, 'blue green traffic split', config({ retriever: 'hybrid', rerank: 'mmr' }), tickingClock(), (() => {
			let n = 0;
			return () => `id${n++}`;
		})());
		expect(trace.traceId).toBe('id0');
		expect(trace.question).toBe('blue green traffic split');
		expect(trace.spans.map((s) => s.name)).toEqual(['rag.answer', 'query.rewrite', 'retrieve.bm25', 'retrieve.vector', 'embed.query', 'fuse.rrf', 'rerank.mmr', 'chunk.lookup', 'compose']);
		const [root, ...children] = trace.spans;
		expect(root!.parentId).toBeUndefined();
		expect(root!.startMs).toBe(1);
		expect(children.filter((s) => s.name !== 'embed.query').every((s) => s.parentId === root!.spanId)).toBe(true);
		expect(trace.spans.find((s) => s.name === 'embed.query')!.parentId).toBe(trace.spans.find((s) => s.name === 'retrieve.vector')!.spanId);
		for (const s of children) {
			expect(s.durationMs).toBeGreaterThanOrEqual(1);
			expect(s.startMs + s.durationMs).toBeLessThanOrEqual(root!.startMs + root!.durationMs);
		}
		expect(root!.attributes).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'extractive', 'gen_ai.usage.input_tokens': expect.any(Number), 'gen_ai.usage.output_tokens': expect.any(Number) });
		expect(trace.spans.find((s) => s.name === 'retrieve.vector')!.attributes).toMatchObject({ 'rag.index.kind': 'hnsw', 'rag.hnsw.ef_search': 16, 'db.operation.name': 'search' });
		expect(trace.spans.find((s) => s.name === 'retrieve.bm25')!.attributes).toMatchObject({ 'db.system.name': 'bm25', 'rag.k': 20 });
	});

	it('leaves out the spans of steps not asked for', () => {
		const { trace } = ask(index, 'drift alert', config({ retriever: 'vector', rewrite: false, vector: { ...config().vector, index: 'exact' } }), tickingClock());
		expect(trace.spans.map((s) => s.name)).toEqual(['rag.answer', 'retrieve.vector', 'embed.query', 'chunk.lookup', 'compose']);
		expect(trace.spans[1]!.attributes['rag.index.kind']).toBe('exact');
	});

	it('refuses a configuration whose build settings differ from the index', () => {
		expect(indexMismatch(index, config({ k: 4, bm25: { k1: 2, b: 0.5 } }))).toBeNull();
		expect(indexMismatch(index, config({ chunking: { kind: 'sentences', window: 2, stride: 1 } }))).toMatch(/chunking/);
		expect(() => ask(index, 'x', config({ vector: { ...config().vector, dims: 8 } }), tickingClock())).toThrow('dims 4, asked 8');
	});

	it('an index of no documents answers every question with nothing', async () => {
		const empty = await buildIndex([], config(), undefined, tickingClock());
		expect(empty.chunks).toEqual([]);
		const answer = ask(empty, 'What is a batch endpoint?', config({ rerank: 'mmr' }), tickingClock());
		expect(answer.retrieved).toEqual([]);
		expect(answer.answer).toBe('');
	});
});
