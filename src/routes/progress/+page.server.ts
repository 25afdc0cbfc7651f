import { content } from '$lib/content/content.server';

export function load() {
	const noteDomain = new Map(content.notes.map((n) => [n.id, n.domain]));
	return {
		cardIds: content.decks.flatMap((d) => d.cards.map((c) => c.id)),
		/** Card id → exam domain, for the cards whose note belongs to an exam domain. */
		cardDomains: content.decks.flatMap((d) => d.cards.flatMap((c) => {
			const domain = noteDomain.get(c.note);
			return domain && content.outline?.domains.some((x) => x.id === domain) ? [[c.id, domain] as [string, string]] : [];
		})),
		domains: (content.outline?.domains ?? []).map((d) => ({ id: d.id, title: d.title, weight: d.weight as [number, number] }))
	};
}
