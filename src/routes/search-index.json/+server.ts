// The search index, built once at build time and served as a static file (cached for offline use).
import { content } from '$lib/content/content.server';
import { buildSearchDocs } from '$lib/search/search-docs';
import { buildSearchIndex } from '$lib/search/search-index';

export const prerender = true;

export function GET() {
	return new Response(JSON.stringify(buildSearchIndex(buildSearchDocs(content))), { headers: { 'content-type': 'application/json' } });
}
