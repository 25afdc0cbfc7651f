import type { ItemType } from '$lib/content/schema';
import type { MistakeCard } from '$lib/study/mistake-card';

/**
 * An exam item as the practice page gets it: text compiled to HTML at build time from repository
 * content, answers included (the learner sees them after answering).
 */
export interface PracticeItem {
	id: string;
	type: ItemType;
	domain: string;
	stem: string;
	scenario: string | null;
	options: { text: string; why: string; correct: boolean }[];
	statements: { text: string; why: string; answer: boolean }[];
	explanation: string;
	note: { id: string; title: string };
	/** The outline task line the item tests (a case's own line covers its sub-items unless they name theirs). */
	skill: string;
	/** Documentation page backing the answer; a case's sub-items carry the case's. */
	source: string;
	items: PracticeItem[];
	/** The plain-text flashcard saved when this question is answered wrong (null for a case itself). */
	mistake: MistakeCard | null;
}

export interface PracticeDomain {
	id: string;
	title: string;
	weight: [number, number];
}
