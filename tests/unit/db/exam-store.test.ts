import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { examAttemptRecord, listExamAttempts, listMistakes, removeMistake, saveExamAttempt } from '../../../src/lib/db/exam-store';
import { openPrepLabDb, type StoredMistake } from '../../../src/lib/db/schema';
import type { ExamItem } from '../../../src/lib/content/schema';
import { scoreExam } from '../../../src/lib/study/exam-engine';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `exam-store-${++dbCount}`);
const t0 = new Date('2026-11-25T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const single = (id: string, domain: string): ExamItem => ({
	id,
	type: 'single',
	domain,
	note: 'n',
	source: 'https://x',
	skill: 'Task',
	stem: id,
	options: [
		{ text: 'a', correct: true, why: 'w' },
		{ text: 'b', correct: false, why: 'w' }
	],
	statements: [],
	items: [],
	explanation: 'e',
	file: 'f'
});

const mistake = (itemId: string, addedAt: Date): StoredMistake => ({ itemId, domain: 'a', note: 'n', front: `front ${itemId}`, back: 'back', addedAt });

describe('exam store', () => {
	it('saves an attempt with its mistakes and lists attempts newest first', async () => {
		const db = await freshDb();
		const items = [single('a1', 'a'), single('b1', 'b')];
		const score = scoreExam(items, { a1: { kind: 'choice', selected: [0] }, b1: { kind: 'choice', selected: [1] } });
		const attempt = examAttemptRecord(score, { mode: 'full', domain: null, startedAt: at(0), finishedAt: at(30) });
		expect(attempt).toMatchObject({ itemIds: ['a1', 'b1'], correct: { a1: true, b1: false }, score: 500, byDomain: { a: { correct: 1, total: 1 }, b: { correct: 0, total: 1 } } });
		expect(attempt).not.toHaveProperty('domain');

		const id = await saveExamAttempt(db, attempt, [mistake('b1', at(30))]);
		await saveExamAttempt(db, { ...attempt, mode: 'domain', domain: 'a', startedAt: at(60), finishedAt: at(70) }, []);
		const attempts = await listExamAttempts(db);
		expect(attempts.map((a) => a.mode)).toEqual(['domain', 'full']);
		expect(attempts[1]!.id).toBe(id);
		expect(attempts[1]!.startedAt).toEqual(at(0));
		expect((await listMistakes(db)).map((m) => m.itemId)).toEqual(['b1']);
	});

	it('writes nothing when one mistake cannot be stored (one transaction)', async () => {
		const db = await freshDb();
		const attempt = examAttemptRecord(scoreExam([single('a1', 'a')], {}), { mode: 'full', domain: null, startedAt: at(0), finishedAt: at(1) });
		const broken = { domain: 'a', note: 'n', front: 'f', back: 'b', addedAt: at(1) } as unknown as StoredMistake; // no itemId key
		await expect(saveExamAttempt(db, attempt, [mistake('a1', at(1)), broken])).rejects.toThrow();
		expect(await listExamAttempts(db)).toEqual([]);
		expect(await listMistakes(db)).toEqual([]);
	});

	it('keeps one card per item (a repeated mistake is refreshed) and removes by item id', async () => {
		const db = await freshDb();
		const attempt = examAttemptRecord(scoreExam([single('a1', 'a')], {}), { mode: 'full', domain: null, startedAt: at(0), finishedAt: at(1) });
		await saveExamAttempt(db, attempt, [mistake('x', at(1)), mistake('y', at(2))]);
		await saveExamAttempt(db, attempt, [mistake('x', at(5))]);
		const deck = await listMistakes(db);
		expect(deck.map((m) => [m.itemId, m.addedAt])).toEqual([
			['x', at(5)],
			['y', at(2)]
		]);
		await removeMistake(db, 'x');
		expect((await listMistakes(db)).map((m) => m.itemId)).toEqual(['y']);
	});
});
