// Porter's stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", 1980), as
// METEOR's second matching stage uses it. NLTK's PorterStemmer adds a handful of extensions
// (irregular forms such as "dying" → "die", "skies" → "sky"); those are left out here, so a few rare
// words stem differently from NLTK's.

const CONSONANT = '[^aeiou]';
const VOWEL = '[aeiouy]';
const CONSONANTS = `${CONSONANT}[^aeiouy]*`;
const VOWELS = `${VOWEL}[aeiou]*`;
/** The stem has at least one vowel-consonant sequence (m > 0). */
const M_ABOVE_0 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}`);
/** Exactly one (m = 1). */
const M_EQUALS_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}(${VOWELS})?$`);
/** At least two (m > 1). */
const M_ABOVE_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}${VOWELS}${CONSONANTS}`);
const HAS_VOWEL = new RegExp(`^(${CONSONANTS})?${VOWEL}`);
/** Ends consonant-vowel-consonant, the last not w, x or y (*o in Porter's paper). */
const CVC = new RegExp(`^${CONSONANTS}${VOWEL}[^aeiouwxy]$`);

const STEP2: Record<string, string> = {
	ational: 'ate', tional: 'tion', enci: 'ence', anci: 'ance', izer: 'ize', bli: 'ble', alli: 'al',
	entli: 'ent', eli: 'e', ousli: 'ous', ization: 'ize', ation: 'ate', ator: 'ate', alism: 'al',
	iveness: 'ive', fulness: 'ful', ousness: 'ous', aliti: 'al', iviti: 'ive', biliti: 'ble', logi: 'log'
};
const STEP3: Record<string, string> = { icate: 'ic', ative: '', alize: 'al', iciti: 'ic', ical: 'ic', ful: '', ness: '' };
const STEP2_SUFFIX = new RegExp(`^(.+?)(${Object.keys(STEP2).join('|')})$`);
const STEP3_SUFFIX = new RegExp(`^(.+?)(${Object.keys(STEP3).join('|')})$`);
const STEP4_SUFFIX = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;

/** The Porter stem of one lower-case word; words under three letters are returned as they are. */
export function porterStem(word: string): string {
	if (word.length < 3) return word;
	// A leading y is a consonant: mark it so the vowel patterns skip it.
	const leadingY = word[0] === 'y';
	let w = leadingY ? `Y${word.slice(1)}` : word;

	// Step 1a: plurals.
	let m: RegExpExecArray | null;
	if ((m = /^(.+?)(ss|i)es$/.exec(w))) w = m[1]! + m[2]!;
	else if ((m = /^(.+?)([^s])s$/.exec(w))) w = m[1]! + m[2]!;

	// Step 1b: -eed, -ed, -ing.
	if ((m = /^(.+?)eed$/.exec(w))) {
		if (M_ABOVE_0.test(m[1]!)) w = w.slice(0, -1);
	} else if ((m = /^(.+?)(ed|ing)$/.exec(w)) && HAS_VOWEL.test(m[1]!)) {
		w = m[1]!;
		if (/(at|bl|iz)$/.test(w)) w += 'e';
		else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
		else if (CVC.test(w)) w += 'e';
	}

	// Step 1c: y → i after a vowel in the stem.
	if ((m = /^(.+?)y$/.exec(w)) && HAS_VOWEL.test(m[1]!)) w = `${m[1]}i`;

	// Steps 2 and 3: double and single suffixes, when the stem has m > 0.
	if ((m = STEP2_SUFFIX.exec(w)) && M_ABOVE_0.test(m[1]!)) w = m[1]! + STEP2[m[2]!]!;
	if ((m = STEP3_SUFFIX.exec(w)) && M_ABOVE_0.test(m[1]!)) w = m[1]! + STEP3[m[2]!]!;

	// Step 4: drop a suffix when m > 1.
	if ((m = STEP4_SUFFIX.exec(w))) {
		if (M_ABOVE_1.test(m[1]!)) w = m[1]!;
	} else if ((m = /^(.+?)(s|t)(ion)$/.exec(w)) && M_ABOVE_1.test(m[1]! + m[2]!)) {
		w = m[1]! + m[2]!;
	}

	// Step 5: a final e, and -ll.
	if ((m = /^(.+?)e$/.exec(w))) {
		const stem = m[1]!;
		if (M_ABOVE_1.test(stem) || (M_EQUALS_1.test(stem) && !CVC.test(stem))) w = stem;
	}
	if (/ll$/.test(w) && M_ABOVE_1.test(w)) w = w.slice(0, -1);

	return leadingY ? `y${w.slice(1)}` : w;
}
