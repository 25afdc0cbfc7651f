// One question through the RAG system: rewrite → retrieve (BM25, vectors or both) → fuse (RRF) →
// re-rank (MMR) → look up chunks → compose an extractive answer and the prompt a real system would
// send. Every step is a span of the returned trace, timed with the injected clock. Span attributes
// follow the OpenTelemetry semantic conventions where they have a name (gen_ai.* for the answer and
// the query embedding, db.* for the searches); the rest are `rag.*`.
import { extractiveAnswer } from './answer';
import { bm25Search, type Scored } from './bm25';
import { maximalMarginalRelevance, reciprocalRankFusion } from './fusion';
import { buildPrompt, costUsd } from './prompt';
import { rewriteQuery } from './query-rewrite';
import { embedQuery, indexMismatch, type RagIndex } from './rag-index';
import { terms } from './terms';
import { countTokens } from './tokens';
import { counterIds, startTrace, type SpanAttributes, type TraceRecorder } from './trace';
import type { RagAnswer, RagConfig, Retrieved, Span } from './types';
import { similarity } from './vector-index';

/** Candidates each retriever returns before fusion or MMR choose k: 4k, at least 20. */
export function candidateDepth(config: RagConfig): number {
	return config.retriever === 'hybrid' || config.rerank === 'mmr' ? Math.max(20, 4 * config.k) : config.k;
}

export function ask(index: RagIndex, question: string, config: RagConfig, now: () => number, ids: () => string = counterIds()): RagAnswer {
	const mismatch = indexMismatch(index, config);
	if (mismatch) throw new Error(mismatch);
	const recorder = startTrace(question, now, ids);
	const root = recorder.open('rag.answer', undefined, { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'extractive', 'rag.retriever': config.retriever, 'rag.k': config.k });
	const { query, added } = config.rewrite
		? recorder.within('query.rewrite', root, { 'rag.rewrite.glossary_size': index.glossary.size }, () => rewriteQuery(question, index.glossary), (r) => ({ 'rag.rewrite.added': r.added.join('; '), 'rag.rewrite.added_count': r.added.length }))
		: { query: question, added: [] as string[] };
	const depth = candidateDepth(config);
	const lists = retrieveLists(recorder, root, index, query, config, depth);
	let retrieved = lists[0]!;
	if (config.retriever === 'hybrid') {
		retrieved = recorder.within('fuse.rrf', root, { 'rag.rrf.k': config.rrfK, 'rag.fuse.inputs': lists.map((l) => l.length).join('+') }, () => reciprocalRankFusion(lists, config.rrfK, depth), returned);
	}
	if (config.rerank === 'mmr') {
		const vectors = index.lsa.vectors;
		const at = (id: string) => vectors[index.positions.get(id)!]!;
		const sim = (a: string, b: string) => similarity('cosine', at(a), at(b)) || 0;
		retrieved = recorder.within('rerank.mmr', root, { 'rag.mmr.lambda': config.mmrLambda, 'rag.mmr.candidates': retrieved.length }, () => maximalMarginalRelevance(retrieved, sim, config.mmrLambda, config.k), returned);
	} else {
		retrieved = retrieved.slice(0, config.k);
	}
	const chunks = recorder.within('chunk.lookup', root, { 'rag.chunk.ids': retrieved.map((r) => r.chunkId).join(' ') }, () => retrieved.map((r) => index.chunks[index.positions.get(r.chunkId)!]!), returned);
	const { answer, citations, prompt } = recorder.within(
		'compose',
		root,
		{ 'rag.answer.max_sentences': config.answerSentences },
		() => ({ ...extractiveAnswer(query, chunks, config.answerSentences), prompt: buildPrompt(question, chunks) }),
		(r) => ({ 'rag.answer.sentences': r.citations.length, 'rag.prompt.tokens': r.prompt.tokens })
	);
	const outputTokens = countTokens(answer);
	const cost = costUsd(prompt.tokens, outputTokens, config.prices);
	recorder.close(root, { 'gen_ai.usage.input_tokens': prompt.tokens, 'gen_ai.usage.output_tokens': outputTokens, 'rag.cost_usd': cost });
	return { question, ...(added.length > 0 ? { rewritten: query } : {}), retrieved, answer, citations, prompt, costUsd: cost, trace: recorder.trace };
}

/** The retrievers' candidate lists (BM25, then vectors), each traced as a span under `root`. */
function retrieveLists(recorder: TraceRecorder, root: Span, index: RagIndex, query: string, config: RagConfig, depth: number): Retrieved[][] {
	const toRetrieved = (list: Scored[]): Retrieved[] => list.map((s, i) => ({ chunkId: index.chunks[s.index]!.id, score: s.score, rank: i + 1 }));
	const search = { 'db.operation.name': 'search', 'db.collection.name': 'chunks', 'db.query.text': query, 'rag.k': depth };
	const lists: Retrieved[][] = [];
	if (config.retriever !== 'vector') {
		const attributes = { ...search, 'db.system.name': 'bm25', 'rag.bm25.k1': config.bm25.k1, 'rag.bm25.b': config.bm25.b };
		lists.push(recorder.within('retrieve.bm25', root, attributes, () => toRetrieved(bm25Search(index.bm25, terms(query), config.bm25, depth)), returned));
	}
	if (config.retriever !== 'bm25') {
		const vectorIndex = config.vector.index === 'hnsw' ? index.hnsw! : index.exact;
		const hnswAttributes: SpanAttributes = vectorIndex.kind === 'hnsw' ? { 'rag.hnsw.m': config.vector.M, 'rag.hnsw.ef_construction': config.vector.efConstruction, 'rag.hnsw.ef_search': config.vector.efSearch } : {};
		const attributes = { ...search, 'db.system.name': `vector.${vectorIndex.kind}`, 'rag.index.kind': vectorIndex.kind, 'rag.vector.metric': config.vector.metric, ...hnswAttributes };
		const embedding = { 'gen_ai.operation.name': 'embeddings', 'gen_ai.request.model': `lsa-${index.lsa.dims}`, 'gen_ai.embeddings.dimension.count': index.lsa.dims };
		const vectorSearch = (span: Span) => {
			const vector = recorder.within('embed.query', span, embedding, () => embedQuery(index, query));
			return toRetrieved(vectorIndex.search(vector, depth, config.vector.efSearch));
		};
		lists.push(recorder.within('retrieve.vector', root, attributes, vectorSearch, returned));
	}
	return lists;
}

function returned(list: readonly unknown[]): SpanAttributes {
	return { 'db.response.returned_rows': list.length };
}
