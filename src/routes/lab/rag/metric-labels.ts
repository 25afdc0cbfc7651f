// How the RAG pages name a metric: its METRIC_INFO name, whether it is a proxy (a lexical stand-in
// for an LLM-judge evaluator) and, in a few words, what it measures or what the judge would do instead.
import { metricInfo } from '$lib/rag/eval/metric-info';

export interface MetricLabel {
	label: string;
	proxy: boolean;
	/** What the metric measures, or what an LLM judge would do instead for a proxy. */
	note?: string;
}

export function metricLabel(key: string): MetricLabel {
	const info = metricInfo(key);
	if (!info) return { label: key, proxy: false };
	const direction = info.higherIsBetter ? 'higher is better' : 'lower is better';
	const source = info.evaluator ? ` (as ${info.evaluator})` : '';
	const note = info.kind === 'proxy' ? `Proxy: ${info.definition}. An LLM judge would instead: ${info.llmJudge ?? 'score it with a model'}.` : `${info.definition}${source}; ${direction}.`;
	return { label: info.name, proxy: info.kind === 'proxy', note };
}
