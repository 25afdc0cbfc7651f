import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadChosenDecks, saveChosenDecks, type PreferenceStorage } from '../../../src/lib/app/deck-preferences';
import { loadInterviewOverview } from '../../../src/lib/app/interview-overview';
import { loadMistakeDeck } from '../../../src/lib/app/mistake-deck';
import { recordInterviewAttempt } from '../../../src/lib/app/record-interview-attempt';
import { saveExamAttempt } from '../../../src/lib/db/exam-store';
import { openPrepLabDb, type StoredExamAttempt } from '../../../src/lib/db/schema';
import { interviewCardId } from '../../../src/lib/study/interview-plan';
import { Rating } from '../../../src/lib/study/scheduler';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `cards-page-data-${++dbCount}`);
const t0 = new Date('2026-11-25T09:00:00Z');

class MemoryStorage implements PreferenceStorage {
	items = new Map<string, string>();
	getItem = (key: string) => this.items.get(key) ?? null;
	setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe('deck preferences', () => {
	it('remembers the decks turned off, so a deck that appears later starts switched on', () => {
		const storage = new MemoryStorage();
		expect(loadChosenDecks(() => storage, ['dp100', 'cater'])).toEqual(['dp100', 'cater']);
		saveChosenDecks(() => storage, ['dp100', 'cater'], ['dp100']);
		expect(loadChosenDecks(() => storage, ['dp100', 'cater', 'mistakes'])).toEqual(['dp100', 'mistakes']);
	});

	it('a damaged or blocked preference means every deck, and failing to save breaks nothing', () => {
		const storage = new MemoryStorage();
		storage.items.set('prep-lab:review-decks-off', '{not json');
		expect(loadChosenDecks(() => storage, ['a', 'b'])).toEqual(['a', 'b']);
		storage.items.set('prep-lab:review-decks-off', '"a"');
		expect(loadChosenDecks(() => storage, ['a', 'b'])).toEqual(['a', 'b']);
		const blocked = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		expect(loadChosenDecks(blocked, ['a'])).toEqual(['a']);
		expect(() => saveChosenDecks(blocked, ['a'], [])).not.toThrow();
	});
});

describe('the mistakes deck', () => {
	it('holds each wrong practice item as a plain-text card tagged with its domain', async () => {
		const db = await freshDb();
		expect((await loadMistakeDeck(db)).cards).toEqual([]);
		const attempt = { mode: 'full', domain: null, startedAt: t0, finishedAt: t0, correct: 0, total: 1, status: 'finished' } as unknown as StoredExamAttempt;
		await saveExamAttempt(db, attempt, [{ itemId: 'q1', domain: 'deploy', note: 'endpoints', front: '<b>Which?</b>', back: 'B, because…', addedAt: t0 }]);
		expect(await loadMistakeDeck(db)).toEqual({
			id: 'mistakes',
			title: 'Mistakes from practice exams',
			cards: [{ id: 'mistakes/q1', front: '<b>Which?</b>', back: 'B, because…', note: 'endpoints', tags: ['deploy'], plain: true }]
		});
	});
});

describe('the interview overview', () => {
	it('reads every question’s schedule and every past attempt', async () => {
		const db = await freshDb();
		expect(await loadInterviewOverview(db)).toEqual({ states: new Map(), attempts: [] });
		const ticked = { context: [0], architecture: [], tradeoffs: [], execution: [], risks: [] };
		const partScores = { context: 1, architecture: 0.5, tradeoffs: 0.5, execution: 0.5, risks: 0.5 };
		await recordInterviewAttempt(db, { questionId: 'q-batch', startedAt: t0, durationMs: 60_000, answer: 'Nightly batch.', ticked, partScores, grade: Rating.Good }, t0);
		const overview = await loadInterviewOverview(db);
		expect(overview.attempts.map((a) => a.questionId)).toEqual(['q-batch']);
		expect([...overview.states.keys()]).toEqual([interviewCardId('q-batch')]);
	});
});
