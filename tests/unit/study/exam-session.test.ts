import { describe, expect, it } from 'vitest';
import { readSavedExam, type SavedExam } from '../../../src/lib/study/exam-session';

const saved: SavedExam = {
	version: 1,
	mode: 'full',
	domain: null,
	seed: 42,
	itemIds: ['a', 'b'],
	responses: { a: { kind: 'choice', selected: [1] } },
	marked: ['b'],
	checked: [],
	position: 1,
	startedAt: 1_700_000_000_000,
	minutes: 33
};

describe('readSavedExam', () => {
	it('restores what was saved', () => {
		expect(readSavedExam(JSON.stringify(saved), new Set(['a', 'b', 'c']))).toEqual(saved);
	});

	it('drops an exam whose items are gone, or a damaged value', () => {
		expect(readSavedExam(JSON.stringify(saved), new Set(['a']))).toBeNull();
		expect(readSavedExam('{"version":1', new Set(['a', 'b']))).toBeNull();
		expect(readSavedExam(JSON.stringify({ ...saved, mode: 'other' }), new Set(['a', 'b']))).toBeNull();
		expect(readSavedExam(null, new Set())).toBeNull();
	});
});
