import { trackInputs } from '$lib/content/track-inputs';
import { content } from '$lib/content/content.server';

export function load() {
	return {
		cardIds: content.decks.flatMap((d) => d.cards.map((c) => c.id)),
		tracks: trackInputs(content)
	};
}
