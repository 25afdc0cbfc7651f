// A RAG sweep over the settings the issue names (chunk size × retriever × k × re-ranking) on the
// lab's sweep engine: the search space's choices, and a trial's values applied to a base configuration.
import type { Assignment, SearchSpace } from '../ml/sweep-space';
import type { RagConfig, RetrieverKind } from '../rag/types';

/** What a sweep may vary; `chunking` is `heading`, `sentences` or a fixed size in tokens. */
export const RAG_SWEEP_CHOICES = {
	chunking: ['heading', 128, 256, 512, 'sentences'],
	retriever: ['bm25', 'vector', 'hybrid'],
	k: [1, 3, 5, 10],
	rerank: ['none', 'mmr']
} as const;

export type RagSweepParameter = keyof typeof RAG_SWEEP_CHOICES;

/** A search space of choices, from the values picked for each parameter (a parameter with none is left as the base has it). */
export function ragSearchSpace(picked: Partial<Record<RagSweepParameter, readonly (string | number)[]>>): SearchSpace {
	const space: SearchSpace = {};
	for (const [name, values] of Object.entries(picked)) if (values && values.length) space[name] = { type: 'choice', values: [...values] };
	return space;
}

/** The base configuration with a trial's values applied. */
export function ragTrialConfig(base: RagConfig, params: Assignment): RagConfig {
	const config: RagConfig = structuredClone(base);
	const chunking = params.chunking;
	if (typeof chunking === 'number') config.chunking = { kind: 'fixed', size: chunking, overlap: base.chunking.kind === 'fixed' ? base.chunking.overlap : 0.1 };
	else if (chunking === 'heading') config.chunking = { kind: 'heading' };
	else if (chunking === 'sentences') config.chunking = base.chunking.kind === 'sentences' ? base.chunking : { kind: 'sentences', window: 3, stride: 2 };
	if (params.retriever !== undefined) config.retriever = params.retriever as RetrieverKind;
	if (params.k !== undefined) config.k = Number(params.k);
	if (params.rerank !== undefined) config.rerank = params.rerank === 'mmr' ? 'mmr' : 'none';
	return config;
}
