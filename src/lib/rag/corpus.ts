// The notes as the RAG lab's corpus: one document per note, its Markdown body as the text.
import type { Note } from '../content/schema';
import type { CorpusDoc } from './types';

export function corpusFromNotes(notes: readonly Note[]): CorpusDoc[] {
	return notes.map((n) => ({ id: n.id, title: n.title, domain: n.domain, text: n.body, url: `/notes/${n.id}` }));
}
