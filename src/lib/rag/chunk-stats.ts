// The size distribution of a chunking: what the lab shows next to the strategy.
import type { Chunk } from './types';

export interface ChunkStats {
	count: number;
	/** Token counts; 0 when there are no chunks. */
	min: number;
	median: number;
	/** Nearest-rank 90th percentile. */
	p90: number;
	max: number;
	totalTokens: number;
	/** Equal-width bins of token counts, `from` inclusive, `to` exclusive, covering 0…max. */
	histogram: { from: number; to: number; count: number }[];
}

/** 1, 2 or 5 × a power of ten, at least `x`. */
function niceCeil(x: number): number {
	const power = 10 ** Math.floor(Math.log10(x));
	return ([1, 2, 5, 10].find((m) => m * power >= x) ?? 10) * power;
}

export function chunkStats(chunks: readonly Chunk[], bins = 10): ChunkStats {
	const sizes = chunks.map((c) => c.tokens).sort((a, b) => a - b);
	const n = sizes.length;
	if (n === 0) return { count: 0, min: 0, median: 0, p90: 0, max: 0, totalTokens: 0, histogram: [] };
	const max = sizes[n - 1]!;
	const width = niceCeil(Math.max(1, (max + 1) / bins));
	const histogram = Array.from({ length: Math.floor(max / width) + 1 }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
	for (const s of sizes) histogram[Math.floor(s / width)]!.count++;
	return {
		count: n,
		min: sizes[0]!,
		median: n % 2 === 1 ? sizes[(n - 1) / 2]! : (sizes[n / 2 - 1]! + sizes[n / 2]!) / 2,
		p90: sizes[Math.ceil(0.9 * n) - 1]!,
		max,
		totalTokens: sizes.reduce((a, b) => a + b, 0),
		histogram
	};
}
