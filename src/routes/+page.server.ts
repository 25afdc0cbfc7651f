import { content } from '$lib/content/content.server';
import { byTrack, noteTracks, trackItems, trackOutline } from '$lib/content/tracks';

export function load() {
	const notes = new Map(content.notes.map((n) => [n.id, n]));
	const cards = content.decks.flatMap((d) => d.cards);
	return {
		cardIds: cards.map((c) => c.id),
		examHeadline: typeof content.outline?.headline === 'string' ? content.outline.headline : null,
		/** What each exam has: the home page shows the chosen one's. */
		tracks: byTrack((t) => {
			const serves = (noteId: string) => {
				const note = notes.get(noteId);
				return !!note && noteTracks(content, note).includes(t);
			};
			return {
				exam: trackOutline(content, t)?.exam ?? t,
				title: trackOutline(content, t)?.title ?? '',
				notes: content.notes.filter((n) => serves(n.id)).length,
				cards: cards.filter((c) => serves(c.note)).length,
				items: trackItems(content, t).length
			};
		}),
		interviews: content.interviews.length
	};
}
