// Where a learner reads a chunk: its note, at the section the chunk comes from (the note page's
// heading anchors use the same slugs). A chunk of an uploaded datastore file has no page.
import { noteUrl } from './content-corpus';
import type { Chunk } from './types';

export function chunkLink(chunk: Pick<Chunk, 'docId' | 'section'>): string | null {
	if (chunk.docId.startsWith('datastore:')) return null;
	return `${noteUrl(chunk.docId)}${chunk.section ? `#${chunk.section}` : ''}`;
}
