import { describe, expect, it } from 'vitest';
import { DEFAULT_RAG_CONFIG, validateRagConfig } from '../../../src/lib/rag/config';

const withChange = (change: (c: Record<string, any>) => void) => {
	const c = structuredClone(DEFAULT_RAG_CONFIG) as Record<string, any>;
	change(c);
	return validateRagConfig(c);
};

describe('validateRagConfig', () => {
	it('accepts the default and each chunking kind', () => {
		expect(validateRagConfig(DEFAULT_RAG_CONFIG)).toBeNull();
		expect(withChange((c) => (c.chunking = { kind: 'heading' }))).toBeNull();
		expect(withChange((c) => (c.chunking = { kind: 'sentences', window: 3, stride: 2 }))).toBeNull();
	});

	it('names the field and the value that is wrong', () => {
		expect(validateRagConfig(null)).toBe('the RAG configuration must be an object');
		expect(withChange((c) => (c.chunking.overlap = 0.5))).toBe('chunking.overlap must be a number from 0 to 0.25 (got 0.5)');
		expect(withChange((c) => (c.chunking = { kind: 'sentences', window: 2, stride: 3 }))).toBe('chunking.stride must be a whole number from 1 to 2 (got 3)');
		expect(withChange((c) => (c.chunking = { kind: 'pages' }))).toBe('chunking.kind must be one of heading, fixed, sentences (got "pages")');
		expect(withChange((c) => (c.k = 2.5))).toBe('k must be a whole number from 1 to 50 (got 2.5)');
		expect(withChange((c) => (c.retriever = 'dense'))).toBe('retriever must be one of bm25, vector, hybrid (got "dense")');
		expect(withChange((c) => (c.bm25.b = 2))).toBe('bm25.b must be a number from 0 to 1 (got 2)');
		expect(withChange((c) => delete c.vector.efSearch)).toBe('vector.efSearch must be a whole number from 1 to 1000 (got undefined)');
		expect(withChange((c) => (c.vector.metric = 'dot'))).toBe('vector.metric must be one of cosine, euclidean (got "dot")');
		expect(withChange((c) => (c.mmrLambda = -0.1))).toBe('mmrLambda must be a number from 0 to 1 (got -0.1)');
		expect(withChange((c) => (c.rewrite = 'yes'))).toBe('rewrite must be true or false (got "yes")');
		expect(withChange((c) => (c.prices.outputPer1k = Number.NaN))).toBe('prices.outputPer1k must be a number from 0 to 1000 (got null)');
		expect(withChange((c) => (c.prices = 3))).toBe('prices must be an object with inputPer1k and outputPer1k');
	});
});
