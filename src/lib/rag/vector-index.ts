// Nearest-neighbour search over chunk vectors, exact or approximate, behind one interface.
// Scores are similarities (higher is better), as the hnsw package gives them: cosine similarity, or
// 1 / (1 + Euclidean distance). Zero vectors (chunks with no known term) are left out of both
// indexes: a cosine with them is undefined.
// HNSW (Malkov and Yashunin): M links per node per layer, efConstruction candidates while linking,
// efSearch candidates while searching; larger values raise recall and cost time. The package draws
// each node's layer with Math.random; here that draw uses a seeded generator, so a build is repeatable.
// `hnsw/dist/main.js`, not the package root: the root also loads its IndexedDB-backed variant (and idb 7),
// which the pure core must not carry.
import { HNSW } from 'hnsw/dist/main.js';
import { seededRandom, type Random } from '../ml/random';
import type { Scored } from './bm25';
import type { DistanceMetric } from './types';

export interface VectorIndex {
	kind: 'exact' | 'hnsw';
	metric: DistanceMetric;
	/** The `k` most similar vectors, best first (efSearch applies to HNSW only). */
	search(query: Float32Array, k: number, efSearch?: number): Scored[];
}

export interface HnswSettings {
	M: number;
	efConstruction: number;
	efSearch: number;
}

export function similarity(metric: DistanceMetric, a: Float32Array, b: Float32Array): number {
	let dot = 0,
		na = 0,
		nb = 0,
		sq = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!,
			y = b[i]!;
		dot += x * y;
		na += x * x;
		nb += y * y;
		sq += (x - y) ** 2;
	}
	return metric === 'cosine' ? dot / Math.sqrt(na * nb) : 1 / (1 + Math.sqrt(sq));
}

const isZero = (v: Float32Array) => v.every((x) => x === 0);

export function exactIndex(vectors: readonly Float32Array[], metric: DistanceMetric): VectorIndex {
	const live = vectors.flatMap((v, index) => (isZero(v) ? [] : [index]));
	return {
		kind: 'exact',
		metric,
		search(query, k) {
			if (isZero(query)) return [];
			return live
				.map((index) => ({ index, score: similarity(metric, query, vectors[index]!) }))
				.sort((a, b) => b.score - a.score || a.index - b.index)
				.slice(0, k);
		}
	};
}

/** Layer draw of the hnsw package (its `probs`), with our random source instead of Math.random. */
function seedLevels(index: HNSW, random: Random) {
	(index as unknown as { selectLevel: () => number }).selectLevel = () => {
		let r = random();
		for (let level = 0; level < index.probs.length; level++) {
			if (r < index.probs[level]!) return level;
			r -= index.probs[level]!;
		}
		return index.probs.length - 1;
	};
}

/** @param onProgress called every 100 vectors and at the end with the number linked so far */
export async function hnswIndex(vectors: readonly Float32Array[], metric: DistanceMetric, settings: HnswSettings, onProgress: (done: number) => void = () => {}, seed = 17): Promise<VectorIndex> {
	const index = new HNSW(settings.M, settings.efConstruction, null, metric, settings.efSearch);
	seedLevels(index, seededRandom(seed));
	for (let i = 0; i < vectors.length; i++) {
		if (!isZero(vectors[i]!)) await index.addPoint(i, vectors[i]!);
		if ((i + 1) % 100 === 0 || i + 1 === vectors.length) onProgress(i + 1);
	}
	return {
		kind: 'hnsw',
		metric,
		search(query, k, efSearch = settings.efSearch) {
			if (isZero(query) || index.nodes.size === 0) return [];
			return index.searchKNN(query, k, { efSearch }).map(({ id, score }) => ({ index: id, score }));
		}
	};
}

/** Share of the exact top-k that the approximate search also returned (recall@k). */
export function recallAtK(exact: readonly Scored[], approximate: readonly Scored[]): number {
	if (exact.length === 0) return 1;
	const found = new Set(approximate.map((s) => s.index));
	return exact.filter((s) => found.has(s.index)).length / exact.length;
}
