// The RAG lab's corpus (every note's Markdown), built once at build time and served as a static file,
// so the lab worker fetches it from the same origin and the service worker keeps it for offline use.
import { content } from '$lib/content/content.server';
import { corpusFromNotes } from '$lib/rag/corpus';

export const prerender = true;

export function GET() {
	return new Response(JSON.stringify(corpusFromNotes(content.notes)), { headers: { 'content-type': 'application/json' } });
}
