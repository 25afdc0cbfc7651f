import { describe, expect, it } from 'vitest';
import { answerScores, bleuScore, f1Score, gleuScore, meteorScore, rougeL, rougeN, sentenceBleu } from '../../../../src/lib/rag/eval/answer-metrics';
import { porterStem } from '../../../../src/lib/rag/eval/porter-stem';
import { rougeTokens, squadTokens, wordTokens } from '../../../../src/lib/rag/eval/text-tokens';

// NLTK's documentation example (bleu_score.py and meteor_score.py docstrings).
const HYPOTHESIS1 = 'It is a guide to action which ensures that the military always obeys the commands of the party';
const REFERENCE1 = 'It is a guide to action that ensures that the military will forever heed Party commands';
const REFERENCE2 = 'It is the guiding principle which guarantees the military forces always being under the command of the Party';
const REFERENCE3 = 'It is the practical guide for the army always to heed the directions of the party';

describe('tokenisers', () => {
	it('normalise as SQuAD does for F1: lower case, no punctuation, no articles', () => {
		expect(squadTokens('The capital of France is Paris.')).toEqual(['capital', 'of', 'france', 'is', 'paris']);
		expect(squadTokens('An endpoint, a deployment')).toEqual(['endpoint', 'deployment']);
	});
	it('split on anything but letters and digits for ROUGE', () => {
		expect(rougeTokens('Score-based MLflow_v2: 3.5!')).toEqual(['score', 'based', 'mlflow', 'v2', '3', '5']);
	});
	it('split punctuation and clitics like NLTK word_tokenize, keeping abbreviations', () => {
		expect(wordTokens('Tokyo is the capital of Japan.')).toEqual(['Tokyo', 'is', 'the', 'capital', 'of', 'Japan', '.']);
		expect(wordTokens("Don't use (e.g. v1) SDKs, it's old.")).toEqual(['Do', "n't", 'use', '(', 'e.g.', 'v1', ')', 'SDKs', ',', 'it', "'s", 'old', '.']);
		expect(wordTokens('Version 3.5 of text-embedding-3-large')).toEqual(['Version', '3.5', 'of', 'text-embedding-3-large']);
	});
});

describe('Porter stemmer', () => {
	it('stems the examples of Porter’s paper', () => {
		const cases: [string, string][] = [
			['caresses', 'caress'], ['ponies', 'poni'], ['cats', 'cat'], ['agreed', 'agre'], ['plastered', 'plaster'],
			['motoring', 'motor'], ['hopping', 'hop'], ['filing', 'file'], ['happy', 'happi'], ['relational', 'relat'],
			['conditional', 'condit'], ['generalization', 'gener'], ['hopeful', 'hope'], ['goodness', 'good'],
			['adjustment', 'adjust'], ['controlling', 'control'], ['running', 'run'], ['deployments', 'deploy'], ['is', 'is']
		];
		for (const [word, stem] of cases) expect(porterStem(word), word).toBe(stem);
	});
});

describe('F1 score (Azure F1ScoreEvaluator)', () => {
	it('matches the SDK sample: one different word out of five', () => {
		expect(f1Score('Lyon is the capital of France.', 'Paris is the capital of France.')).toBeCloseTo(0.8, 10);
	});
	it('matches the published prompt-flow sample output 0.142857…', () => {
		expect(f1Score('The main transformer is the object that feeds all the fixtures in low voltage tracks.', 'Master transformer.')).toBeCloseTo(1 / 7, 12);
	});
	it('is 0 without shared words and 1 for the same text', () => {
		expect(f1Score('blue green', 'red')).toBe(0);
		expect(f1Score('Use a managed online endpoint.', 'use managed online endpoint')).toBe(1);
	});
});

describe('ROUGE (rouge-score, as the Azure RougeScoreEvaluator)', () => {
	const target = 'The quick brown fox jumps over the lazy dog';
	const prediction = 'The quick brown dog jumps on the log.';
	it('ROUGE-1 matches rouge-score README values', () => {
		const r = rougeN(prediction, target, 1);
		expect(r.precision).toBeCloseTo(0.75, 12);
		expect(r.recall).toBeCloseTo(6 / 9, 12);
		expect(r.f1).toBeCloseTo(0.7058823529411765, 12);
	});
	it('ROUGE-L matches rouge-score README values', () => {
		const r = rougeL(prediction, target);
		expect(r.precision).toBeCloseTo(0.625, 12);
		expect(r.recall).toBeCloseTo(5 / 9, 12);
		expect(r.f1).toBeCloseTo(0.5882352941176471, 12);
	});
	it('ROUGE-2 counts shared bigrams (hand-computed: "the quick", "quick brown")', () => {
		const r = rougeN(prediction, target, 2);
		expect(r.precision).toBeCloseTo(2 / 7, 12);
		expect(r.recall).toBeCloseTo(2 / 8, 12);
	});
	it('is 0 on an empty response', () => {
		expect(rougeN('', target, 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
		expect(rougeL('', target).f1).toBe(0);
	});
});

describe('BLEU (NLTK sentence_bleu with method4, as the Azure BleuScoreEvaluator)', () => {
	it('matches NLTK’s documented 0.5045… for three references (no smoothing needed)', () => {
		const s = sentenceBleu([REFERENCE1, REFERENCE2, REFERENCE3].map((r) => r.split(' ')), HYPOTHESIS1.split(' '));
		expect(s).toBeCloseTo(0.5045666840058485, 10);
	});
	it('smooths a missing 4-gram match with method4 (hand-computed for the SDK sample pair)', () => {
		// 7 tokens each: p1 = 6/7, p2 = 2/6, p3 = 1/5, p4 = (ln 7 / 10) / 4; brevity penalty 1.
		const expected = Math.exp((Math.log(6 / 7) + Math.log(2 / 6) + Math.log(1 / 5) + Math.log(Math.log(7) / 10 / 4)) / 4);
		expect(bleuScore('Tokyo is the capital of Japan.', 'The capital of Japan is Tokyo.')).toBeCloseTo(expected, 12);
		expect(expected).toBeCloseTo(0.2296, 4);
	});
	it('applies the brevity penalty to a short response', () => {
		// "the cat sat" against "the cat sat on the mat": all precisions 1 except p4 (no 4-gram): smoothed.
		const p4 = Math.log(3) / 10 / 1;
		const expected = Math.exp(1 - 6 / 3) * Math.exp((0 + 0 + 0 + Math.log(p4)) / 4);
		expect(bleuScore('the cat sat', 'the cat sat on the mat')).toBeCloseTo(expected, 12);
	});
	it('is 0 when no word matches and 1 for an identical long answer', () => {
		expect(bleuScore('alpha beta', 'gamma delta')).toBe(0);
		expect(bleuScore('Register the model before you deploy it.', 'Register the model before you deploy it.')).toBeCloseTo(1, 12);
	});
});

describe('GLEU (NLTK sentence_gleu, as the Azure GleuScoreEvaluator)', () => {
	it('matches the SDK docstring sample 0.41 (9 of 22 n-grams)', () => {
		expect(gleuScore('Tokyo is the capital of Japan.', 'The capital of Japan is Tokyo.')).toBeCloseTo(9 / 22, 12);
	});
	it('takes the smaller of precision and recall', () => {
		// response 2 words: 3 n-grams, all matched; reference 4 words: 10 n-grams → 3 / 10.
		expect(gleuScore('deploy model', 'deploy model to endpoint')).toBeCloseTo(3 / 10, 12);
		expect(gleuScore('', '')).toBe(0);
	});
});

describe('METEOR (NLTK meteor_score, as the Azure MeteorScoreEvaluator)', () => {
	it('matches NLTK’s documented 0.6944 for hypothesis1 / reference1', () => {
		expect(meteorScore(HYPOTHESIS1, REFERENCE1)).toBeCloseTo(0.6944, 4);
	});
	it('matches stems after exact forms (hand-computed)', () => {
		// "deploying models" vs "deploy model": both match by stem, one chunk: P = R = 1, penalty 0.5 · (1/2)^3.
		expect(meteorScore('deploying models', 'deploy model')).toBeCloseTo(1 - 0.5 * 0.125, 12);
	});
	it('is 0 when nothing matches', () => {
		expect(meteorScore('alpha', 'beta')).toBe(0);
		expect(meteorScore('', 'beta')).toBe(0);
	});
});

describe('answerScores', () => {
	it('keys every answer metric and scores an identical answer 1 on each F', () => {
		const s = answerScores('Use a managed online endpoint for real-time scoring.', 'Use a managed online endpoint for real-time scoring.');
		expect(Object.keys(s).sort()).toEqual(
			['bleu_score', 'f1_score', 'gleu_score', 'meteor_score', 'rouge1_f1', 'rouge1_precision', 'rouge1_recall', 'rouge2_f1', 'rouge2_precision', 'rouge2_recall', 'rougeL_f1', 'rougeL_precision', 'rougeL_recall'].sort()
		);
		expect(s.f1_score).toBe(1);
		expect(s.rougeL_f1).toBe(1);
		expect(s.gleu_score).toBe(1);
		expect(s.meteor_score).toBeGreaterThan(0.99);
	});
});
