// The RAG lab's content dataset (every exam item and card that names an existing note, as a question
// with its reference answer and relevant note), built once at build time and served as a static file
// for the lab worker, which samples it with a seed.
import { content } from '$lib/content/content.server';
import { datasetFromContent } from '$lib/rag/eval/dataset-from-content';

export const prerender = true;

export function GET() {
	return new Response(JSON.stringify(datasetFromContent(content).examples), { headers: { 'content-type': 'application/json' } });
}
