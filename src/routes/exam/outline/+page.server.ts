import { content } from '$lib/content/content.server';
import { trackCoverage } from '$lib/content/track-coverage';
import { trackInputs } from '$lib/content/track-inputs';
import { byTrack, trackOutline } from '$lib/content/tracks';

export function load() {
	return {
		cardIds: content.decks.flatMap((d) => d.cards.map((c) => c.id)),
		inputs: trackInputs(content),
		tracks: byTrack((t) => {
			const o = trackOutline(content, t)!;
			return { exam: o.exam, title: o.title, checked: o.checked, source: o.source, sources: o.sources ?? [], unconfirmed: o.unconfirmed ?? [], domains: trackCoverage(content, t) };
		})
	};
}
