// A RAG sweep trial's values applied to the configuration being tried: chunk size as a fixed token
// window (keeping the base's overlap), heading or sentence chunking, retriever, k and re-ranking; and
// the search space only holds the parameters given values.
import { describe, expect, it } from 'vitest';
import { gridAssignments } from '../../../src/lib/ml/sweep';
import { ragSearchSpace, ragTrialConfig } from '../../../src/lib/lab/rag-sweep-trial';
import { DEFAULT_RAG_CONFIG } from '../../../src/lib/rag/config';
import type { RagConfig } from '../../../src/lib/rag/types';

const base: RagConfig = { ...DEFAULT_RAG_CONFIG, chunking: { kind: 'fixed', size: 256, overlap: 0.2 }, retriever: 'bm25', k: 5, rerank: 'none' };

describe('RAG sweep trials', () => {
	it('applies a trial to the base configuration without changing the base', () => {
		const config = ragTrialConfig(base, { chunking: 128, retriever: 'hybrid', k: 3, rerank: 'mmr' });
		expect(config).toMatchObject({ chunking: { kind: 'fixed', size: 128, overlap: 0.2 }, retriever: 'hybrid', k: 3, rerank: 'mmr' });
		expect(base).toMatchObject({ chunking: { size: 256 }, retriever: 'bm25', k: 5, rerank: 'none' });
		expect(ragTrialConfig(base, { chunking: 'heading' }).chunking).toEqual({ kind: 'heading' });
		expect(ragTrialConfig(base, { chunking: 'sentences' }).chunking).toEqual({ kind: 'sentences', window: 3, stride: 2 });
		// Parameters the trial does not set stay as the base has them.
		expect(ragTrialConfig(base, { k: 10 })).toEqual({ ...base, k: 10 });
	});

	it('builds a grid of every combination of the picked values, leaving out parameters with none', () => {
		const space = ragSearchSpace({ chunking: ['heading', 256], retriever: ['bm25', 'vector', 'hybrid'], k: [], rerank: ['none'] });
		expect(Object.keys(space)).toEqual(['chunking', 'retriever', 'rerank']);
		expect(gridAssignments(space)).toHaveLength(6);
	});
});
