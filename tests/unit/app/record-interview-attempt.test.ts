import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openInterviewQuestion } from '../../../src/lib/app/open-interview-question';
import { recordInterviewAttempt } from '../../../src/lib/app/record-interview-attempt';
import { openPrepLabDb, type StoredInterviewAttempt } from '../../../src/lib/db/schema';
import { saveStudySettings } from '../../../src/lib/db/settings-store';
import { Rating, type Grade } from '../../../src/lib/study/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/study/study-settings';

const DAY = 86_400_000;
const t0 = new Date('2026-11-25T09:00:00Z');
let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `record-interview-${++dbCount}`);

function attempt(questionId: string, grade: Grade): Omit<StoredInterviewAttempt, 'id'> {
	return {
		questionId,
		startedAt: t0,
		durationMs: 95_000,
		answer: 'Batch scoring nightly.',
		ticked: { context: [0], architecture: [], tradeoffs: [], execution: [], risks: [] },
		partScores: { context: 1, architecture: 0.9, tradeoffs: 0.9, execution: 0.9, risks: 0.9 },
		grade
	};
}

describe('recording an interview attempt', () => {
	it('schedules a Hard answer days ahead, not minutes, and says so as the learner reads it', async () => {
		const db = await freshDb();
		const saved = await recordInterviewAttempt(db, attempt('batch-run-failure', Rating.Hard), t0);
		expect(saved.next.due.getTime() - t0.getTime()).toBeGreaterThanOrEqual(DAY);
		expect(saved.comesBackIn).toMatch(/^\d+d$/);
		const stored = await db.get('cardStates', 'interview/batch-run-failure');
		expect(stored?.due).toEqual(saved.next.due);
		expect(await db.count('reviewLogs')).toBe(1);
	});

	it('uses the interview settings saved by the learner, and previews what saving would give', async () => {
		const db = await freshDb();
		const before = await openInterviewQuestion(db, 'q', t0);
		await saveStudySettings(db, { ...DEFAULT_STUDY_SETTINGS, interviewRetention: 0.75 });
		const preview = await openInterviewQuestion(db, 'q', t0);
		expect(Number.parseInt(preview.intervals[Rating.Good])).toBeGreaterThan(Number.parseInt(before.intervals[Rating.Good]));
		const saved = await recordInterviewAttempt(db, attempt('q', Rating.Good), t0);
		expect(saved.comesBackIn).toBe(preview.intervals[Rating.Good]);
		const reopened = await openInterviewQuestion(db, 'q', t0);
		expect(reopened.history).toHaveLength(1);
		expect(reopened.intervals[Rating.Again]).toMatch(/^\d+d$/);
	});
});
