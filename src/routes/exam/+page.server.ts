import { content } from '$lib/content/content.server';
import { byTrack, noteTrackDomain, trackItems, trackOutline } from '$lib/content/tracks';

export function load() {
	const outline = content.outline!;
	return {
		status: typeof outline.status === 'string' ? outline.status : null,
		statusSource: typeof outline.status_source === 'string' ? outline.status_source : null,
		/** Each exam's outline with its notes and items per domain; the page shows the chosen one. */
		tracks: byTrack((t) => {
			const o = trackOutline(content, t)!;
			const items = trackItems(content, t);
			return {
				exam: o.exam,
				title: o.title,
				checked: o.checked,
				source: o.source,
				unconfirmed: o.unconfirmed ?? [],
				domains: o.domains.map((d) => ({
					...d,
					items: items.filter((i) => i.domain === d.id).reduce((s, i) => s + Math.max(1, i.items.length), 0),
					notes: content.notes.filter((n) => noteTrackDomain(content, n, t) === d.id).length
				}))
			};
		})
	};
}
