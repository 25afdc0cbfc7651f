// Answer metrics that need no language model, with the definitions of the Azure AI Evaluation SDK's
// textual-similarity evaluators (F1ScoreEvaluator, RougeScoreEvaluator, BleuScoreEvaluator,
// GleuScoreEvaluator, MeteorScoreEvaluator), which call NLTK and rouge-score; each function says
// which. Docs: https://learn.microsoft.com/en-us/azure/ai-foundry/concepts/evaluation-evaluators/textual-similarity-evaluators
// Every score is in [0, 1], higher is better. `response` is the system's answer, `groundTruth` the reference.
import { porterStem } from './porter-stem';
import { rougeTokens, squadTokens, wordTokens } from './text-tokens';

export interface PrecisionRecallF {
	precision: number;
	recall: number;
	f1: number;
}


/** Size of the multiset intersection (each item counted as often as it occurs in both). */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
	let n = 0;
	for (const [item, count] of a) n += Math.min(count, b.get(item) ?? 0);
	return n;
}

/** Counts of the n-grams of a token list (tokens joined by a character no token contains). */
function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
	const c = new Map<string, number>();
	for (let i = 0; i + n <= tokens.length; i++) {
		let gram = tokens[i]!;
		for (let j = 1; j < n; j++) gram += `\u0000${tokens[i + j]}`;
		c.set(gram, (c.get(gram) ?? 0) + 1);
	}
	return c;
}

/** Number of n-grams in a list of `length` tokens. */
const ngramTotal = (length: number, n: number) => Math.max(0, length - n + 1);

function harmonic(precision: number, recall: number): number {
	return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * F1 score (Azure F1ScoreEvaluator): shared tokens after the SQuAD normalisation (`squadTokens`);
 * precision = shared / response tokens, recall = shared / ground-truth tokens, F1 their harmonic mean;
 * 0 when nothing is shared.
 */
export function f1Score(response: string, groundTruth: string): number {
	return f1OfTokens(squadTokens(response), squadTokens(groundTruth));
}

function f1OfTokens(r: readonly string[], g: readonly string[]): number {
	const shared = overlap(ngramCounts(r, 1), ngramCounts(g, 1));
	return shared === 0 ? 0 : harmonic(shared / r.length, shared / g.length);
}

/**
 * ROUGE-N (Azure RougeScoreEvaluator with `rouge1`/`rouge2`, i.e. rouge-score without stemming):
 * clipped n-gram overlap over `rougeTokens`; precision over the response's n-grams, recall over the
 * ground truth's, F their harmonic mean (0 when either side has no n-gram).
 */
export function rougeN(response: string, groundTruth: string, n: number): PrecisionRecallF {
	return rougeNOfTokens(rougeTokens(response), rougeTokens(groundTruth), n);
}

function rougeNOfTokens(r: readonly string[], g: readonly string[], n: number): PrecisionRecallF {
	const shared = overlap(ngramCounts(r, n), ngramCounts(g, n));
	const rTotal = ngramTotal(r.length, n);
	const gTotal = ngramTotal(g.length, n);
	const precision = rTotal === 0 ? 0 : shared / rTotal;
	const recall = gTotal === 0 ? 0 : shared / gTotal;
	return { precision, recall, f1: harmonic(precision, recall) };
}

/** Length of the longest common subsequence of two token lists (dynamic programming, one row kept). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
	let previous = new Array<number>(b.length + 1).fill(0);
	for (let i = 1; i <= a.length; i++) {
		const row = new Array<number>(b.length + 1).fill(0);
		for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
		previous = row;
	}
	return previous[b.length]!;
}

/**
 * ROUGE-L (Azure RougeScoreEvaluator with `rougeL`): the longest common subsequence of the two texts'
 * `rougeTokens` (over the whole text, not per sentence); precision = LCS / response tokens,
 * recall = LCS / ground-truth tokens, F their harmonic mean.
 */
export function rougeL(response: string, groundTruth: string): PrecisionRecallF {
	return rougeLOfTokens(rougeTokens(response), rougeTokens(groundTruth));
}

function rougeLOfTokens(r: readonly string[], g: readonly string[]): PrecisionRecallF {
	const lcs = lcsLength(r, g);
	const precision = r.length === 0 ? 0 : lcs / r.length;
	const recall = g.length === 0 ? 0 : lcs / g.length;
	return { precision, recall, f1: harmonic(precision, recall) };
}

/**
 * Sentence BLEU on token lists (NLTK `sentence_bleu`, weights 1/4 each for 1- to 4-grams, smoothing
 * `SmoothingFunction().method4`, as the Azure BleuScoreEvaluator calls it):
 * - p_n = clipped n-gram matches (against the most generous reference) / max(1, response n-grams);
 * - method4 (Chen & Cherry 2014): the i-th precision with no match becomes 1 / (2^i · k / ln L) / its
 *   denominator, k = 5, L = response length (only when L > 1);
 * - brevity penalty exp(1 − r/c) when the response (c) is not longer than the closest reference length r;
 * - score = BP · exp(Σ ¼ ln p_n); 0 when no unigram matches (or a precision stays 0).
 */
export function sentenceBleu(references: readonly (readonly string[])[], hypothesis: readonly string[]): number {
	const hypLength = hypothesis.length;
	const numerators: number[] = [];
	const denominators: number[] = [];
	for (let n = 1; n <= 4; n++) {
		const hyp = ngramCounts(hypothesis, n);
		const maxRef = new Map<string, number>();
		for (const reference of references) {
			for (const [gram, count] of ngramCounts(reference, n)) maxRef.set(gram, Math.max(maxRef.get(gram) ?? 0, count));
		}
		numerators.push(overlap(hyp, maxRef));
		denominators.push(Math.max(1, ngramTotal(hypLength, n)));
	}
	if (numerators[0] === 0) return 0;
	let smoothed = 1;
	const precisions = numerators.map((num, i) => {
		if (num !== 0 || hypLength <= 1) return num / denominators[i]!;
		const value = 1 / ((2 ** smoothed * 5) / Math.log(hypLength)) / denominators[i]!;
		smoothed++;
		return value;
	});
	if (precisions.some((p) => p === 0)) return 0;
	const closestRef = references.map((r) => r.length).reduce((best, len) => (Math.abs(len - hypLength) < Math.abs(best - hypLength) || (Math.abs(len - hypLength) === Math.abs(best - hypLength) && len < best) ? len : best));
	const brevity = hypLength > closestRef ? 1 : hypLength === 0 ? 0 : Math.exp(1 - closestRef / hypLength);
	return brevity * Math.exp(precisions.reduce((s, p) => s + 0.25 * Math.log(p), 0));
}

/** BLEU (Azure BleuScoreEvaluator): `sentenceBleu` of the response against the ground truth, both `wordTokens`. */
export function bleuScore(response: string, groundTruth: string): number {
	return sentenceBleu([wordTokens(groundTruth)], wordTokens(response));
}

/**
 * GLEU, Google-BLEU (Azure GleuScoreEvaluator, NLTK `sentence_gleu` with one reference): all 1- to
 * 4-grams of both `wordTokens` lists; matches = their clipped overlap; score = min(precision, recall)
 * = matches / max(response n-grams, reference n-grams); 0 when both are empty.
 */
export function gleuScore(response: string, groundTruth: string): number {
	return gleuOfTokens(wordTokens(response), wordTokens(groundTruth));
}

function gleuOfTokens(hyp: readonly string[], ref: readonly string[]): number {
	let matches = 0;
	let hypTotal = 0;
	let refTotal = 0;
	for (let n = 1; n <= 4; n++) {
		matches += overlap(ngramCounts(hyp, n), ngramCounts(ref, n));
		hypTotal += ngramTotal(hyp.length, n);
		refTotal += ngramTotal(ref.length, n);
	}
	const total = Math.max(hypTotal, refTotal);
	return total === 0 ? 0 : matches / total;
}

/** METEOR's parameters (NLTK's and the Azure MeteorScoreEvaluator's defaults). */
export const METEOR_DEFAULTS = { alpha: 0.9, beta: 3, gamma: 0.5 };

/** Stems already computed (the vocabulary of an evaluation is small; the cache is emptied past 50,000 words). */
const STEMS = new Map<string, string>();
function stem(word: string): string {
	let s = STEMS.get(word);
	if (s === undefined) {
		if (STEMS.size > 50_000) STEMS.clear();
		STEMS.set(word, (s = porterStem(word)));
	}
	return s;
}

/**
 * Aligns response words to reference words as NLTK's `_match_enums` does: from the last response word
 * back, each takes the last still-free reference word with the same key.
 */
function alignStage(hyp: [number, string][], ref: [number, string][], matches: [number, number][]): void {
	for (let i = hyp.length - 1; i >= 0; i--) {
		for (let j = ref.length - 1; j >= 0; j--) {
			if (hyp[i]![1] === ref[j]![1]) {
				matches.push([hyp[i]![0], ref[j]![0]]);
				hyp.splice(i, 1);
				ref.splice(j, 1);
				break;
			}
		}
	}
}

/**
 * METEOR (Azure MeteorScoreEvaluator, NLTK `meteor_score` with one reference): words lower-cased and
 * aligned in two stages, exact form then Porter stem (WordNet synonym matching, NLTK's third stage,
 * is left out: no WordNet offline). With m matches, P = m / response words, R = m / reference words,
 * Fmean = P·R / (α·P + (1−α)·R); chunks = runs of matches adjacent in both texts;
 * penalty = γ · (chunks / m)^β; score = (1 − penalty) · Fmean; 0 when nothing matches.
 */
export function meteorScore(response: string, groundTruth: string, params = METEOR_DEFAULTS): number {
	return meteorOfTokens(wordTokens(response), wordTokens(groundTruth), params);
}

function meteorOfTokens(hypTokens: readonly string[], refTokens: readonly string[], params = METEOR_DEFAULTS): number {
	const hypWords = hypTokens.map((w) => w.toLowerCase());
	const refWords = refTokens.map((w) => w.toLowerCase());
	const hyp: [number, string][] = hypWords.map((w, i) => [i, w]);
	const ref: [number, string][] = refWords.map((w, i) => [i, w]);
	const matches: [number, number][] = [];
	alignStage(hyp, ref, matches);
	alignStage(
		hyp.map(([i, w]) => [i, stem(w)]),
		ref.map(([i, w]) => [i, stem(w)]),
		matches
	);
	const m = matches.length;
	if (m === 0 || hypWords.length === 0 || refWords.length === 0) return 0;
	matches.sort((a, b) => a[0] - b[0]);
	let chunks = 1;
	for (let i = 0; i + 1 < m; i++) {
		if (!(matches[i + 1]![0] === matches[i]![0] + 1 && matches[i + 1]![1] === matches[i]![1] + 1)) chunks++;
	}
	const precision = m / hypWords.length;
	const recall = m / refWords.length;
	const fmean = (precision * recall) / (params.alpha * precision + (1 - params.alpha) * recall);
	const penalty = params.gamma * (chunks / m) ** params.beta;
	return (1 - penalty) * fmean;
}

/** Every answer metric of one response, keyed as the metric table names them (see metric-info.ts). */
export function answerScores(response: string, groundTruth: string): Record<string, number> {
	// Each text cut into tokens once per tokenizer, shared by the metrics that use it.
	const [rRouge, gRouge] = [rougeTokens(response), rougeTokens(groundTruth)];
	const [rWords, gWords] = [wordTokens(response), wordTokens(groundTruth)];
	const r1 = rougeNOfTokens(rRouge, gRouge, 1);
	const r2 = rougeNOfTokens(rRouge, gRouge, 2);
	const rl = rougeLOfTokens(rRouge, gRouge);
	return {
		f1_score: f1OfTokens(squadTokens(response), squadTokens(groundTruth)),
		rouge1_precision: r1.precision,
		rouge1_recall: r1.recall,
		rouge1_f1: r1.f1,
		rouge2_precision: r2.precision,
		rouge2_recall: r2.recall,
		rouge2_f1: r2.f1,
		rougeL_precision: rl.precision,
		rougeL_recall: rl.recall,
		rougeL_f1: rl.f1,
		bleu_score: sentenceBleu([gWords], rWords),
		gleu_score: gleuOfTokens(rWords, gWords),
		meteor_score: meteorOfTokens(rWords, gWords)
	};
}
