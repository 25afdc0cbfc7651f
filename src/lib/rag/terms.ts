// Words for retrieval: the one tokenisation BM25, TF-IDF (LSA), query rewriting, the extractive
// answer and the evaluation metrics share, so a query and a chunk always meet on the same terms.
// Lower-case, split on anything that is not a letter or a digit, drop a short list of English stop
// words, and strip plural endings only (endpoints → endpoint, queries → query; never class, status,
// analysis). No stemmer beyond that: Azure names (ml, sdk, v2) must survive as written.

const STOP_WORDS = new Set(
	'a an and are as at be been but by can do does for from has have how i if in into is it its no not of on or our so than that the their them then there these they this to was we were what when where which while who why will with you your'.split(' ')
);

/** Lower-cased letter/digit runs, nothing dropped (for metrics that count every word). */
export function words(text: string): string[] {
	return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Plural endings removed: `-ies` → `-y`, `-es` after s/x/z/ch/sh, a final `-s` unless `-ss`, `-us`, `-is`. */
export function singular(word: string): string {
	if (word.length <= 3) return word;
	if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
	if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
	if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
	return word;
}

/** Retrieval terms of `text`: words without stop words, plurals made singular. */
export function terms(text: string): string[] {
	const out: string[] = [];
	for (const w of words(text)) if (!STOP_WORDS.has(w)) out.push(singular(w));
	return out;
}

export function isStopWord(word: string): boolean {
	return STOP_WORDS.has(word);
}
