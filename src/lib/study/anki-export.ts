// Decks as tab-separated text that Anki's "Import File" reads: front, back, tags (space-separated).
// Fields hold HTML (Anki shows it), with tabs and newlines that would break the format replaced.

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
