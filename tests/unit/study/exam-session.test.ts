import { describe, expect, it } from 'vitest';
import { checkExamSession, fromLegacySavedExam, remainingMs, type ExamSession } from '../../../src/lib/study/exam-session';

const t0 = new Date('2026-11-25T09:00:00Z');
const saved: ExamSession = {
	mode: 'full',
	domain: null,
	seed: 42,
	itemIds: ['a', 'b'],
	responses: { a: { kind: 'choice', selected: [1] }, b: { kind: 'yesno', answers: [true, null] } },
	marked: ['b'],
	checked: [],
	position: 1,
	startedAt: t0,
	minutes: 33,
	strict: false,
	usedMs: 60_000,
	savedAt: t0
};
const known = new Set(['a', 'b', 'c']);

describe('checkExamSession', () => {
	it('restores what was saved, without the storage key', () => {
		expect(checkExamSession({ ...saved, id: 'current' }, known)).toEqual({ session: saved });
	});

	it('names the damaged field, or the items that are gone', () => {
		expect(checkExamSession({ ...saved, mode: 'other' }, known)).toEqual({ problem: expect.stringContaining('"mode" is missing or wrong') });
		expect(checkExamSession({ ...saved, responses: { a: { kind: 'choice', selected: ['x'] } } }, known)).toEqual({ problem: expect.stringContaining('"responses"') });
		expect(checkExamSession({ ...saved, startedAt: 'yesterday' }, known)).toEqual({ problem: expect.stringContaining('"startedAt"') });
		expect(checkExamSession(null, known)).toEqual({ problem: expect.stringContaining('not a record') });
		expect(checkExamSession(saved, new Set(['a']))).toEqual({ problem: expect.stringContaining('1 of its 2 items is no longer in Prep Lab (b)') });
	});
});

describe('remainingMs', () => {
	it('counts only the time the exam was open, unless strict', () => {
		const later = t0.getTime() + 3 * 3_600_000; // the app was closed for three hours
		expect(remainingMs(saved, later)).toBe(32 * 60_000);
		expect(remainingMs(saved, later, 2 * 60_000)).toBe(30 * 60_000);
		expect(remainingMs({ ...saved, strict: true }, t0.getTime() + 10 * 60_000)).toBe(23 * 60_000);
		expect(remainingMs({ ...saved, strict: true }, later)).toBe(0);
		expect(remainingMs({ ...saved, minutes: null }, later)).toBeNull();
	});
});

describe('fromLegacySavedExam', () => {
	it('turns what the previous version kept in sessionStorage into a session, or null', () => {
		const legacy = { version: 1, mode: 'full', domain: null, seed: 42, itemIds: ['a', 'b'], responses: saved.responses, marked: ['b'], checked: [], position: 1, startedAt: t0.getTime(), minutes: 33 };
		const now = t0.getTime() + 5 * 60_000;
		expect(fromLegacySavedExam(JSON.stringify(legacy), now)).toEqual({ ...saved, usedMs: 5 * 60_000, savedAt: new Date(now) });
		expect(fromLegacySavedExam('{"version":1', now)).toBeNull();
		expect(fromLegacySavedExam(JSON.stringify({ ...legacy, mode: 'other' }), now)).toBeNull();
		expect(fromLegacySavedExam(null, now)).toBeNull();
	});
});
