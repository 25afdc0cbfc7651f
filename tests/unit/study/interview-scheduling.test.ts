import { describe, expect, it } from 'vitest';
import { gradeCard, newCardState, previewIntervals, Rating, State, type CardState, type Grade } from '../../../src/lib/study/scheduler';
import {
	cardScheduling,
	checkStudySettings,
	DEFAULT_STUDY_SETTINGS,
	interviewScheduling,
	normaliseStudySettings
} from '../../../src/lib/study/study-settings';

const DAY = 86_400_000;
const t0 = new Date('2026-11-25T09:00:00Z');
const interview = interviewScheduling(DEFAULT_STUDY_SETTINGS);
const daysUntilDue = (state: CardState, from: Date) => (state.due.getTime() - from.getTime()) / DAY;
const grade = (state: CardState, g: Grade, at: Date) => gradeCard(state, g, at, 60_000, interview).next;

describe('interview scheduling', () => {
	it('brings a new question back tomorrow after Again and after several days after Good, never in minutes', () => {
		const fresh = newCardState('interview/q', t0);
		expect(daysUntilDue(grade(fresh, Rating.Again, t0), t0)).toBe(1);
		const hard = daysUntilDue(grade(fresh, Rating.Hard, t0), t0);
		const good = daysUntilDue(grade(fresh, Rating.Good, t0), t0);
		expect(hard).toBeGreaterThanOrEqual(1);
		expect(good).toBeGreaterThanOrEqual(3);
		expect(good).toBeGreaterThan(hard);
		expect(daysUntilDue(grade(fresh, Rating.Easy, t0), t0)).toBeGreaterThan(good);
		// Flashcards on the same retention still use minute-scale learning steps: the difference is the setting.
		const card = gradeCard(fresh, Rating.Again, t0, 0, cardScheduling(DEFAULT_STUDY_SETTINGS)).next;
		expect(daysUntilDue(card, t0)).toBeLessThan(1 / 24);
	});

	it('keeps whole days on a question answered before: Again at least a day, Good longer than last time', () => {
		const first = grade(newCardState('interview/q', t0), Rating.Good, t0);
		const firstDays = daysUntilDue(first, t0);
		const again = grade(first, Rating.Again, first.due);
		expect(daysUntilDue(again, first.due)).toBeGreaterThanOrEqual(1);
		expect(again.fsrs.state).not.toBe(State.Relearning); // no relearning steps in minutes
		const good = grade(first, Rating.Good, first.due);
		expect(daysUntilDue(good, first.due)).toBeGreaterThan(firstDays);
		expect(Number.isInteger(daysUntilDue(good, first.due))).toBe(true);
	});

	it('turns a question left in minute-scale learning by the old scheduling into day-scale intervals', () => {
		const legacy = gradeCard(newCardState('interview/q', t0), Rating.Hard, t0, 0, cardScheduling(DEFAULT_STUDY_SETTINGS)).next;
		expect(legacy.fsrs.state).toBe(State.Learning);
		const later = new Date(legacy.due.getTime());
		expect(daysUntilDue(grade(legacy, Rating.Again, later), later)).toBeGreaterThanOrEqual(1);
	});

	it('previews on the grade buttons exactly what grading gives', () => {
		const first = grade(newCardState('interview/q', t0), Rating.Good, t0);
		const preview = previewIntervals(first, first.due, interview);
		expect(preview[Rating.Again]).toMatch(/^\d+d$/);
		expect(preview[Rating.Good]).toBe(`${daysUntilDue(grade(first, Rating.Good, first.due), first.due)}d`);
	});

	it('follows the interview settings: lower retention and a maximum interval', () => {
		const fresh = newCardState('interview/q', t0);
		const lax = interviewScheduling({ ...DEFAULT_STUDY_SETTINGS, interviewRetention: 0.8 });
		const lowGood = daysUntilDue(gradeCard(fresh, Rating.Good, t0, 0, lax).next, t0);
		expect(lowGood).toBeGreaterThan(daysUntilDue(grade(fresh, Rating.Good, t0), t0));
		// A question answered well twice would return after 14 days; the maximum interval caps it.
		const capped = interviewScheduling({ ...DEFAULT_STUDY_SETTINGS, interviewMaximumIntervalDays: 10 });
		const first = gradeCard(fresh, Rating.Good, t0, 0, capped).next;
		expect(daysUntilDue(grade(first, Rating.Good, first.due), first.due)).toBeGreaterThan(10);
		expect(daysUntilDue(gradeCard(first, Rating.Good, first.due, 0, capped).next, first.due)).toBe(10);
	});
});

describe('interview settings validation', () => {
	it('accepts the defaults and names an invalid interview field', () => {
		expect(checkStudySettings(DEFAULT_STUDY_SETTINGS)).toBeNull();
		expect(checkStudySettings({ ...DEFAULT_STUDY_SETTINGS, interviewRetention: 0.99 })).toMatch(/Interview retention/);
		expect(checkStudySettings({ ...DEFAULT_STUDY_SETTINGS, interviewRetention: 0.5 })).toMatch(/Interview retention/);
		expect(checkStudySettings({ ...DEFAULT_STUDY_SETTINGS, interviewMaximumIntervalDays: 0 })).toMatch(/Interview maximum interval/);
		expect(checkStudySettings({ ...DEFAULT_STUDY_SETTINGS, interviewMaximumIntervalDays: 2.5 })).toMatch(/Interview maximum interval/);
	});

	it('defaults the interview fields of settings saved before they existed, and rejects a damaged record', () => {
		const old = { retention: 0.85, maximumIntervalDays: 200, newCardsPerDay: 5, examDate: null };
		expect(normaliseStudySettings(old)).toEqual({ ...old, interviewRetention: 0.9, interviewMaximumIntervalDays: 90, track: null });
		expect(normaliseStudySettings({ ...old, interviewRetention: 'high' })).toEqual(DEFAULT_STUDY_SETTINGS);
	});
});
