import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/lib/ml/random';
import { SessionQueue } from '../../../src/lib/study/review-queue';
import { gradeCard, newCardState, Rating, State, type CardState, type Grade } from '../../../src/lib/study/scheduler';

const t0 = new Date('2026-11-25T09:00:00Z');
const DAY = 86_400_000;

/** A deck of 40 cards: some reviews due now, some due later, some learning, the rest new. */
function deck() {
	const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
	const states = new Map<string, CardState>();
	ids.forEach((id, i) => {
		const past = new Date(t0.getTime() - 20 * DAY);
		if (i % 4 === 0) states.set(id, { ...gradeCard(newCardState(id, past), Rating.Easy, past, 0).next, due: new Date(t0.getTime() - i * 60_000) });
		else if (i % 4 === 1) states.set(id, gradeCard(newCardState(id, past), Rating.Easy, past, 0).next); // due later (or long ago due: set below)
		else if (i % 8 === 2) states.set(id, gradeCard(newCardState(id, t0), Rating.Again, new Date(t0.getTime() - 5 * 60_000 + i * 1000), 0).next);
	});
	for (const [id, s] of states) if (Number(id.slice(1)) % 4 === 1) states.set(id, { ...s, due: new Date(t0.getTime() + 5 * DAY), fsrs: { ...s.fsrs, due: new Date(t0.getTime() + 5 * DAY) } });
	return { ids, states };
}

describe('SessionQueue', () => {
	it('after each grade, shows the same cards in the same order with the same counts as a queue built again from storage', () => {
		const { ids, states } = deck();
		const random = seededRandom(11);
		const newLimit = 6;
		const queue = new SessionQueue(ids, states, t0, { newLimit });
		let now = t0.getTime();
		let newSeen = 0;
		let graded = 0;
		for (let step = 0; step < 80; step++) {
			now += 1000 + Math.floor(random() * 120_000);
			const at = new Date(now);
			const id = queue.first(at);
			if (!id) continue;
			const stored = queue.state(id);
			if (!stored || stored.fsrs.state === State.New) newSeen++;
			const { next } = gradeCard(stored ?? newCardState(id, at), (1 + Math.floor(random() * 4)) as Grade, at, 0);
			states.set(id, next);
			queue.update(next, at);
			graded++;
			const rebuilt = new SessionQueue(ids, states, at, { newLimit, newSeenToday: newSeen });
			expect(queue.cardIds(at)).toEqual(rebuilt.cardIds(at));
			expect(queue.counts(at)).toEqual(rebuilt.counts(at));
			expect(queue.first(at)).toBe(rebuilt.first(at));
		}
		expect(graded).toBeGreaterThan(30);
		expect(newSeen).toBe(newLimit);
	});

	it('shows a learning card again once it is due, after the new cards when it is only due soon', () => {
		const queue = new SessionQueue(['a', 'b'], new Map(), t0, { newLimit: 5 });
		const { next } = gradeCard(newCardState('a', t0), Rating.Again, t0, 0);
		queue.update(next, t0);
		expect(queue.first(t0)).toBe('b');
		expect(queue.counts(t0)).toEqual({ new: 1, learning: 1, review: 0 });
		expect(queue.first(next.due)).toBe('a');
		// Buried, it stays out even when due.
		queue.update({ ...next, buriedUntil: new Date(t0.getTime() + DAY) }, t0);
		expect(queue.first(next.due)).toBe('b');
		expect(queue.counts(next.due)).toEqual({ new: 1, learning: 0, review: 0 });
	});

	it('puts a card back first, as it was, and forgets it when it leaves for good', () => {
		const queue = new SessionQueue(['a', 'b', 'c'], new Map(), t0, { newLimit: 5 });
		const easy = gradeCard(newCardState('b', t0), Rating.Easy, t0, 0).next;
		queue.update(easy, t0);
		expect(queue.cardIds(t0)).toEqual(['a', 'c']);
		queue.putBack('b', undefined, t0);
		expect(queue.cardIds(t0)).toEqual(['b', 'a', 'c']);
		expect(queue.state('b')).toBeUndefined();
		queue.update({ ...newCardState('b', t0), suspended: true }, t0);
		expect(queue.cardIds(t0)).toEqual(['a', 'c']);
		expect(queue.counts(t0)).toEqual({ new: 2, learning: 0, review: 0 });
	});
});
