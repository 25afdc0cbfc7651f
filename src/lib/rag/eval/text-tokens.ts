// The three ways the Azure AI Evaluation SDK's lexical evaluators cut text into tokens, so each metric
// here counts the same tokens as its Azure namesake:
// - `squadTokens` (F1ScoreEvaluator): lower case, ASCII punctuation and the articles a/an/the
//   removed, split on white space (the SQuAD answer normalisation).
// - `rougeTokens` (RougeScoreEvaluator, through Google's rouge-score package, no stemmer): lower
//   case, anything but a–z and 0–9 becomes a space, split.
// - `wordTokens` (BLEU, GLEU and METEOR, through NLTK's `word_tokenize`): case kept, punctuation and
//   English clitics split from words. An approximation of NLTK's Punkt + Treebank tokenizer: it
//   splits the same punctuation and contractions, and treats a final period as its own token only
//   at the end of a sentence (not after a single letter or inside an abbreviation such as "e.g.").

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** F1's tokens: the SQuAD normalisation the Azure F1ScoreEvaluator applies, then white space. */
export function squadTokens(text: string): string[] {
	return text
		.toLowerCase()
		.replace(ASCII_PUNCTUATION, '')
		.replace(/\b(a|an|the)\b/g, ' ')
		.split(/\s+/)
		.filter((t) => t !== '');
}

/** ROUGE's tokens: rouge-score's default tokenizer (no stemming). */
export function rougeTokens(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.split(' ')
		.filter((t) => t !== '');
}

const CLITIC = /^(.+?)('s|'re|'ve|'ll|'d|'m|n't|'S|'RE|'VE|'LL|'D|'M|N'T)$/;
const LEADING = /^(["'`(\[{]|``)(.*)$/s;
const TRAILING = /^(.*?)(\.\.\.|["'`)\]},;:!?%])$/s;

/** BLEU, GLEU and METEOR's tokens: an approximation of NLTK's `word_tokenize` (see the top of the file). */
export function wordTokens(text: string): string[] {
	const words = text.split(/\s+/).filter((w) => w !== '');
	const out: string[] = [];
	words.forEach((raw, i) => {
		const before: string[] = [];
		const after: string[] = [];
		let w = raw;
		for (let m = LEADING.exec(w); m && w.length > 1; m = LEADING.exec(w)) {
			before.push(m[1]!);
			w = m[2]!;
		}
		for (let m = TRAILING.exec(w); m && w.length > 1; m = TRAILING.exec(w)) {
			after.unshift(m[2]!);
			w = m[1]!;
		}
		const next = words[i + 1];
		if (w.length > 1 && w.endsWith('.') && endsSentence(w, next)) {
			after.unshift('.');
			w = w.slice(0, -1);
		}
		const clitic = CLITIC.exec(w);
		const core = clitic ? [clitic[1]!, clitic[2]!] : w === '' ? [] : [w];
		out.push(...before, ...core, ...after);
	});
	return out;
}

/** A period ends the sentence when the text ends or the next word starts a new one, unless the word is an abbreviation. */
function endsSentence(word: string, next: string | undefined): boolean {
	const stem = word.slice(0, -1);
	if (stem.includes('.') || /^[A-Za-z]$/.test(stem)) return false;
	return next === undefined || /^["'(\[]?[A-Z0-9]/.test(next);
}
