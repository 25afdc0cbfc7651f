import { content } from '$lib/content/content.server';
import { INTERVIEW_DOMAIN } from '$lib/content/schema';
import { noteTracks } from '$lib/content/tracks';

export function load() {
	const groups = [
		...[...(content.outline?.domains ?? []), ...(content.ai300?.domains ?? [])].map((d) => ({ id: d.id, title: d.title, weight: d.weight as [number, number] | null })),
		{ id: INTERVIEW_DOMAIN, title: 'Interview preparation', weight: null }
	];
	return {
		groups: groups
			.map((g) => ({
				...g,
				notes: content.notes.filter((n) => n.domain === g.id).map((n) => ({ id: n.id, title: n.title, objectives: n.objectives, tracks: noteTracks(content, n) }))
			}))
			.filter((g) => g.notes.length > 0)
	};
}
