// How the RAG pages name a metric: the evaluation's METRIC_INFO label, and whether it is a proxy
// (a lexical stand-in for an LLM-judge evaluator). Latency, tokens and cost are the run's own.
// TEMPORARY SHIM (feature/ragapp): names only, until feature/rageval's METRIC_INFO lands.
export interface MetricLabel {
	label: string;
	proxy: boolean;
	/** What the metric measures, or what an LLM judge would do instead for a proxy. */
	note?: string;
	higherIsBetter?: boolean;
}

export const metricLabel = (name: string): MetricLabel => ({ label: name, proxy: false });
