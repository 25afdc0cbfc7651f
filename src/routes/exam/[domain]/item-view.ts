/** A practice-exam item as the review page shows it; HTML compiled at build time from content. */
export interface ItemView {
	id: string;
	type: string;
	stem: string;
	scenario: string | null;
	options: { text: string; correct: boolean; why: string; position: number }[];
	statements: { text: string; answer: boolean; why: string }[];
	explanation: string;
	note: { id: string; title: string };
	source: string;
	items: ItemView[];
}
