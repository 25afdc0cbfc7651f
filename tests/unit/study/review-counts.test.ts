import { describe, expect, it } from 'vitest';
import { heatmapMonths, reviewsToday } from '../../../src/lib/study/review-counts';

const now = new Date(2026, 10, 30, 15, 0);
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 0);

describe('reviewsToday', () => {
	it('counts flashcard reviews and interview attempts since local midnight, apart', () => {
		const logs = [
			{ cardId: 'cater-method/1', reviewedAt: at(30, 9) },
			{ cardId: 'mistakes/q-12', reviewedAt: at(30, 10) },
			{ cardId: 'interview/end-to-end-project', reviewedAt: at(30, 11) },
			{ cardId: 'cater-method/2', reviewedAt: at(29, 23) },
			{ cardId: 'interview/drift', reviewedAt: at(29, 22) }
		];
		expect(reviewsToday(logs, now)).toEqual({ cards: 2, interviews: 1 });
		expect(reviewsToday([], now)).toEqual({ cards: 0, interviews: 0 });
	});
});

describe('heatmapMonths', () => {
	it('labels each month at the week column holding its 1st', () => {
		// 2026-01-29 (a Thursday) onwards, with 4 empty cells so rows are weekdays.
		const dates = Array.from({ length: 70 }, (_, i) => new Date(Date.UTC(2026, 0, 29 + i)).toISOString().slice(0, 10));
		expect(heatmapMonths(dates, 4)).toEqual([
			{ label: 'Feb', column: 1 },
			{ label: 'Mar', column: 5 },
			{ label: 'Apr', column: 9 }
		]);
	});

	it('labels a first, partial month only when it has room', () => {
		const dates = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 0, 10 + i)).toISOString().slice(0, 10));
		expect(heatmapMonths(dates, 6).map((m) => m.label)).toEqual(['Jan', 'Feb', 'Mar']);
	});
});
