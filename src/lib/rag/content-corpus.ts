// The RAG lab's corpus from Prep Lab's own notes: one document per note, its Markdown as written.
// The site serves it prerendered (`/lab/rag/corpus.json`, read by the lab worker) and the CLI builds
// it from the content loader, so both index exactly the same text.
import type { Note } from '../content/schema';
import type { CorpusDoc } from './types';

/** The URL a learner reads a note at. */
export const noteUrl = (id: string) => `/notes/${id}`;

export function corpusFromNotes(notes: readonly Pick<Note, 'id' | 'title' | 'domain' | 'body'>[]): CorpusDoc[] {
	return notes.map((n) => ({ id: n.id, title: n.title, domain: n.domain, text: n.body, url: noteUrl(n.id) }));
}

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
