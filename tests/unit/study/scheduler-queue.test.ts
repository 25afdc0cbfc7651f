import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadCardStates, loadReviewQueue, restoreCardState, reviewsSince, saveReview } from '../../../src/lib/db/review-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { buildReviewQueue } from '../../../src/lib/study/review-queue';
import { formatInterval, gradeCard, newCardState, previewIntervals, Rating, State, type CardState } from '../../../src/lib/study/scheduler';

const t0 = new Date('2026-11-25T09:00:00Z');
const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);

describe('gradeCard', () => {
	it('moves a new card into learning on Good and schedules Again sooner than Easy', () => {
		const card = newCardState('dp100/a', t0);
		const good = gradeCard(card, Rating.Good, t0, 4000);
		const again = gradeCard(card, Rating.Again, t0, 4000);
		const easy = gradeCard(card, Rating.Easy, t0, 4000);
		expect(good.next.fsrs.state).toBe(State.Learning);
		expect(again.next.due.getTime()).toBeLessThan(good.next.due.getTime());
		expect(easy.next.due.getTime()).toBeGreaterThan(good.next.due.getTime());
		expect(easy.next.fsrs.state).toBe(State.Review);
		expect(good.log).toMatchObject({ cardId: 'dp100/a', grade: Rating.Good, elapsedMs: 4000, stateBefore: State.New });
	});

	it('previews intervals that match what grading gives', () => {
		const card = newCardState('x', t0);
		const preview = previewIntervals(card, t0);
		const easy = gradeCard(card, Rating.Easy, t0, 0).next;
		expect(preview[Rating.Easy]).toBe(formatInterval(easy.due.getTime() - t0.getTime()));
		expect(preview[Rating.Again]).toMatch(/m$/);
	});

	it('gives shorter intervals at a higher desired retention', () => {
		// Higher retention means reviewing before memory fades further: shorter intervals.
		let card = newCardState('x', t0);
		card = gradeCard(card, Rating.Easy, t0, 0).next;
		const later = card.due;
		const lax = gradeCard(card, Rating.Good, later, 0, { retention: 0.8, maximumIntervalDays: 36500 }).next;
		const strict = gradeCard(card, Rating.Good, later, 0, { retention: 0.97, maximumIntervalDays: 36500 }).next;
		expect(strict.due.getTime()).toBeLessThan(lax.due.getTime());
	});
});

describe('formatInterval', () => {
	it('uses the largest sensible unit', () => {
		expect(formatInterval(5 * 60_000)).toBe('5m');
		expect(formatInterval(3 * 3_600_000)).toBe('3h');
		expect(formatInterval(4 * 86_400_000)).toBe('4d');
		expect(formatInterval(90 * 86_400_000)).toBe('3mo');
	});
});

describe('buildReviewQueue', () => {
	const ids = ['a', 'b', 'c', 'd', 'e'];
	const learned = (id: string, grade: Rating.Good | Rating.Easy): CardState => gradeCard(newCardState(id, t0), grade, t0, 0).next;

	it('puts due learning cards first, then reviews, then new cards up to the limit', () => {
		const states = new Map<string, CardState>([
			['a', learned('a', Rating.Easy)], // review, due in days
			['b', learned('b', Rating.Good)] // learning, due in minutes
		]);
		const soon = buildReviewQueue(ids, states, minutes(1), { newLimit: 2, learnAheadMs: 0 });
		expect(soon.cardIds).toEqual(['c', 'd']);
		expect(soon.counts).toEqual({ new: 2, learning: 0, review: 0 });

		const later = buildReviewQueue(ids, states, minutes(60 * 24 * 30), { newLimit: 10 });
		expect(later.cardIds).toEqual(['b', 'a', 'c', 'd', 'e']);
		expect(later.counts).toEqual({ new: 3, learning: 1, review: 1 });
	});

	it('shows learning cards due soon after everything else (learn ahead)', () => {
		const states = new Map<string, CardState>([['b', learned('b', Rating.Good)]]); // due in ~10 minutes
		const q = buildReviewQueue(['a', 'b'], states, minutes(1), { newLimit: 5 });
		expect(q.cardIds).toEqual(['a', 'b']);
		expect(q.counts).toEqual({ new: 1, learning: 1, review: 0 });
		expect(buildReviewQueue(['a', 'b'], states, minutes(1), { newLimit: 5, learnAheadMs: 60_000 }).cardIds).toEqual(['a']);
	});

	it('counts new cards already introduced today against the limit', () => {
		const q = buildReviewQueue(ids, new Map(), t0, { newLimit: 3, newSeenToday: 2 });
		expect(q.cardIds).toEqual(['a']);
		expect(buildReviewQueue(ids, new Map(), t0, { newLimit: 3, newSeenToday: 5 }).cardIds).toEqual([]);
	});
});

describe('review store', () => {
	it('saves state and log together and reads them back with dates intact', async () => {
		const db = await openPrepLabDb({}, 'review-store-test');
		const { next, log } = gradeCard(newCardState('dp100/a', t0), Rating.Good, t0, 1234);
		await saveReview(db, next, log);
		const states = await loadCardStates(db);
		expect(states.get('dp100/a')!.due).toEqual(next.due);
		expect(states.get('dp100/a')!.fsrs.state).toBe(State.Learning);
		const logs = await reviewsSince(db, minutes(-1));
		expect(logs).toHaveLength(1);
		expect(logs[0]!.elapsedMs).toBe(1234);
		expect(await reviewsSince(db, minutes(1))).toHaveLength(0);
	});
});

describe('suspend, bury, leech and undo', () => {
	it('leaves suspended cards out, and buried ones until the bury ends', () => {
		const a = { ...newCardState('a', t0), suspended: true };
		const b = { ...newCardState('b', t0), buriedUntil: minutes(60 * 24) };
		const states = new Map<string, CardState>([['a', a], ['b', b]]);
		expect(buildReviewQueue(['a', 'b', 'c'], states, t0, { newLimit: 10 }).cardIds).toEqual(['c']);
		expect(buildReviewQueue(['a', 'b', 'c'], states, minutes(60 * 25), { newLimit: 10 }).cardIds).toEqual(['b', 'c']);
	});

	it(`flags a card as a leech after ${8} lapses and keeps its flags through reviews`, () => {
		let card: CardState = { ...newCardState('x', t0), suspended: false };
		let now = t0;
		card = gradeCard(card, Rating.Easy, now, 0).next;
		let lapses = 0;
		while (lapses < 8) {
			now = card.due;
			card = gradeCard(card, Rating.Again, now, 0).next; // lapse
			lapses = card.fsrs.lapses;
			expect(card.leech ?? false).toBe(lapses >= 8);
			now = card.due;
			card = gradeCard(card, Rating.Good, now, 0).next;
			card = gradeCard(card, Rating.Good, card.due, 0).next;
		}
		expect(card.leech).toBe(true);
		expect(card.suspended).toBe(false);
	});

	it('undo restores the exact previous state and removes the review from the log', async () => {
		const db = await openPrepLabDb({}, 'undo-test');
		const first = gradeCard(newCardState('dp100/u', t0), Rating.Good, t0, 100);
		const firstId = await saveReview(db, first.next, first.log);
		const second = gradeCard(first.next, Rating.Again, minutes(10), 100);
		const secondId = await saveReview(db, second.next, second.log);
		await restoreCardState(db, 'dp100/u', first.next, secondId);
		expect((await loadCardStates(db)).get('dp100/u')).toEqual(first.next);
		await restoreCardState(db, 'dp100/u', undefined, firstId);
		expect((await loadCardStates(db)).has('dp100/u')).toBe(false);
		expect(await reviewsSince(db, minutes(-1))).toEqual([]);
	});

	it('counts only the given cards toward the daily new-card limit', async () => {
		const db = await openPrepLabDb({}, 'new-limit-test');
		const interview = gradeCard(newCardState('interview/q1', t0), Rating.Good, t0, 0);
		await saveReview(db, interview.next, interview.log);
		const queue = await loadReviewQueue(db, ['c1', 'c2', 'c3'], minutes(5), 2);
		expect(queue.counts(minutes(5)).new).toBe(2);
	});
});
