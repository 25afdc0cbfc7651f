import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadCardStates, reviewsSince, saveReview } from '../../../src/lib/db/review-store';
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
