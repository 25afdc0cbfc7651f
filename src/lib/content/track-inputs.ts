// What the pages that follow the chosen exam need of each exam, computed at build time: its
// domains (with weights), the cards that serve it with their domain in it, and its outline title.
import type { ContentBundle } from './bundle';
import { byTrack, cardTrackDomains, trackOutline, type Track } from './tracks';

export interface TrackInput {
	exam: string;
	title: string;
	cardIds: string[];
	cardDomains: [string, string][];
	domains: { id: string; title: string; weight: [number, number] }[];
}

export function trackInputs(content: ContentBundle): Record<Track, TrackInput> {
	const cards = content.decks.flatMap((d) => d.cards);
	return byTrack((track) => {
		const outline = trackOutline(content, track);
		const cardDomains = cardTrackDomains(content, cards, track);
		return {
			exam: outline?.exam ?? track,
			title: outline?.title ?? '',
			cardIds: cardDomains.map(([id]) => id),
			cardDomains,
			domains: (outline?.domains ?? []).map((d) => ({ id: d.id, title: d.title, weight: d.weight }))
		};
	});
}
