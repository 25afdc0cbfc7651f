// The RAG lab's default configuration and the one check of a configuration read back (storage, CLI,
// an uploaded file): the first problem found, naming the field, or null.
import type { RagConfig } from './types';

/** Prices per 1,000 tokens are gpt-4o's global standard deployment list prices (USD 2.50 / 10.00 per million); editable. */
export const DEFAULT_RAG_CONFIG: RagConfig = {
	chunking: { kind: 'fixed', size: 256, overlap: 0.125 },
	retriever: 'hybrid',
	k: 5,
	bm25: { k1: 1.2, b: 0.75 },
	vector: { dims: 128, metric: 'cosine', index: 'hnsw', M: 16, efConstruction: 100, efSearch: 50 },
	rrfK: 60,
	rerank: 'none',
	mmrLambda: 0.7,
	rewrite: true,
	answerSentences: 3,
	prices: { inputPer1k: 0.0025, outputPer1k: 0.01 }
};

type Check = string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function wholeIn(value: unknown, field: string, min: number, max: number): Check {
	return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : `${field} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`;
}

function numberIn(value: unknown, field: string, min: number, max: number): Check {
	return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? null : `${field} must be a number from ${min} to ${max} (got ${JSON.stringify(value)})`;
}

function oneOf(value: unknown, field: string, allowed: readonly string[]): Check {
	return typeof value === 'string' && allowed.includes(value) ? null : `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`;
}

function firstProblem(...checks: (() => Check)[]): Check {
	for (const check of checks) {
		const problem = check();
		if (problem) return problem;
	}
	return null;
}

function checkChunking(c: unknown): Check {
	if (!isObject(c)) return 'chunking must be an object with a kind (heading, fixed or sentences)';
	const kind = oneOf(c.kind, 'chunking.kind', ['heading', 'fixed', 'sentences']);
	if (kind) return kind;
	if (c.kind === 'fixed') return firstProblem(() => wholeIn(c.size, 'chunking.size', 16, 2048), () => numberIn(c.overlap, 'chunking.overlap', 0, 0.25));
	if (c.kind === 'sentences') return firstProblem(() => wholeIn(c.window, 'chunking.window', 1, 20), () => wholeIn(c.stride, 'chunking.stride', 1, typeof c.window === 'number' ? c.window : 20));
	return null;
}

function checkVector(v: unknown): Check {
	if (!isObject(v)) return 'vector must be an object (dims, metric, index, M, efConstruction, efSearch)';
	return firstProblem(
		() => wholeIn(v.dims, 'vector.dims', 2, 512),
		() => oneOf(v.metric, 'vector.metric', ['cosine', 'euclidean']),
		() => oneOf(v.index, 'vector.index', ['exact', 'hnsw']),
		() => wholeIn(v.M, 'vector.M', 2, 64),
		() => wholeIn(v.efConstruction, 'vector.efConstruction', 1, 1000),
		() => wholeIn(v.efSearch, 'vector.efSearch', 1, 1000)
	);
}

function checkBm25(p: unknown): Check {
	if (!isObject(p)) return 'bm25 must be an object with k1 and b';
	return firstProblem(() => numberIn(p.k1, 'bm25.k1', 0, 3), () => numberIn(p.b, 'bm25.b', 0, 1));
}

function checkPrices(p: unknown): Check {
	if (!isObject(p)) return 'prices must be an object with inputPer1k and outputPer1k';
	return firstProblem(() => numberIn(p.inputPer1k, 'prices.inputPer1k', 0, 1000), () => numberIn(p.outputPer1k, 'prices.outputPer1k', 0, 1000));
}

/** The first problem of a configuration (field named, value shown), or null when it can be used. */
export function validateRagConfig(c: unknown): string | null {
	if (!isObject(c)) return 'the RAG configuration must be an object';
	return firstProblem(
		() => checkChunking(c.chunking),
		() => oneOf(c.retriever, 'retriever', ['bm25', 'vector', 'hybrid']),
		() => wholeIn(c.k, 'k', 1, 50),
		() => checkBm25(c.bm25),
		() => checkVector(c.vector),
		() => numberIn(c.rrfK, 'rrfK', 0, 1000),
		() => oneOf(c.rerank, 'rerank', ['none', 'mmr']),
		() => numberIn(c.mmrLambda, 'mmrLambda', 0, 1),
		() => (typeof c.rewrite === 'boolean' ? null : `rewrite must be true or false (got ${JSON.stringify(c.rewrite)})`),
		() => wholeIn(c.answerSentences, 'answerSentences', 1, 10),
		() => checkPrices(c.prices)
	);
}
