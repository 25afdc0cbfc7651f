// The one percentile: nearest rank, as latency summaries (endpoint console, RAG evaluation) report it.

/** The q-quantile (0..1) of ascending values by the nearest-rank method; NaN for no values. */
export function percentile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[Math.min(rank, sorted.length) - 1]!;
}
