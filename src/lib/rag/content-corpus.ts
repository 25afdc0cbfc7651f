// The RAG lab's corpus as the app serves it: the notes (corpus.ts) are served prerendered at
// `/lab/rag/corpus.json` and read back here in the lab worker, checked; a Markdown or text file of the
// datastore can join them as one more document. The CLI builds the same notes from the content loader.
import type { CorpusDoc } from './types';

/** The URL a learner reads a note at. */
export const noteUrl = (id: string) => `/notes/${id}`;

/** An uploaded Markdown or text file of the datastore as one more document (`datastore:<name>`). */
export function corpusDocFromFile(name: string, text: string): CorpusDoc {
	return { id: `datastore:${name}`, title: name, domain: 'upload', text, url: '' };
}

/** Reads the served corpus back, refusing anything that is not a list of documents. */
export function parseCorpus(value: unknown): CorpusDoc[] {
	if (!Array.isArray(value)) throw new Error('The corpus is not a list of documents.');
	return value.map((d, i) => {
		const ok = d && typeof d === 'object' && ['id', 'title', 'domain', 'text', 'url'].every((k) => typeof (d as Record<string, unknown>)[k] === 'string');
		if (!ok) throw new Error(`Document ${i + 1} of the corpus is missing its id, title, domain, text or url.`);
		return d as CorpusDoc;
	});
}
