// Building everything a question needs from the corpus, once per chunking and vector setting:
// chunks, their retrieval terms, BM25 postings, LSA vectors, the exact vector index (always: it is
// the reference for recall) and, when asked, an HNSW graph, plus the query-rewrite glossary.
// Query-time settings (retriever, k, BM25's k1 and b, efSearch, RRF, MMR, rewriting, answer length,
// prices) need no rebuild: `indexMismatch` says when a configuration does.
import { buildBm25, type Bm25Index } from './bm25';
import { chunkCorpus } from './chunkers';
import { embedTerms, fitLsa, type LsaModel } from './lsa';
import { buildGlossary, type Glossary } from './query-rewrite';
import { terms } from './terms';
import type { Chunk, CorpusDoc, RagConfig } from './types';
import { exactIndex, hnswIndex, type VectorIndex } from './vector-index';

export type BuildStage = 'chunk' | 'bm25' | 'lsa' | 'hnsw' | 'glossary';

export interface IndexSettings {
	chunking: RagConfig['chunking'];
	vector: Omit<RagConfig['vector'], 'efSearch'>;
}

export interface RagIndex {
	settings: IndexSettings;
	chunks: Chunk[];
	/** chunk id → position in `chunks`. */
	positions: Map<string, number>;
	bm25: Bm25Index;
	lsa: LsaModel;
	exact: VectorIndex;
	/** Present when built with `vector.index: 'hnsw'`. */
	hnsw?: VectorIndex;
	glossary: Glossary;
	/** Milliseconds per stage, in build order. */
	timings: { stage: BuildStage; ms: number }[];
}

export function indexSettings(config: RagConfig): IndexSettings {
	const { efSearch: _efSearch, ...vector } = config.vector;
	return { chunking: { ...config.chunking }, vector };
}

/** Why `index` cannot answer with `config` (a build setting differs), or null. */
export function indexMismatch(index: RagIndex, config: RagConfig): string | null {
	const built = index.settings;
	const show = (o: object) => JSON.stringify(o);
	if (show(built.chunking) !== show(config.chunking)) return `the index was built with chunking ${show(built.chunking)}, not ${show(config.chunking)}: build it again`;
	const fields = config.vector.index === 'hnsw' ? (['dims', 'metric', 'index', 'M', 'efConstruction'] as const) : (['dims', 'metric'] as const);
	const changed = fields.filter((f) => built.vector[f] !== config.vector[f] && !(f === 'index' && index.hnsw));
	return changed.length > 0 ? `the index was built with other vector settings (${changed.map((f) => `${f} ${built.vector[f]}, asked ${config.vector[f]}`).join('; ')}): build it again` : null;
}

export type BuildProgress = (stage: BuildStage, done: number, total: number) => void;

export async function buildIndex(docs: readonly CorpusDoc[], config: RagConfig, onProgress: BuildProgress = () => {}, now: () => number = () => performance.now()): Promise<RagIndex> {
	const timings: RagIndex['timings'] = [];
	const timed = async <T>(stage: BuildStage, work: () => T | Promise<T>): Promise<T> => {
		const start = now();
		onProgress(stage, 0, 1);
		const result = await work();
		timings.push({ stage, ms: now() - start });
		onProgress(stage, 1, 1);
		return result;
	};
	const chunks = await timed('chunk', () => chunkCorpus(docs, config.chunking));
	const chunkTerms = chunks.map((c) => terms(`${c.heading} ${c.text}`));
	const bm25 = await timed('bm25', () => buildBm25(chunkTerms));
	const lsa = await timed('lsa', () => fitLsa(chunkTerms, config.vector.dims));
	const exact = exactIndex(lsa.vectors, config.vector.metric);
	const hnsw =
		config.vector.index === 'hnsw'
			? await timed('hnsw', () => hnswIndex(lsa.vectors, config.vector.metric, config.vector, (done) => onProgress('hnsw', done, lsa.vectors.length)))
			: undefined;
	const glossary = await timed('glossary', () => buildGlossary(docs));
	return { settings: indexSettings(config), chunks, positions: new Map(chunks.map((c, i) => [c.id, i])), bm25, lsa, exact, hnsw, glossary, timings };
}

/** The LSA vector of a query's text. */
export function embedQuery(index: RagIndex, query: string): Float32Array {
	return embedTerms(index.lsa, terms(query));
}
