import { describe, expect, it } from 'vitest';
import { browseRows, cardRows, DEFAULT_FILTER, filterQuery, filterRows, flagCounts, parseFilter, sortRows, statusesOf, type BrowserCard } from '../../../src/lib/study/card-browser';
import { actionDone, editCard, historyRows, resetWarning } from '../../../src/lib/study/card-edits';
import { gradeCard, newCardState, Rating, State, type CardState } from '../../../src/lib/study/scheduler';

const t0 = new Date('2026-11-25T09:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

const card = (id: string, over: Partial<BrowserCard> = {}): BrowserCard => ({ id, deck: 'dp100', front: `front of ${id}`, tags: [], domain: 'train-deploy', note: 'n', ...over });

/** A card reviewed with the given grades, one day apart, starting at t0. */
function reviewed(id: string, grades: Rating[]): CardState {
	let state = newCardState(id, t0);
	grades.forEach((g, i) => (state = gradeCard(state, g as never, days(i), 1000).next));
	return state;
}

const cards = [
	card('dp100/a', { tags: ['endpoints'] }),
	card('dp100/b', { tags: ['security'], domain: 'design-prepare' }),
	card('cater/c', { deck: 'cater', domain: 'interview-prep' }),
	card('dp100/d'),
	card('mistakes/q1', { deck: 'mistakes', tags: ['train-deploy'] })
];
const states = new Map<string, CardState>([
	['dp100/b', reviewed('dp100/b', [Rating.Easy])],
	['cater/c', { ...reviewed('cater/c', [Rating.Again]), suspended: true }],
	['dp100/d', { ...reviewed('dp100/d', [Rating.Easy, Rating.Again, Rating.Good]), leech: true, buriedUntil: days(5) }],
	['mistakes/q1', { ...newCardState('mistakes/q1', t0), suspended: true }]
]);
const now = days(3);
const rows = cardRows(cards, states, now);
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('card browser rows', () => {
	it('reads each card’s phase and flags from its stored state; cards without one are new', () => {
		expect(rows.map(statusesOf)).toEqual([['new'], ['review'], ['learning', 'suspended'], [expect.any(String), 'buried', 'leech'], ['new', 'suspended']]);
		expect(rows[0]).toMatchObject({ due: null, intervalMs: null, lastReview: null, difficulty: null, lapses: 0 });
		expect(rows[1]!.lastReview).toEqual(t0);
		expect(rows[1]!.intervalMs).toBe(states.get('dp100/b')!.due.getTime() - t0.getTime());
		expect(rows[3]!.lapses).toBe(1);
	});

	it('a bury that has run out is not shown as buried', () => {
		expect(statusesOf(cardRows(cards, states, days(6))[3]!)).not.toContain('buried');
	});

	it('filters by deck, tag, domain, state and text matches, all together', () => {
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, deck: 'dp100' }, null))).toEqual(['dp100/a', 'dp100/b', 'dp100/d']);
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, tag: 'security' }, null))).toEqual(['dp100/b']);
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, domain: 'train-deploy' }, null))).toEqual(['dp100/a', 'dp100/d', 'mistakes/q1']);
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, state: 'suspended' }, null))).toEqual(['cater/c', 'mistakes/q1']);
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, state: 'new' }, null))).toEqual(['dp100/a', 'mistakes/q1']);
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, state: 'leech' }, null))).toEqual(['dp100/d']);
		expect(ids(filterRows(rows, { ...DEFAULT_FILTER, state: 'suspended', deck: 'mistakes' }, null))).toEqual(['mistakes/q1']);
		expect(ids(filterRows(rows, DEFAULT_FILTER, new Set(['dp100/d', 'dp100/a'])))).toEqual(['dp100/a', 'dp100/d']);
		expect(filterRows(rows, DEFAULT_FILTER, new Set())).toEqual([]);
	});

	it('sorts by a column either way, cards without a value last, ties in deck order', () => {
		const byDue = ids(sortRows(rows, 'due', false));
		expect(byDue.slice(3)).toEqual(['dp100/a', 'mistakes/q1']); // new cards have no due date
		const dues = byDue.slice(0, 3).map((id) => states.get(id)!.due.getTime());
		expect(dues).toEqual([...dues].sort((a, b) => a - b));
		expect(ids(sortRows(rows, 'due', true)).slice(0, 3)).toEqual(byDue.slice(0, 3).reverse());
		expect(ids(sortRows(rows, 'due', true)).slice(3)).toEqual(['dp100/a', 'mistakes/q1']);
		expect(ids(sortRows(rows, 'lapses', true))[0]).toBe('dp100/d');
		expect(ids(sortRows(rows, 'order', true))).toEqual(ids(rows).reverse());
		const difficulty = sortRows(rows, 'difficulty', false).map((r) => r.difficulty);
		expect(difficulty.slice(0, 3).every((d, i, a) => d !== null && (i === 0 || a[i - 1]! <= d))).toBe(true);
		expect(ids(browseRows(rows, { ...DEFAULT_FILTER, deck: 'dp100', sort: 'interval', desc: true }, null)).at(-1)).toBe('dp100/a');
	});

	it('counts suspended cards and leeches', () => {
		expect(flagCounts(rows)).toEqual({ suspended: 2, leeches: 1 });
	});

	it('round-trips filters through the URL query and ignores unknown values', () => {
		const filter = { ...DEFAULT_FILTER, q: 'blue green', state: 'leech' as const, sort: 'lapses' as const, desc: true };
		expect(parseFilter(new URLSearchParams(filterQuery(filter)))).toEqual(filter);
		expect(filterQuery({ state: 'suspended' })).toBe('?state=suspended');
		expect(filterQuery(DEFAULT_FILTER)).toBe('');
		expect(parseFilter(new URLSearchParams('state=frozen&sort=colour&dir=up'))).toEqual(DEFAULT_FILTER);
	});
});

describe('card edits', () => {
	const review = reviewed('x', [Rating.Easy, Rating.Again]);

	it('suspends a card that had no state as a new card, and unsuspends it keeping its schedule', () => {
		const suspended = editCard('suspend', 'x', undefined, t0) as CardState;
		expect(suspended).toMatchObject({ cardId: 'x', suspended: true, fsrs: { state: State.New } });
		expect(editCard('suspend', 'x', suspended, t0)).toBe('unchanged');
		const back = editCard('unsuspend', 'x', { ...review, suspended: true }, t0) as CardState;
		expect(back).toEqual(review);
		expect(editCard('unsuspend', 'x', review, t0)).toBe('unchanged');
	});

	it('unburies only a buried card', () => {
		expect(editCard('unbury', 'x', { ...review, buriedUntil: days(1) }, t0)).toEqual(review);
		expect(editCard('unbury', 'x', review, t0)).toBe('unchanged');
	});

	it('resets a studied card to no state at all, a suspended one to a suspended new card, and leaves new cards alone', () => {
		expect(editCard('reset', 'x', { ...review, leech: true }, t0)).toBeUndefined();
		expect(editCard('reset', 'x', { ...review, suspended: true }, days(2))).toEqual({ ...newCardState('x', days(2)), suspended: true });
		expect(editCard('reset', 'x', undefined, t0)).toBe('unchanged');
		expect(editCard('reset', 'x', newCardState('x', t0), t0)).toBe('unchanged');
	});

	it('says what a reset loses and keeps, and what an action did', () => {
		expect(resetWarning(3)).toMatch(/^Resets 3 cards to new: .*Their review history is kept\./);
		expect(resetWarning(1)).toMatch(/^Resets 1 card to new: its schedule .*Its review history is kept\./);
		expect(actionDone('suspend', 2, 3)).toBe('Suspended: 2 cards (1 already suspended).');
		expect(actionDone('reset', 1, 1)).toBe('Reset to new: 1 card.');
	});

	it('lists the history newest first with the interval before and after each review', () => {
		let state = newCardState('x', t0);
		const logs = [Rating.Easy, Rating.Good, Rating.Again].map((g, i) => {
			const { next, log } = gradeCard(state, g as never, i === 0 ? t0 : state.due, 1000);
			state = next;
			return log;
		});
		const history = historyRows([logs[2]!, logs[0]!, logs[1]!]);
		expect(history.map((h) => h.grade)).toEqual([Rating.Again, Rating.Good, Rating.Easy]);
		expect(history.map((h) => h.intervalAfter)).toEqual([logs[2]!.scheduledDays, logs[1]!.scheduledDays, logs[0]!.scheduledDays]);
		expect(history.map((h) => h.intervalBefore)).toEqual([logs[1]!.scheduledDays, logs[0]!.scheduledDays, null]);
		expect(logs[1]!.scheduledDays).toBeGreaterThan(logs[0]!.scheduledDays);
	});
});
