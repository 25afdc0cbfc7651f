// The retrieval-augmented (RAG) lab's shared vocabulary: the corpus, chunks, a configuration, what
// one question produces (retrieved chunks, an extractive answer, a prompt, a trace) and an evaluation
// dataset. Pure data: no DOM, no IndexedDB. See ARCHITECTURE.md's glossary for the words.

/** One document of the corpus: a note (or an uploaded Markdown/text file from the datastore). */
export interface CorpusDoc {
	/** Note id (e.g. `train-deploy/03-endpoints`) or `datastore:<file name>`. */
	id: string;
	title: string;
	/** Exam domain id, or `upload` for a datastore file. */
	domain: string;
	/** Markdown source. */
	text: string;
	/** Where a learner reads it (`/notes/<id>`), or '' for an upload. */
	url: string;
}

export type ChunkStrategy =
	/** One chunk per Markdown section (## / ### heading); very long sections are split at paragraphs. */
	| { kind: 'heading' }
	/** Fixed windows of `size` tokens; `overlap` is a fraction 0–0.25 of `size` repeated in the next chunk. */
	| { kind: 'fixed'; size: number; overlap: number }
	/** Windows of `window` sentences, moving `stride` sentences at a time. */
	| { kind: 'sentences'; window: number; stride: number };

export interface Chunk {
	/** `<docId>#<n>`, n counting from 0 in document order. */
	id: string;
	docId: string;
	/** Slug of the nearest heading above the chunk (as on the note page's anchors), '' before any heading. */
	section: string;
	/** That heading's text, '' before any heading. */
	heading: string;
	/** Plain text (Markdown syntax removed). */
	text: string;
	/** Token count of `text` (see tokens.ts for which tokenizer). */
	tokens: number;
}

export type RetrieverKind = 'bm25' | 'vector' | 'hybrid';
export type DistanceMetric = 'cosine' | 'euclidean';

export interface RagConfig {
	chunking: ChunkStrategy;
	retriever: RetrieverKind;
	/** Chunks passed to the answer. */
	k: number;
	bm25: { k1: number; b: number };
	/** Dense vectors: TF-IDF reduced by truncated SVD (LSA) to `dims` dimensions. */
	vector: {
		dims: number;
		metric: DistanceMetric;
		index: 'exact' | 'hnsw';
		M: number;
		efConstruction: number;
		efSearch: number;
	};
	/** Reciprocal-rank fusion constant (hybrid only); 60 is the usual value. */
	rrfK: number;
	rerank: 'none' | 'mmr';
	/** MMR trade-off: 1 = relevance only, 0 = diversity only. */
	mmrLambda: number;
	/** Expand acronyms and synonyms from the glossary before retrieval. */
	rewrite: boolean;
	/** Most sentences the extractive answer may use. */
	answerSentences: number;
	/** Editable prices, per 1,000 tokens, for the cost estimate. */
	prices: { inputPer1k: number; outputPer1k: number };
}

export interface Retrieved {
	chunkId: string;
	/** Retriever's score (higher is better); for hybrid, the fused RRF score. */
	score: number;
	/** 1-based. */
	rank: number;
}

/** One span of a trace, named and attributed after the OpenTelemetry GenAI conventions where they apply. */
export interface Span {
	spanId: string;
	parentId?: string;
	/** e.g. `rag.answer` (root), `chunk.lookup`, `retrieve.bm25`, `retrieve.vector`, `fuse.rrf`, `rerank.mmr`, `compose`. */
	name: string;
	/** Milliseconds from the trace's start. */
	startMs: number;
	durationMs: number;
	attributes: Record<string, string | number | boolean>;
}

export interface Trace {
	traceId: string;
	question: string;
	spans: Span[];
}

export interface Citation {
	sentence: string;
	chunkId: string;
}

export interface RagAnswer {
	question: string;
	/** The query after rewriting, when rewriting is on and changed it. */
	rewritten?: string;
	retrieved: Retrieved[];
	/** Composed from retrieved sentences only (no language model runs offline). */
	answer: string;
	citations: Citation[];
	/** What a real system would send to a chat model, with its token count. */
	prompt: { system: string; context: string; user: string; tokens: number };
	/** Estimated cost of this question at the config's prices (prompt tokens in, answer tokens out). */
	costUsd: number;
	trace: Trace;
}

/** One row of an evaluation dataset (Foundry's words: query, ground_truth, context). */
export interface EvalExample {
	id: string;
	query: string;
	/** Reference answer. */
	groundTruth: string;
	/** What a correct retrieval finds: doc ids, optionally narrowed to a section slug. */
	relevant: { docId: string; section?: string }[];
	context?: string;
}
