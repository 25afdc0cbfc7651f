// Decks as tab-separated text that Anki's "Import File" reads: front, back, tags (space-separated).
// Fields hold HTML (Anki shows it), with tabs and newlines that would break the format replaced.
import type { StudyDeck } from './study-deck';

export interface AnkiCard {
	front: string;
	back: string;
	tags: string[];
	deck: string;
}

const field = (html: string) => html.replace(/\t/g, ' ').replace(/\r?\n/g, '<br>').trim();

export function toAnkiTsv(cards: readonly AnkiCard[]): string {
	const header = ['#separator:tab', '#html:true', '#tags column:3'];
	const rows = cards.map((c) => [field(c.front), field(c.back), [`prep-lab::${c.deck}`, ...c.tags].join(' ')].join('\t'));
	return `${[...header, ...rows].join('\n')}\n`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Plain text as HTML that shows the same characters (Anki reads every field as HTML). */
export const escapeHtml = (text: string) => text.replace(/[&<>]/g, (ch) => ENTITIES[ch]!);

/** The chosen decks as Anki text; plain-text cards (the mistakes deck) are escaped so they show as typed. */
export function decksToAnkiTsv(decks: readonly StudyDeck[], chosen: readonly string[]): string {
	return toAnkiTsv(
		decks
			.filter((d) => chosen.includes(d.id))
			.flatMap((d) => d.cards.map((c) => ({ front: c.plain ? escapeHtml(c.front) : c.front, back: c.plain ? escapeHtml(c.back) : c.back, tags: c.tags, deck: d.id })))
	);
}
