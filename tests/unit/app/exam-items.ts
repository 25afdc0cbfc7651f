// Small exam items for the workflow tests: shaped like the practice page's items (scorable, with a
// note and the mistake card saved when answered wrong).
import type { FinishableItem } from '../../../src/lib/app/finish-exam';
import type { ItemResponse } from '../../../src/lib/study/exam-engine';

export const single = (id: string, domain: string): FinishableItem => ({
	id,
	type: 'single',
	domain,
	options: [{ correct: true }, { correct: false }],
	statements: [],
	items: [],
	note: { id: `note-${id}` },
	mistake: { front: `front ${id}`, back: `back ${id}` }
});

export const caseStudy = (id: string, domain: string, subIds: string[]): FinishableItem => ({
	id,
	type: 'case',
	domain,
	options: [],
	statements: [],
	items: subIds.map((s) => single(s, domain)),
	note: { id: `note-${id}` },
	mistake: null
});

export const right: ItemResponse = { kind: 'choice', selected: [0] };
export const wrong: ItemResponse = { kind: 'choice', selected: [1] };
