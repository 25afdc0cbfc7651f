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
const queueOf = async (db: Awaited<ReturnType<typeof freshDb>>, now: Date) => (await openReviewQueue(db, cardIds, now, settings)).queue;

describe('opening the review queue', () => {
	it('uses the learner’s own new-card limit and says which settings it used', async () => {
		const db = await freshDb();
		await saveStudySettings(db, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 2 });
		const { queue, settings: used } = await openReviewQueue(db, cardIds, t0);
		expect(used.newCardsPerDay).toBe(2);
		expect(queue.counts(t0)).toEqual({ new: 2, learning: 0, review: 0 });
		expect(queue.cardIds(t0)).toEqual(['a', 'b']);
		// Settings the session already holds are used as given.
		expect((await queueOf(db, t0)).cardIds(t0)).toEqual(cardIds);
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
		const queue = await queueOf(db, t0);
		const graded = gradeReviewCard(db, queue, { cardId: 'a', grade: Rating.Good, shownForMs: 4000 }, settings, t0);
		// The queue has moved on before the write settles.
		expect(queue.first(t0)).toBe('b');
		const undo = await graded.saved;
		const stored = (await loadCardStates(db)).get('a')!;
		expect(stored.fsrs.state).toBe(State.Learning);
		const logs = await allReviewLogs(db);
		expect(logs).toHaveLength(1);
		expect(logs[0]).toMatchObject({ cardId: 'a', grade: Rating.Good, elapsedMs: 4000, reviewedAt: t0 });
		expect(undo).toEqual({ cardId: 'a', previous: undefined, logId: expect.any(Number) });
		expect(graded.becameLeech).toBe(false);
		// "a" is still learning (due in minutes, within the learn-ahead limit) and comes after the new cards' turn.
		expect(queue.counts(t0)).toEqual({ new: 2, learning: 1, review: 0 });
		expect(queue.cardIds(t0)).toEqual(['b', 'c', 'a']);
		expect(queue.state('a')).toEqual(stored);
		// The queue kept in memory is the one storage gives when read again.
		expect((await queueOf(db, t0)).cardIds(t0)).toEqual(queue.cardIds(t0));
	});

	it('says when the grade made the card a leech, and only then', async () => {
		const db = await freshDb();
		const lapsed = { ...newCardState('a', t0), fsrs: { ...newCardState('a', t0).fsrs, state: State.Review, lapses: LEECH_LAPSES - 1, stability: 5, difficulty: 5, last_review: new Date(t0.getTime() - 10 * 86_400_000) } };
		await saveCardState(db, lapsed);
		const queue = await queueOf(db, t0);
		const first = gradeReviewCard(db, queue, { cardId: 'a', grade: Rating.Again, shownForMs: 1000 }, settings, t0);
		expect(first.becameLeech).toBe(true);
		await first.saved;
		const stored = (await loadCardStates(db)).get('a')!;
		expect(stored.leech).toBe(true);
		const again = gradeReviewCard(db, queue, { cardId: 'a', grade: Rating.Again, shownForMs: 1000 }, settings, new Date(t0.getTime() + 60_000));
		expect(again.becameLeech).toBe(false);
		await again.saved;
	});

	it('undo puts back the previous state, removes the log entry and shows the card first', async () => {
		const db = await freshDb();
		const { next } = gradeCard(newCardState('b', t0), Rating.Easy, t0, 1000);
		await saveCardState(db, next);
		const later = new Date(t0.getTime() + 30 * 86_400_000);
		const queue = await queueOf(db, later);
		const undo = await gradeReviewCard(db, queue, { cardId: 'b', grade: Rating.Again, shownForMs: 2000 }, settings, later).saved;
		expect(await allReviewLogs(db)).toHaveLength(1);

		await undoReview(db, undo, queue, later);
		expect((await loadCardStates(db)).get('b')).toEqual(next);
		expect(await allReviewLogs(db)).toEqual([]);
		expect(queue.first(later)).toBe('b');
		expect(queue.state('b')).toEqual(next);

		// Undoing the grade of a new card leaves it new again (no state at all).
		const fresh = await gradeReviewCard(db, queue, { cardId: 'c', grade: Rating.Good, shownForMs: 1000 }, settings, later).saved;
		await undoReview(db, fresh, queue, later);
		expect((await loadCardStates(db)).has('c')).toBe(false);
		expect(queue.first(later)).toBe('c');
		expect(queue.counts(later).new).toBe(2);
	});

	it('a write that fails puts the card back first in the queue, as it was, and says why', async () => {
		const db = await freshDb();
		const queue = await queueOf(db, t0);
		db.close(); // every transaction from now on fails
		const graded = gradeReviewCard(db, queue, { cardId: 'a', grade: Rating.Good, shownForMs: 1000 }, settings, t0);
		expect(queue.first(t0)).toBe('b');
		await expect(graded.saved).rejects.toThrow();
		expect(queue.first(t0)).toBe('a');
		expect(queue.state('a')).toBeUndefined();
		expect(queue.counts(t0)).toEqual({ new: 3, learning: 0, review: 0 });
		const reopened = await openPrepLabDb({}, `review-workflows-${dbCount}`);
		expect(await allReviewLogs(reopened)).toEqual([]);
		expect((await loadCardStates(reopened)).size).toBe(0);
	});
});

describe('suspending and burying from the review screen', () => {
	it('bury hides the card until the start of tomorrow; undo brings it back as it was', async () => {
		const db = await freshDb();
		const queue = await queueOf(db, t0);
		const buried = await flagReviewCard(db, 'bury', 'a', queue, t0);
		expect(queue.cardIds(t0)).toEqual(['b', 'c']);
		const stored = (await loadCardStates(db)).get('a')!;
		expect(stored.buriedUntil!.getTime()).toBeGreaterThan(t0.getTime());
		expect(stored.buriedUntil!.getTime()).toBeLessThanOrEqual(t0.getTime() + 86_400_000);
		const tomorrow = new Date(t0.getTime() + 86_400_000);
		expect((await queueOf(db, tomorrow)).cardIds(tomorrow)).toContain('a');

		await undoReview(db, buried, queue, t0);
		expect(queue.cardIds(t0)).toEqual(['a', 'b', 'c']);
		expect((await loadCardStates(db)).has('a')).toBe(false);
	});

	it('suspend keeps the card out of the queue on any later day, without writing a review', async () => {
		const db = await freshDb();
		const suspended = await flagReviewCard(db, 'suspend', 'c', await queueOf(db, t0), t0);
		expect(suspended).toEqual({ cardId: 'c', previous: undefined });
		const later = new Date(t0.getTime() + 90 * 86_400_000);
		expect((await queueOf(db, later)).cardIds(later)).toEqual(['a', 'b']);
		expect(await allReviewLogs(db)).toEqual([]);
	});
});
