import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { flagReviewCard } from '../../../src/lib/app/flag-card';
import { gradeReviewCard } from '../../../src/lib/app/grade-card';
import { openCramDeck, openReviewQueue } from '../../../src/lib/app/review-queue';
import { undoReview } from '../../../src/lib/app/undo-review';
import { allReviewLogs, loadCardStates, saveCardState } from '../../../src/lib/db/review-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { saveStudySettings } from '../../../src/lib/db/settings-store';
import { seededRandom } from '../../../src/lib/ml/random';
import { gradeCard, LEECH_LAPSES, newCardState, Rating, State } from '../../../src/lib/study/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/study/study-settings';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `review-workflows-${++dbCount}`);
const t0 = new Date('2026-11-25T09:00:00Z');
const cardIds = ['a', 'b', 'c'];
const settings = DEFAULT_STUDY_SETTINGS;

describe('opening the review queue', () => {
	it('uses the learner’s own new-card limit and says which settings it used', async () => {
		const db = await freshDb();
		await saveStudySettings(db, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 2 });
		const queue = await openReviewQueue(db, cardIds, t0);
		expect(queue.settings.newCardsPerDay).toBe(2);
		expect(queue.counts).toEqual({ new: 2, learning: 0, review: 0 });
		expect(queue.cardIds).toEqual(['a', 'b']);
		// Settings the session already holds are used as given.
		expect((await openReviewQueue(db, cardIds, t0, settings)).cardIds).toEqual(cardIds);
	});

	it('cram takes every picked card, due or not, in an order set by the random source', async () => {
		const db = await freshDb();
		await saveCardState(db, { ...newCardState('a', t0), due: new Date('2027-01-01T00:00:00Z') });
		const first = await openCramDeck(db, cardIds, seededRandom(7));
		expect([...first.cardIds].sort()).toEqual(cardIds);
		expect((await openCramDeck(db, cardIds, seededRandom(7))).cardIds).toEqual(first.cardIds);
		expect(first.settings).toEqual(DEFAULT_STUDY_SETTINGS);
	});
});

describe('grading a card', () => {
	it('writes the new state with its review-log entry and moves on to the next card', async () => {
		const db = await freshDb();
		const graded = await gradeReviewCard(db, { cardId: 'a', stored: undefined, grade: Rating.Good, shownForMs: 4000 }, cardIds, settings, t0);
		const stored = (await loadCardStates(db)).get('a')!;
		expect(stored.fsrs.state).toBe(State.Learning);
		const logs = await allReviewLogs(db);
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ cardId: 'a', grade: Rating.Good, elapsedMs: 4000, reviewedAt: t0 });
		expect(graded.undo).toEqual({ cardId: 'a', previous: undefined, logId: expect.any(Number) });
		expect(graded.becameLeech).toBe(false);
		// "a" is still learning (due in minutes, within the learn-ahead limit) and comes after the new cards' turn.
		expect(graded.queue.counts).toEqual({ new: 2, learning: 1, review: 0 });
		expect(graded.queue.states.get('a')).toEqual(stored);
	});

	it('says when the grade made the card a leech, and only then', async () => {
		const db = await freshDb();
		const lapsed = { ...newCardState('a', t0), fsrs: { ...newCardState('a', t0).fsrs, state: State.Review, lapses: LEECH_LAPSES - 1, stability: 5, difficulty: 5, last_review: new Date(t0.getTime() - 10 * 86_400_000) } };
		const first = await gradeReviewCard(db, { cardId: 'a', stored: lapsed, grade: Rating.Again, shownForMs: 1000 }, cardIds, settings, t0);
		expect(first.becameLeech).toBe(true);
		const stored = (await loadCardStates(db)).get('a')!;
		expect(stored.leech).toBe(true);
		const again = await gradeReviewCard(db, { cardId: 'a', stored, grade: Rating.Again, shownForMs: 1000 }, cardIds, settings, new Date(t0.getTime() + 60_000));
		expect(again.becameLeech).toBe(false);
	});

	it('undo puts back the previous state, removes the log entry and shows the card first', async () => {
		const db = await freshDb();
		const { next } = gradeCard(newCardState('b', t0), Rating.Easy, t0, 1000);
		await saveCardState(db, next);
		const later = new Date(t0.getTime() + 30 * 86_400_000);
		const graded = await gradeReviewCard(db, { cardId: 'b', stored: next, grade: Rating.Again, shownForMs: 2000 }, cardIds, settings, later);
		expect(await allReviewLogs(db)).toHaveLength(1);

		const queue = await undoReview(db, graded.undo, cardIds, settings, later);
		expect((await loadCardStates(db)).get('b')).toEqual(next);
		expect(await allReviewLogs(db)).toEqual([]);
		expect(queue.cardIds[0]).toBe('b');

		// Undoing the grade of a new card leaves it new again (no state at all).
		const fresh = await gradeReviewCard(db, { cardId: 'c', stored: undefined, grade: Rating.Good, shownForMs: 1000 }, cardIds, settings, later);
		await undoReview(db, fresh.undo, cardIds, settings, later);
		expect((await loadCardStates(db)).has('c')).toBe(false);
	});
});

describe('suspending and burying from the review screen', () => {
	it('bury hides the card until the start of tomorrow; undo brings it back as it was', async () => {
		const db = await freshDb();
		const buried = await flagReviewCard(db, 'bury', { cardId: 'a', stored: undefined }, cardIds, settings, t0);
		expect(buried.queue.cardIds).toEqual(['b', 'c']);
		const stored = (await loadCardStates(db)).get('a')!;
		expect(stored.buriedUntil!.getTime()).toBeGreaterThan(t0.getTime());
		expect(stored.buriedUntil!.getTime()).toBeLessThanOrEqual(t0.getTime() + 86_400_000);
		expect((await openReviewQueue(db, cardIds, new Date(t0.getTime() + 86_400_000), settings)).cardIds).toContain('a');

		const queue = await undoReview(db, buried.undo, cardIds, settings, t0);
		expect(queue.cardIds).toEqual(['a', 'b', 'c']);
		expect((await loadCardStates(db)).has('a')).toBe(false);
	});

	it('suspend keeps the card out of the queue on any later day, without writing a review', async () => {
		const db = await freshDb();
		const suspended = await flagReviewCard(db, 'suspend', { cardId: 'c', stored: undefined }, cardIds, settings, t0);
		expect(suspended.undo).toEqual({ cardId: 'c', previous: undefined });
		expect((await openReviewQueue(db, cardIds, new Date(t0.getTime() + 90 * 86_400_000), settings)).cardIds).toEqual(['a', 'b']);
		expect(await allReviewLogs(db)).toEqual([]);
	});
});
