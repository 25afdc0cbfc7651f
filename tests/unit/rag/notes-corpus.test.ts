// The engine on the real notes: every chunking gives well-formed chunks whose sections exist on the
// note page, and a question is answered from the note it is about.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';
import { ask } from '../../../src/lib/rag/ask';
import { chunkCorpus } from '../../../src/lib/rag/chunkers';
import { DEFAULT_RAG_CONFIG } from '../../../src/lib/rag/config';
import { corpusFromNotes } from '../../../src/lib/rag/corpus';
import { markdownSections } from '../../../src/lib/rag/markdown-text';
import { buildIndex, type RagIndex } from '../../../src/lib/rag/rag-index';
import type { ChunkStrategy, CorpusDoc, RagConfig } from '../../../src/lib/rag/types';
import { readContentDir } from '../content/read-content-dir';

describe('the notes as a corpus', () => {
	let docs: CorpusDoc[];
	beforeAll(() => {
		docs = corpusFromNotes(buildContent(readContentDir()).content.notes);
	});

	it.each<ChunkStrategy>([{ kind: 'heading' }, { kind: 'fixed', size: 256, overlap: 0.125 }, { kind: 'sentences', window: 3, stride: 2 }])('chunks by %o into non-empty chunks in sections of their note', (strategy) => {
		const chunks = chunkCorpus(docs, strategy);
		expect(new Set(chunks.map((c) => c.docId)).size).toBe(docs.length);
		const slugs = new Map(docs.map((d) => [d.id, new Set(markdownSections(d.text).map((s) => s.slug))]));
		for (const c of chunks) {
			expect(c.text.trim(), c.id).not.toBe('');
			expect(slugs.get(c.docId)!.has(c.section), `${c.id} section ${c.section}`).toBe(true);
		}
		expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
	}, 30_000);

	describe('questions', () => {
		let index: RagIndex;
		const config: RagConfig = { ...DEFAULT_RAG_CONFIG, vector: { ...DEFAULT_RAG_CONFIG.vector, index: 'exact' } };
		beforeAll(async () => {
			index = await buildIndex(docs, config);
		}, 60_000);

		// Reciprocal rank fusion is explained in the notes rag-optimization and retrieval-augmented-generation.
		it('finds the note a question is about with every retriever', () => {
			for (const retriever of ['bm25', 'vector', 'hybrid'] as const) {
				const answer = ask(index, 'How does reciprocal rank fusion combine keyword and vector search results?', { ...config, retriever }, () => 0);
				expect(answer.retrieved.length, retriever).toBe(config.k);
				expect(answer.retrieved.some((r) => /^(rag-optimization|retrieval-augmented-generation)#/.test(r.chunkId)), `${retriever}: ${answer.retrieved.map((r) => r.chunkId)}`).toBe(true);
				expect(answer.answer).not.toBe('');
			}
		});

		it('returns nothing, and says nothing, for a question with no known word', () => {
			const answer = ask(index, 'zzqx wvvq', { ...config, retriever: 'hybrid' }, () => 0);
			expect(answer.retrieved).toEqual([]);
			expect(answer.answer).toBe('');
			expect(answer.citations).toEqual([]);
		});
	});
});
