import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAllAttempts, listAttemptsFor, saveInterviewAttempt } from '../../../src/lib/db/interview-store';
import { loadCardStates } from '../../../src/lib/db/review-store';
import { openPrepLabDb, type StoredInterviewAttempt } from '../../../src/lib/db/schema';
import { Rating, State, type Grade } from '../../../src/lib/study/scheduler';

const t0 = new Date('2026-11-25T09:00:00Z');
let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `interview-store-${++dbCount}`);

function attempt(questionId: string, grade: Grade, startedAt = t0): Omit<StoredInterviewAttempt, 'id'> {
	const full = grade === Rating.Easy ? 1 : 0;
	return {
		questionId,
		startedAt,
		durationMs: 95_000,
		answer: 'I would start from the business decision <b>first</b>.',
		ticked: { context: [0], architecture: [], tradeoffs: [], execution: [], risks: [] },
		partScores: { context: 1, architecture: full, tradeoffs: full, execution: full, risks: full },
		grade
	};
}

describe('interview store', () => {
	it('saves the attempt, the card state and the review log together', async () => {
		const db = await freshDb();
		const saved = await saveInterviewAttempt(db, attempt('batch-run-failure', Rating.Hard), t0);
		expect(saved.attempt.id).toBeTypeOf('number');
		const [attempts, states, logs] = await Promise.all([listAttemptsFor(db, 'batch-run-failure'), loadCardStates(db), db.getAll('reviewLogs')]);
		expect(attempts).toHaveLength(1);
		expect(attempts[0]!.answer).toContain('<b>first</b>'); // kept as typed; the page renders it as text
		expect(states.get('interview/batch-run-failure')).toMatchObject({ cardId: 'interview/batch-run-failure', due: saved.next.due });
		expect(logs).toEqual([expect.objectContaining({ cardId: 'interview/batch-run-failure', grade: Rating.Hard, stateBefore: State.New, elapsedMs: 95_000 })]);
	});

	it('writes nothing when the transaction fails', async () => {
		const db = await freshDb();
		const bad = { ...attempt('q', Rating.Good), answer: () => 'functions cannot be stored' } as unknown as Omit<StoredInterviewAttempt, 'id'>;
		await expect(saveInterviewAttempt(db, bad, t0)).rejects.toThrow();
		expect(await db.count('interviewAttempts')).toBe(0);
		expect(await db.count('cardStates')).toBe(0);
		expect(await db.count('reviewLogs')).toBe(0);
	});

	it('schedules an Easy answer later than an Again one', async () => {
		const db = await freshDb();
		const easy = await saveInterviewAttempt(db, attempt('easy-q', Rating.Easy), t0);
		const again = await saveInterviewAttempt(db, attempt('again-q', Rating.Again), t0);
		expect(easy.next.due.getTime()).toBeGreaterThan(again.next.due.getTime());
		// Interview questions are scheduled in days: Again means tomorrow, not in a few minutes.
		expect(again.next.due.getTime() - t0.getTime()).toBe(86_400_000);
		expect(easy.next.due.getTime() - t0.getTime()).toBeGreaterThan(86_400_000);
	});

	it('grades a question again from its stored state', async () => {
		const db = await freshDb();
		const first = await saveInterviewAttempt(db, attempt('q', Rating.Good), t0);
		const later = new Date(first.next.due.getTime() + 60_000);
		const second = await saveInterviewAttempt(db, attempt('q', Rating.Good, later), later);
		expect(second.log.stateBefore).toBe(first.next.fsrs.state);
		expect(second.next.fsrs.reps).toBe(2);
	});

	it('still saves when the clock has gone back since the last review', async () => {
		const db = await freshDb();
		await saveInterviewAttempt(db, attempt('q', Rating.Good), t0);
		const earlier = new Date(t0.getTime() - 3_600_000);
		await expect(saveInterviewAttempt(db, attempt('q', Rating.Good, earlier), earlier)).resolves.toBeTruthy();
		expect(await db.count('interviewAttempts')).toBe(2);
	});

	it('lists a question’s attempts and all attempts oldest first', async () => {
		const db = await freshDb();
		// Saved in a different order from their start times (e.g. restored from a backup).
		await saveInterviewAttempt(db, attempt('a', Rating.Good, new Date('2026-11-03')), t0);
		await saveInterviewAttempt(db, attempt('b', Rating.Good, new Date('2026-11-01')), t0);
		await saveInterviewAttempt(db, attempt('a', Rating.Good, new Date('2026-11-02')), t0);
		expect((await listAttemptsFor(db, 'a')).map((a) => a.startedAt.toISOString().slice(0, 10))).toEqual(['2026-11-02', '2026-11-03']);
		expect((await listAllAttempts(db)).map((a) => a.questionId)).toEqual(['b', 'a', 'a']);
		expect(await listAttemptsFor(db, 'none')).toEqual([]);
	});
});
