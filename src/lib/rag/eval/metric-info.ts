// The one table of the RAG lab's metrics: what each key means, its range and direction, whether it
// follows an Azure evaluator's definition, a standard retrieval definition or is a lexical proxy, and
// what an LLM-judge evaluator would do instead. The UI, the CLI, the gates and drift read it.

export type MetricGroup = 'retrieval' | 'answer' | 'proxy' | 'operations';

export interface MetricInfo {
	key: string;
	name: string;
	group: MetricGroup;
	/** `question`: scored per question, its mean reported; `run`: one figure for a whole evaluation (percentiles, totals). */
	level: 'question' | 'run';
	/** Lowest and highest value; `null` for no upper bound (latency, tokens, cost). */
	range: [number, number | null];
	higherIsBetter: boolean;
	/** `azure`: the Azure AI Evaluation SDK evaluator's definition; `standard`: an IR/RAGAS definition; `proxy`: a lexical stand-in for an LLM judge; `measured`: read from the trace or the cost estimate. */
	kind: 'azure' | 'standard' | 'proxy' | 'measured';
	/** The Azure evaluator this follows or stands in for. */
	evaluator?: string;
	definition: string;
	/** For a proxy: what the LLM-judge evaluator does instead. */
	llmJudge?: string;
	docsUrl: string;
}

const TEXTUAL = 'https://learn.microsoft.com/en-us/azure/ai-foundry/concepts/evaluation-evaluators/textual-similarity-evaluators';
const RAG = 'https://learn.microsoft.com/en-us/azure/ai-foundry/concepts/evaluation-evaluators/rag-evaluators';
const TRACING = 'https://opentelemetry.io/docs/specs/semconv/gen-ai/';

const retrieval = (key: string, name: string, definition: string, docsUrl = RAG): MetricInfo => ({ key, name, group: 'retrieval', level: 'question', range: [0, 1], higherIsBetter: true, kind: 'standard', definition, docsUrl });
const answer = (key: string, name: string, evaluator: string, definition: string): MetricInfo => ({ key, name, group: 'answer', level: 'question', range: [0, 1], higherIsBetter: true, kind: 'azure', evaluator, definition, docsUrl: TEXTUAL });

function rouge(type: '1' | '2' | 'L'): MetricInfo[] {
	const unit = type === 'L' ? 'longest common subsequence' : type === '1' ? 'shared words' : 'shared word pairs';
	return [
		answer(`rouge${type}_precision`, `ROUGE-${type} precision`, `RougeScoreEvaluator(rouge${type})`, `${unit} / words of the answer`),
		answer(`rouge${type}_recall`, `ROUGE-${type} recall`, `RougeScoreEvaluator(rouge${type})`, `${unit} / words of the ground truth`),
		answer(`rouge${type}_f1`, `ROUGE-${type} F`, `RougeScoreEvaluator(rouge${type})`, `harmonic mean of ROUGE-${type} precision and recall`)
	];
}

export const METRIC_INFO: readonly MetricInfo[] = [
	retrieval('hit_rate', 'Hit rate@k', 'share of questions with at least one relevant chunk in the top k'),
	retrieval('mrr', 'MRR', 'mean of 1 / rank of the first relevant chunk (0 when none in the top k)'),
	retrieval('ndcg', 'nDCG@k', 'discounted gain of the relevant notes/sections found, over the ideal order (binary relevance, log2 discount)'),
	retrieval('context_precision', 'Context precision@k', 'RAGAS: mean of precision@i over the ranks i of relevant chunks (relevant chunks ranked first score higher)', 'https://docs.ragas.io/en/v0.2.3/concepts/metrics/available_metrics/context_precision/'),
	retrieval('context_recall', 'Context recall@k', 'share of the relevant notes/sections that a top-k chunk falls under (RAGAS ID-based recall)', 'https://docs.ragas.io/en/v0.3.9/concepts/metrics/available_metrics/context_recall/'),
	answer('f1_score', 'F1 score', 'F1ScoreEvaluator', 'harmonic mean of word precision and recall after lower-casing and removing punctuation and articles'),
	...rouge('1'),
	...rouge('2'),
	...rouge('L'),
	answer('bleu_score', 'BLEU', 'BleuScoreEvaluator', 'sentence BLEU of 1–4-grams with brevity penalty and NLTK method4 smoothing'),
	answer('gleu_score', 'GLEU', 'GleuScoreEvaluator', 'Google-BLEU: shared 1–4-grams over the larger of the two n-gram counts (min of precision and recall)'),
	answer('meteor_score', 'METEOR', 'MeteorScoreEvaluator', 'recall-weighted F-mean of word matches (exact, then Porter stem; no WordNet synonyms) with a fragmentation penalty (α 0.9, β 3, γ 0.5)'),
	{
		key: 'groundedness_proxy',
		name: 'Groundedness (lexical proxy)',
		group: 'proxy',
		level: 'question',
		range: [0, 1],
		higherIsBetter: true,
		kind: 'proxy',
		evaluator: 'GroundednessEvaluator',
		definition: 'share of answer sentences whose content words are mostly (80 %) found in the retrieved context',
		llmJudge: 'a judge model reads the context and the answer and rates 1–5 whether every claim is supported by the context, catching paraphrased or contradicted claims that share words',
		docsUrl: RAG
	},
	{
		key: 'relevance_proxy',
		name: 'Relevance (lexical proxy)',
		group: 'proxy',
		level: 'question',
		range: [0, 1],
		higherIsBetter: true,
		kind: 'proxy',
		evaluator: 'RelevanceEvaluator',
		definition: 'share of the question’s content words that the answer uses',
		llmJudge: 'a judge model rates 1–5 how well the answer addresses the question, accurately and completely, whatever words it uses',
		docsUrl: RAG
	},
	{ key: 'latency_ms', name: 'Latency (ms)', group: 'operations', level: 'question', range: [0, null], higherIsBetter: false, kind: 'measured', definition: 'duration of the trace’s root span (one question, retrieval to composed answer)', docsUrl: TRACING },
	{ key: 'tokens', name: 'Tokens per question', group: 'operations', level: 'question', range: [0, null], higherIsBetter: false, kind: 'measured', definition: 'prompt tokens plus answer tokens (o200k_base), what a chat model would be billed for', docsUrl: TRACING },
	{ key: 'latency_p50_ms', name: 'Latency p50 (ms)', group: 'operations', level: 'run', range: [0, null], higherIsBetter: false, kind: 'measured', definition: 'median latency over the evaluation’s questions (nearest rank)', docsUrl: TRACING },
	{ key: 'latency_p95_ms', name: 'Latency p95 (ms)', group: 'operations', level: 'run', range: [0, null], higherIsBetter: false, kind: 'measured', definition: '95th-percentile latency over the evaluation’s questions (nearest rank)', docsUrl: TRACING },
	{ key: 'tokens_total', name: 'Tokens (total)', group: 'operations', level: 'run', range: [0, null], higherIsBetter: false, kind: 'measured', definition: 'tokens of every question of the evaluation', docsUrl: TRACING },
	{ key: 'cost_per_1000_usd', name: 'Cost per 1,000 questions (USD)', group: 'operations', level: 'run', range: [0, null], higherIsBetter: false, kind: 'measured', definition: 'mean cost per question × 1,000', docsUrl: TRACING },
	{ key: 'cost_usd', name: 'Cost per question (USD)', group: 'operations', level: 'question', range: [0, null], higherIsBetter: false, kind: 'measured', definition: 'estimated cost at the configuration’s prices per 1,000 tokens', docsUrl: TRACING }
];

const BY_KEY = new Map(METRIC_INFO.map((m) => [m.key, m]));

/** The table entry of a metric key, or undefined for a key the table does not know. */
export function metricInfo(key: string): MetricInfo | undefined {
	return BY_KEY.get(key);
}

/** Metric keys of one group (and level, when given), in table order. */
export function metricKeys(group: MetricGroup, level?: MetricInfo['level']): string[] {
	return METRIC_INFO.filter((m) => m.group === group && (level === undefined || m.level === level)).map((m) => m.key);
}
