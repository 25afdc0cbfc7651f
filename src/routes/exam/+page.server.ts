import { content } from '$lib/content/content.server';

export function load() {
	const outline = content.outline!;
	return {
		exam: outline.exam,
		title: outline.title,
		checked: outline.checked,
		source: outline.source,
		status: typeof outline.status === 'string' ? outline.status : null,
		statusSource: typeof outline.status_source === 'string' ? outline.status_source : null,
		domains: outline.domains.map((d) => ({
			...d,
			items: content.items.filter((i) => i.domain === d.id).reduce((s, i) => s + Math.max(1, i.items.length), 0),
			notes: content.notes.filter((n) => n.domain === d.id).length
		}))
	};
}
