// Retrieval metrics against the relevant documents (or sections) an evaluation example names. A
// retrieved chunk is relevant when its document is one of the example's `relevant` targets and, when
// the target names a section, the chunk is in that section. Relevance is binary. Every score is in
// [0, 1], higher is better, computed over the top k retrieved chunks (rank order as retrieved).
import type { Chunk, EvalExample, Retrieved } from '../types';

export type RelevantTarget = EvalExample['relevant'][number];

/** Whether a chunk falls under a target: same document, and the same section when the target names one. */
export function chunkMatches(chunk: Pick<Chunk, 'docId' | 'section'>, target: RelevantTarget): boolean {
	return chunk.docId === target.docId && (target.section === undefined || target.section === chunk.section);
}

/** For each of the top k retrieved chunks, whether it is relevant (1) or not (0). Unknown chunk ids count as not relevant. */
export function relevanceFlags(retrieved: Retrieved[], relevant: RelevantTarget[], chunksById: ReadonlyMap<string, Chunk>, k: number): number[] {
	return topK(retrieved, k).map((r) => {
		const chunk = chunksById.get(r.chunkId);
		return chunk !== undefined && relevant.some((t) => chunkMatches(chunk, t)) ? 1 : 0;
	});
}

/** The first k retrieved, in rank order. */
function topK(retrieved: Retrieved[], k: number): Retrieved[] {
	return [...retrieved].sort((a, b) => a.rank - b.rank).slice(0, k);
}

/** Hit rate@k (also called success@k or top-k accuracy in IR): 1 when at least one of the top k chunks is relevant, else 0; its mean over a dataset is the hit rate. */
export function hitRate(flags: number[]): number {
	return flags.some((f) => f === 1) ? 1 : 0;
}

/** Reciprocal rank (Voorhees, TREC-8 QA track, 1999): 1 / rank of the first relevant chunk within the top k, 0 when none; its mean over a dataset is the MRR. */
export function reciprocalRank(flags: number[]): number {
	const i = flags.indexOf(1);
	return i === -1 ? 0 : 1 / (i + 1);
}

/**
 * For each of the top k chunks, 1 when it is the first to fall under one of the example's targets not
 * yet found (so a target counts once, however many of its chunks are retrieved), else 0.
 */
export function newTargetFlags(retrieved: Retrieved[], relevant: RelevantTarget[], chunksById: ReadonlyMap<string, Chunk>, k: number): number[] {
	const found = new Set<number>();
	return topK(retrieved, k).map((r) => {
		const chunk = chunksById.get(r.chunkId);
		if (chunk === undefined) return 0;
		const fresh = relevant.map((t, i) => (!found.has(i) && chunkMatches(chunk, t) ? i : -1)).filter((i) => i !== -1);
		fresh.forEach((i) => found.add(i));
		return fresh.length > 0 ? 1 : 0;
	});
}

/**
 * nDCG@k with binary gains and the log2 discount (Järvelin & Kekäläinen 2002), the relevant items
 * being the example's targets (documents or sections), each gaining at the rank of its first chunk
 * (`newTargetFlags`): DCG = Σ_{i=1..k} gain_i / log2(i + 1); IDCG = the DCG of all targets at the top,
 * Σ_{i=1..min(targets, k)} 1 / log2(i + 1). With one target it is 1 / log2(1 + rank of its first chunk);
 * 0 when nothing relevant is retrieved or the example names no target.
 */
export function ndcg(gains: number[], targetCount: number, k: number): number {
	const dcg = gains.reduce((s, gain, i) => s + gain / Math.log2(i + 2), 0);
	let idcg = 0;
	for (let i = 0; i < Math.min(targetCount, k); i++) idcg += 1 / Math.log2(i + 2);
	return idcg === 0 ? 0 : dcg / idcg;
}

/**
 * Context precision@k, rank-weighted as RAGAS defines it
 * (https://docs.ragas.io/en/v0.2.3/concepts/metrics/available_metrics/context_precision/):
 * Σ_{i=1..k} (precision@i · v_i) / (number of relevant chunks in the top k), where precision@i is
 * the share of relevant chunks among the first i and v_i is 1 when chunk i is relevant; 0 when no
 * chunk in the top k is relevant. Relevant chunks ranked first score higher than the same chunks
 * ranked last; the plain share of relevant chunks is `plainPrecision`.
 */
export function contextPrecision(flags: number[]): number {
	let hits = 0;
	let sum = 0;
	flags.forEach((rel, i) => {
		if (rel === 1) {
			hits++;
			sum += hits / (i + 1);
		}
	});
	return hits === 0 ? 0 : sum / hits;
}

/** Plain precision@k: relevant chunks in the top k / number of chunks retrieved (at most k); 0 when none retrieved. */
export function plainPrecision(flags: number[]): number {
	return flags.length === 0 ? 0 : flags.filter((f) => f === 1).length / flags.length;
}

/**
 * Context recall@k, ID-based as RAGAS's non-LLM context recall
 * (https://docs.ragas.io/en/v0.3.9/concepts/metrics/available_metrics/context_recall/): the share of
 * the example's relevant targets (documents or sections) that at least one of the top k chunks
 * falls under; 0 when the example names none.
 */
export function contextRecall(retrieved: Retrieved[], relevant: RelevantTarget[], chunksById: ReadonlyMap<string, Chunk>, k: number): number {
	if (relevant.length === 0) return 0;
	const top = topK(retrieved, k)
		.map((r) => chunksById.get(r.chunkId))
		.filter((c): c is Chunk => c !== undefined);
	return relevant.filter((t) => top.some((c) => chunkMatches(c, t))).length / relevant.length;
}

/** Every retrieval metric of one answer, keyed as the metric table names them (see metric-info.ts). */
export function retrievalScores(retrieved: Retrieved[], relevant: RelevantTarget[], chunksById: ReadonlyMap<string, Chunk>, k: number): Record<string, number> {
	const flags = relevanceFlags(retrieved, relevant, chunksById, k);
	return {
		hit_rate: hitRate(flags),
		mrr: reciprocalRank(flags),
		ndcg: ndcg(newTargetFlags(retrieved, relevant, chunksById, k), relevant.length, k),
		context_precision: contextPrecision(flags),
		context_recall: contextRecall(retrieved, relevant, chunksById, k)
	};
}
