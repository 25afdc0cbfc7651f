// One MiniSearch configuration for building the index (build time) and loading it (browser).
import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchDoc, SearchKind } from './search-docs';

export const SEARCH_OPTIONS = {
	fields: ['title', 'text'],
	storeFields: ['kind', 'title', 'url', 'snippet'],
	searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' as const }
};

export function buildSearchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
	const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
	index.addAll(docs);
	return index;
}

export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
	return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export interface SearchHit {
	id: string;
	kind: SearchKind;
	title: string;
	url: string;
	snippet: string;
	score: number;
}

export function searchContent(index: MiniSearch<SearchDoc>, query: string, limit = 50): SearchHit[] {
	if (!query.trim()) return [];
	return index
		.search(query)
		.slice(0, limit)
		.map((r: SearchResult) => ({ id: String(r.id), kind: r.kind, title: r.title, url: r.url, snippet: r.snippet, score: r.score }));
}

/** Every flashcard matching a query (no limit), by card id: what the card browser's search filters on. */
export function matchingCardIds(index: MiniSearch<SearchDoc>, query: string): Set<string> {
	if (!query.trim()) return new Set();
	return new Set(index.search(query, { filter: (r) => r.kind === 'card' }).map((r) => String(r.id).replace(/^card:/, '')));
}
