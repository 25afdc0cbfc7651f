// The learner's study settings. Plain data with defaults and a validator, stored by the db layer.
import { DEFAULT_TRACK, isTrack, type Track } from '../content/tracks';
import type { SchedulerSettings } from './scheduler';

export interface StudySettings {
	/** FSRS desired retention: the chance of recalling a card when it comes due. */
	retention: number;
	maximumIntervalDays: number;
	newCardsPerDay: number;
	/** ISO date (YYYY-MM-DD) of the exam, or null. */
	examDate: string | null;
	/** Desired retention for mock-interview questions, scheduled in whole days. */
	interviewRetention: number;
	interviewMaximumIntervalDays: number;
	/** The exam the learner prepares for; null until chosen (the home page then offers the choice). */
	track: Track | null;
}

export const DEFAULT_STUDY_SETTINGS: StudySettings = {
	retention: 0.9,
	maximumIntervalDays: 365,
	newCardsPerDay: 20,
	examDate: null,
	interviewRetention: 0.9,
	interviewMaximumIntervalDays: 90,
	track: null
};

/** Interview retention above this gives a well-answered question (Good) only a day, a loop again. */
export const INTERVIEW_RETENTION_RANGE = { min: 0.7, max: 0.95 } as const;

const wholeDays = (n: number) => Number.isInteger(n) && n >= 1 && n <= 36500;

/** Returns a message naming the first invalid field, or null. */
export function checkStudySettings(s: StudySettings): string | null {
	if (!(s.retention >= 0.7 && s.retention <= 0.99)) return 'Desired retention must be between 0.70 and 0.99.';
	if (!wholeDays(s.maximumIntervalDays)) return 'Maximum interval must be a whole number of days from 1 to 36,500.';
	if (!Number.isInteger(s.newCardsPerDay) || s.newCardsPerDay < 0 || s.newCardsPerDay > 9999) return 'New cards per day must be a whole number from 0 to 9,999.';
	if (s.examDate !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(s.examDate) || Number.isNaN(Date.parse(s.examDate)))) return 'The exam date must be a date like 2027-03-15.';
	if (!(s.interviewRetention >= INTERVIEW_RETENTION_RANGE.min && s.interviewRetention <= INTERVIEW_RETENTION_RANGE.max))
		return 'Interview retention must be between 0.70 and 0.95.';
	if (!wholeDays(s.interviewMaximumIntervalDays)) return 'Interview maximum interval must be a whole number of days from 1 to 36,500.';
	if (s.track !== null && !isTrack(s.track)) return 'The exam must be AI-300 or DP-100.';
	return null;
}

/** Settings read back from storage or a backup: unknown fields dropped, missing ones defaulted. */
export function normaliseStudySettings(value: unknown): StudySettings {
	const v = (value && typeof value === 'object' ? value : {}) as Partial<StudySettings>;
	const merged = { ...DEFAULT_STUDY_SETTINGS };
	for (const key of Object.keys(DEFAULT_STUDY_SETTINGS) as (keyof StudySettings)[]) {
		if (v[key] !== undefined) (merged as Record<string, unknown>)[key] = v[key];
	}
	return checkStudySettings(merged) ? { ...DEFAULT_STUDY_SETTINGS } : merged;
}

/** The exam the learner prepares for: the chosen one, else AI-300 (DP-100 retired on 1 June 2026). */
export const chosenTrack = (s: Pick<StudySettings, 'track'>): Track => s.track ?? DEFAULT_TRACK;

/** How flashcards are scheduled: minute-scale learning steps, then days. */
export function cardScheduling(s: StudySettings): SchedulerSettings {
	return { retention: s.retention, maximumIntervalDays: s.maximumIntervalDays };
}

/** How interview questions are scheduled: whole days from the first attempt (Again → tomorrow). */
export function interviewScheduling(s: StudySettings): SchedulerSettings {
	return { retention: s.interviewRetention, maximumIntervalDays: s.interviewMaximumIntervalDays, learningSteps: false };
}
