// The check of a RAG configuration read back (IndexedDB, a backup, the CLI's --config file): the
// engine's own validation, reached through one function so storage and the CLI agree.
// TEMPORARY SHIM (feature/ragapp): until feature/ragcore's `validateRagConfig` lands, only the shape is checked.
import type { RagConfig } from './types';

/** The problem with a configuration in words, or null when it is usable. */
export function ragConfigProblem(value: unknown): string | null {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'is not an object';
	const c = value as Partial<RagConfig>;
	if (!c.chunking || typeof c.chunking !== 'object') return 'has no "chunking"';
	if (c.retriever !== 'bm25' && c.retriever !== 'vector' && c.retriever !== 'hybrid') return 'has a "retriever" that is not bm25, vector or hybrid';
	if (!Number.isInteger(c.k) || (c.k as number) < 1) return 'has a "k" that is not a whole number of at least 1';
	return null;
}
