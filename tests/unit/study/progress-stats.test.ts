import { describe, expect, it } from 'vitest';
import { dailyPlan, dueForecast, recallOnDate, reviewHeatmap, trueRetention } from '../../../src/lib/study/progress-stats';
import { gradeCard, newCardState, Rating, type CardState, type ReviewLogEntry } from '../../../src/lib/study/scheduler';

const today = new Date(2026, 10, 25, 12); // local noon, 25 Nov 2026
const daysAgo = (n: number, hour = 10) => new Date(2026, 10, 25 - n, hour);
const log = (cardId: string, at: Date, grade: number, scheduledDays: number): ReviewLogEntry => ({ cardId, grade: grade as never, reviewedAt: at, elapsedMs: 1000, stateBefore: 2, stateAfter: 2, scheduledDays });

describe('progress statistics', () => {
	it('heatmap counts reviews per local day, oldest first, with empty days as 0', () => {
		const map = reviewHeatmap([log('a', daysAgo(0), 3, 1), log('b', daysAgo(0, 23), 3, 1), log('a', daysAgo(2), 3, 1)], today, 5);
		expect(map.map((d) => d.count)).toEqual([0, 0, 1, 0, 2]);
		expect(map.at(-1)!.date).toBe('2026-11-25');
	});

	it('forecast puts overdue cards on today and skips suspended and new cards', () => {
		const due = (id: string, d: Date, extra: Partial<CardState> = {}): CardState => ({ ...newCardState(id, d), fsrs: { ...newCardState(id, d).fsrs, state: 2, due: d }, due: d, ...extra });
		const f = dueForecast([due('a', daysAgo(3)), due('b', daysAgo(-1)), due('c', daysAgo(-1), { suspended: true }), newCardState('d', today), due('e', daysAgo(-40))], today, 30);
		expect(f[0]).toBe(1);
		expect(f[1]).toBe(1);
		expect(f.reduce((s, v) => s + v, 0)).toBe(2);
	});

	it('true retention counts only reviews of mature cards, failing on Again', () => {
		const logs = [log('a', daysAgo(60), 3, 25), log('a', daysAgo(30), 3, 40), log('a', daysAgo(1), Rating.Again, 1), log('b', daysAgo(40), 3, 5), log('b', daysAgo(30), Rating.Again, 1)];
		expect(trueRetention(logs)).toEqual({ rate: 0.5, reviews: 2 });
		expect(trueRetention([log('x', daysAgo(1), 3, 3)])).toBeNull();
	});

	it('predicts lower recall further away, counts unstudied cards as 0 and weights domains', () => {
		const studied = gradeCard(newCardState('c1', daysAgo(1)), Rating.Easy, daysAgo(1), 0).next;
		const states = new Map([['c1', studied]]);
		const cardDomains = new Map([['c1', 'a'], ['c2', 'a'], ['c3', 'b']]);
		const domains = [{ id: 'a', title: 'A', weight: [20, 30] as [number, number] }, { id: 'b', title: 'B', weight: [70, 80] as [number, number] }];
		const soon = recallOnDate(cardDomains, domains, states, daysAgo(-2));
		const later = recallOnDate(cardDomains, domains, states, daysAgo(-60));
		expect(soon.domains[0]!.studied).toBe(1);
		expect(soon.domains[0]!.recall).toBeGreaterThan(later.domains[0]!.recall);
		expect(soon.domains[0]!.recall).toBeLessThanOrEqual(0.5); // one of two cards is unstudied
		expect(soon.domains[1]!.recall).toBe(0);
		expect(soon.overall).toBeCloseTo((25 * soon.domains[0]!.recall) / 100);
	});

	it('plans new cards to finish a week before the exam', () => {
		const plan = dailyPlan(140, new Array(30).fill(10), today, new Date(2026, 11, 22))!;
		expect(plan.daysLeft).toBe(27);
		expect(plan.newPerDay).toBe(7);
		expect(plan.reviewsPerDay).toBe(31);
		expect(dailyPlan(10, [], today, daysAgo(1))).toBeNull();
	});
});
