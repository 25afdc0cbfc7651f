// Query rewriting by glossary: an acronym in the question gets its full name appended, and a full
// name gets its acronym, so "What limits PTU?" also searches "provisioned throughput unit". The
// glossary is the hand list (azure-acronyms.ts) plus every "Full name (ACR)" pattern in the corpus
// whose words' initials spell the acronym (hyphenated words give one initial per part; small words
// such as "of" count or not), so "Token rate limits (TPM)" is not taken for a definition.
import { AZURE_ML_ACRONYMS } from './azure-acronyms';
import { markdownSections, sectionText } from './markdown-text';
import { isStopWord, words } from './terms';
import type { CorpusDoc } from './types';

/** Lower-cased acronym → its full name, as first defined (the hand list first, then the corpus). */
export type Glossary = Map<string, string>;

export interface RewrittenQuery {
	query: string;
	/** What was appended, in order (full names and acronyms). */
	added: string[];
}

const DEFINITION = /((?:[A-Za-z][A-Za-z-]*\s+){0,7}[A-Za-z][A-Za-z-]*)\s+\(([A-Z][A-Za-z]{1,9})\)/g;

/** The shortest run of trailing words whose initials spell the acronym's capitals, or null. */
export function definedName(preceding: string, acronym: string): string | null {
	const letters = acronym.replace(/s$/, '').replace(/[^A-Z]/g, '').toLowerCase();
	if (letters.length < 2) return null;
	const all = preceding.split(/\s+/).filter((w) => w !== '');
	for (let start = all.length - 1; start >= 0; start--) {
		const run = all.slice(start);
		if (isStopWord(run[0]!.toLowerCase())) continue;
		const initials = (kept: string[]) =>
			kept
				.flatMap((w) => w.split('-').filter((p) => p !== ''))
				.map((p) => p[0]!.toLowerCase())
				.join('');
		const withoutSmallWords = initials(run.filter((w) => !isStopWord(w.toLowerCase())));
		if (withoutSmallWords === letters || initials(run) === letters) return run.join(' ');
		if (withoutSmallWords.length > letters.length) return null;
	}
	return null;
}

export function buildGlossary(docs: readonly CorpusDoc[], hand: Record<string, string> = AZURE_ML_ACRONYMS): Glossary {
	const glossary: Glossary = new Map(Object.entries(hand).map(([acr, name]) => [acr.toLowerCase(), name]));
	for (const doc of docs) {
		for (const section of markdownSections(doc.text)) {
			for (const m of sectionText(section).matchAll(DEFINITION)) {
				const name = definedName(m[1]!, m[2]!);
				const key = m[2]!.toLowerCase();
				if (name && !glossary.has(key)) glossary.set(key, name);
			}
		}
	}
	return glossary;
}

const containsRun = (haystack: string[], needle: string[]) => needle.length > 0 && haystack.some((_, i) => needle.every((w, j) => haystack[i + j] === w));

export function rewriteQuery(query: string, glossary: Glossary): RewrittenQuery {
	const queryWords = words(query);
	const added: string[] = [];
	for (const word of new Set(queryWords)) {
		const name = glossary.get(word);
		if (name && !containsRun(queryWords, words(name))) added.push(name);
	}
	for (const [acronym, name] of glossary) {
		if (!queryWords.includes(acronym) && containsRun(queryWords, words(name))) added.push(acronym.toUpperCase());
	}
	return { query: added.length > 0 ? `${query} ${added.join(' ')}` : query, added };
}
