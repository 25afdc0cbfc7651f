// A RAG configuration as a run's flat parameters (`chunking.kind`, `vector.dims`, …), the way MLflow
// logs nested settings, so the Runs page's table, search and compare view read them like any other.
import type { RagConfig } from './types';

type Flat = Record<string, number | string | boolean>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
	} else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
		out[prefix] = value;
	}
	return out;
}

/** Every setting of the configuration as `path.to.setting` → value. */
export const ragConfigParams = (config: RagConfig): Flat => flatten(config, '', {});

/** A short description of the configuration, for lists and tags: "hybrid k=5 · fixed 256/10% · mmr". */
export function describeRagConfig(c: RagConfig): string {
	const chunking = c.chunking.kind === 'fixed' ? `fixed ${c.chunking.size}/${Math.round(c.chunking.overlap * 100)}%` : c.chunking.kind === 'sentences' ? `sentences ${c.chunking.window}/${c.chunking.stride}` : 'by heading';
	const vector = c.retriever === 'bm25' ? '' : ` · ${c.vector.index} d=${c.vector.dims}`;
	return `${c.retriever} k=${c.k} · ${chunking}${vector}${c.rerank === 'mmr' ? ' · mmr' : ''}${c.rewrite ? ' · rewrite' : ''}`;
}
