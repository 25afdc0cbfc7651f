// Lexical stand-ins for two LLM-judge evaluators. Both are PROXIES: they count shared words, so they
// cannot tell a paraphrase from a contradiction. METRIC_INFO (metric-info.ts) says what the Azure
// evaluator they stand in for would do instead; the UI and the CLI label them as proxies.
import { sentencesOf } from '../markdown-text';
import { terms } from '../terms';

/** Share of a sentence's distinct terms that must occur in the context for the sentence to count as supported. */
export const SUPPORTED_SHARE = 0.8;

function distinctTerms(text: string): string[] {
	return [...new Set(terms(text))];
}

/** The distinct terms of a text, as the groundedness proxy looks them up. */
export function termSet(text: string): Set<string> {
	return new Set(terms(text));
}

/**
 * Groundedness proxy (stands in for GroundednessEvaluator): the share of the answer's sentences whose
 * distinct content terms (`terms()`: stop words dropped, plurals singular) are mostly (at least
 * SUPPORTED_SHARE of them) found among the retrieved context's terms. A sentence with no content term
 * counts as supported. 0 for an empty answer. Range 0–1, higher is better. The context is given as
 * text or as its `termSet` (an evaluation builds it once per chunk).
 */
export function groundednessProxy(answer: string, context: string | ReadonlySet<string>): number {
	const sentences = sentencesOf({ text: answer, code: false });
	if (sentences.length === 0) return 0;
	const contextTerms = typeof context === 'string' ? termSet(context) : context;
	const supported = sentences.filter((sentence) => {
		const t = distinctTerms(sentence);
		return t.length === 0 || t.filter((w) => contextTerms.has(w)).length / t.length >= SUPPORTED_SHARE;
	});
	return supported.length / sentences.length;
}

/**
 * Relevance proxy (stands in for RelevanceEvaluator): the share of the query's distinct content terms
 * that the answer uses. 0 when the query has no content term or the answer is empty. Range 0–1,
 * higher is better.
 */
export function relevanceProxy(answer: string, query: string): number {
	const queryTerms = distinctTerms(query);
	if (queryTerms.length === 0) return 0;
	const answerTerms = new Set(terms(answer));
	return queryTerms.filter((w) => answerTerms.has(w)).length / queryTerms.length;
}

/** Both proxies of one answer, keyed as the metric table names them. */
export function proxyScores(answer: string, query: string, context: string | ReadonlySet<string>): Record<string, number> {
	return { groundedness_proxy: groundednessProxy(answer, context), relevance_proxy: relevanceProxy(answer, query) };
}
