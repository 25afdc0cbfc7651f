// The practice exam's workflows against a real (fake-indexeddb) database: saving the exam in
// progress, resuming it, finishing or stopping it (attempt, mistakes and the session's removal in
// one transaction), abandoning it, and reading attempts back for the history and the review.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { abandonExam } from '../../../src/lib/app/abandon-exam';
import { loadExamHistory } from '../../../src/lib/app/exam-history';
import { finishExam } from '../../../src/lib/app/finish-exam';
import { findUnfinishedExam } from '../../../src/lib/app/resume-exam';
import { openAttemptReview } from '../../../src/lib/app/review-attempt';
import { saveExamProgress } from '../../../src/lib/app/save-exam-progress';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import type { ExamSession } from '../../../src/lib/study/exam-session';
import { caseStudy, right, single, wrong } from './exam-items';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `exam-workflows-${++dbCount}`);
const t0 = new Date('2026-11-25T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const items = [single('a1', 'a'), single('a2', 'a'), single('b1', 'b'), caseStudy('c1', 'b', ['c1-1', 'c1-2'])];

function session(over: Partial<ExamSession> = {}): Omit<ExamSession, 'savedAt'> {
	return {
		mode: 'full',
		domain: null,
		seed: 7,
		itemIds: items.map((i) => i.id),
		responses: {},
		marked: [],
		checked: [],
		position: 0,
		startedAt: t0,
		minutes: 10,
		strict: false,
		usedMs: 0,
		...over
	};
}

describe('the exam in progress', () => {
	it('is saved after an answer and offered to resume with how far it got and the time left', async () => {
		const db = await freshDb();
		expect(await findUnfinishedExam(db, items, at(1))).toEqual({ kind: 'none' });
		await saveExamProgress(db, session({ responses: { a1: right, 'c1-1': wrong }, position: 3, usedMs: 4 * 60_000 }), at(5));
		// Hours later (the app was closed): the clock only counted the 4 minutes the exam was open.
		const found = await findUnfinishedExam(db, items, at(300));
		expect(found.kind).toBe('resumable');
		if (found.kind !== 'resumable') return;
		expect(found.summary).toEqual({ mode: 'full', domain: null, answered: 2, total: 5, remainingMs: 6 * 60_000, strict: false });
		expect(found.session.responses).toEqual({ a1: right, 'c1-1': wrong });
		expect(found.session.position).toBe(3);
		expect(found.session.savedAt).toEqual(at(5));
	});

	it('in strict mode counts the time the app was closed', async () => {
		const db = await freshDb();
		await saveExamProgress(db, session({ strict: true, usedMs: 60_000 }), at(1));
		const found = await findUnfinishedExam(db, items, at(8));
		expect(found.kind === 'resumable' && found.summary.remainingMs).toBe(2 * 60_000);
	});

	it('names items removed by an update instead of resuming half an exam, and can be abandoned', async () => {
		const db = await freshDb();
		await saveExamProgress(db, session({ responses: { a1: right } }), at(1));
		const found = await findUnfinishedExam(db, items.filter((i) => i.id !== 'b1'), at(2));
		expect(found).toEqual({ kind: 'broken', problem: expect.stringContaining('1 of its 4 items is no longer in Prep Lab (b1)') });
		await abandonExam(db);
		expect(await findUnfinishedExam(db, items, at(3))).toEqual({ kind: 'none' });
	});

	it('rejects a damaged record with a message naming the field', async () => {
		const db = await freshDb();
		await db.put('examSessions', { ...session(), savedAt: at(1), id: 'current', usedMs: -5 });
		expect(await findUnfinishedExam(db, items, at(2))).toEqual({ kind: 'broken', problem: expect.stringContaining('"usedMs"') });
	});

	it('moves an exam the previous version left in sessionStorage into IndexedDB', async () => {
		const db = await freshDb();
		const legacy = JSON.stringify({ version: 1, mode: 'domain', domain: 'a', seed: 3, itemIds: ['a1', 'a2'], responses: { a1: right }, marked: [], checked: ['a1'], position: 1, startedAt: t0.getTime(), minutes: null });
		const found = await findUnfinishedExam(db, items, at(2), legacy);
		expect(found.kind === 'resumable' && found.summary).toMatchObject({ mode: 'domain', domain: 'a', answered: 1, total: 2, remainingMs: null });
		expect(await db.get('examSessions', 'current')).toMatchObject({ itemIds: ['a1', 'a2'], checked: ['a1'], strict: false });
		// Once moved, the IndexedDB session wins over anything still in sessionStorage.
		expect((await findUnfinishedExam(db, items, at(3), null)).kind).toBe('resumable');
	});
});

describe('finishing an exam', () => {
	it('submitted: unanswered count as wrong in the score but only wrong answers join the mistakes deck, and the session is gone', async () => {
		const db = await freshDb();
		const s = { ...session({ responses: { a1: right, a2: wrong, 'c1-1': wrong } }), savedAt: at(3) };
		await saveExamProgress(db, s, at(3));
		const done = await finishExam(db, s, items, 'submitted', at(4));
		expect(done.score).toMatchObject({ correct: 1, total: 5, scaled: 200 });
		expect(done.mistakesAdded).toBe(2);
		expect(done.unanswered).toEqual(['b1', 'c1-2']);
		const history = await loadExamHistory(db);
		expect(history.mistakes.map((m) => m.itemId).sort()).toEqual(['a2', 'c1-1']);
		expect(history.attempts[0]).toMatchObject({ id: done.id, status: 'finished', score: 200, unanswered: ['b1', 'c1-2'], seed: 7, examItemIds: ['a1', 'a2', 'b1', 'c1'], responses: s.responses });
		expect(await findUnfinishedExam(db, items, at(5))).toEqual({ kind: 'none' });
	});

	it('stopped: scores only what was answered, per domain, and records a partial attempt', async () => {
		const db = await freshDb();
		const s = { ...session({ responses: { a1: right, a2: wrong, 'c1-2': right } }), savedAt: at(2) };
		await saveExamProgress(db, s, at(2));
		const done = await finishExam(db, s, items, 'stopped', at(3));
		expect(done.partial).toBe(true);
		expect(done.score).toMatchObject({ correct: 2, total: 3, scaled: 667, byDomain: { a: { correct: 1, total: 2 }, b: { correct: 1, total: 1 } } });
		// The review still has every question.
		expect(done.score.results).toHaveLength(4);
		expect(done.mistakesAdded).toBe(1);
		const { attempts, mistakes } = await loadExamHistory(db);
		expect(mistakes.map((m) => m.itemId)).toEqual(['a2']);
		expect(attempts[0]).toMatchObject({ status: 'partial', score: 667, unanswered: ['b1', 'c1-1'], byDomain: { a: { correct: 1, total: 2 }, b: { correct: 1, total: 1 } } });
		expect(await findUnfinishedExam(db, items, at(4))).toEqual({ kind: 'none' });
	});

	it('writes nothing, and keeps the session, when the attempt cannot be stored (one transaction)', async () => {
		const db = await freshDb();
		const s = { ...session({ responses: { a1: wrong } }), savedAt: at(1) };
		await saveExamProgress(db, s, at(1));
		// A mistake card IndexedDB cannot store (a function is not cloneable), refused after the attempt was queued.
		const broken = [{ ...items[0]!, mistake: { front: (() => 'x') as unknown as string, back: 'b' } }, ...items.slice(1)];
		await expect(finishExam(db, s, broken, 'stopped', at(2))).rejects.toThrow();
		const history = await loadExamHistory(db);
		expect(history.attempts).toEqual([]);
		expect(history.mistakes).toEqual([]);
		expect((await findUnfinishedExam(db, items, at(3))).kind).toBe('resumable');
	});
});

describe('past attempts', () => {
	it('open for review by id; a missing or damaged one is named, and the history skips damaged ones', async () => {
		const db = await freshDb();
		const s = { ...session({ responses: { a1: right } }), savedAt: at(1) };
		const { id } = await finishExam(db, s, items, 'submitted', at(2));
		const review = await openAttemptReview(db, id);
		expect('attempt' in review && review.attempt).toMatchObject({ id, responses: { a1: right }, seed: 7 });
		expect(await openAttemptReview(db, 99)).toEqual({ problem: expect.stringContaining('attempt 99 is not on this device') });
		expect(await openAttemptReview(db, Number.NaN)).toEqual({ problem: expect.stringContaining('does not name') });

		const bad = await db.add('examAttempts', { mode: 'full', startedAt: at(3), finishedAt: at(3), itemIds: ['a1'], correct: { a1: 'yes' }, score: 0, byDomain: {} } as never);
		expect(await openAttemptReview(db, bad)).toEqual({ problem: `This attempt cannot be shown: practice exam ${bad} ("correct" is missing or has the wrong type).` });
		const history = await loadExamHistory(db);
		expect(history.attempts.map((a) => a.id)).toEqual([id]);
		expect(history.skipped).toEqual([`practice exam ${bad} ("correct" is missing or has the wrong type)`]);
	});
});
