// Numbers for the Progress page, from stored states and the review log. Pure: "today" and the
// exam date are passed in, so every figure is testable with fixed dates.
import { fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { startOfDay } from './review-queue';
import type { CardState, ReviewLogEntry } from './scheduler';

const DAY = 86_400_000;
const dayKey = (d: Date) => {
	const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
	return local.toISOString().slice(0, 10);
};

/** Reviews per calendar day for the last `days` days, oldest first (days without reviews count 0). */
export function reviewHeatmap(logs: readonly ReviewLogEntry[], today: Date, days = 365): { date: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const l of logs) counts.set(dayKey(l.reviewedAt), (counts.get(dayKey(l.reviewedAt)) ?? 0) + 1);
	const end = startOfDay(today).getTime();
	return Array.from({ length: days }, (_, i) => {
		const date = dayKey(new Date(end - (days - 1 - i) * DAY));
		return { date, count: counts.get(date) ?? 0 };
	});
}

/** Cards coming due on each of the next `days` days; overdue cards count on day 0. Suspended cards are left out. */
export function dueForecast(states: Iterable<CardState>, today: Date, days = 30): number[] {
	const out = new Array<number>(days).fill(0);
	const start = startOfDay(today).getTime();
	for (const s of states) {
		if (s.suspended || s.fsrs.state === 0) continue;
		const day = Math.max(0, Math.floor((s.due.getTime() - start) / DAY));
		if (day < days) out[day]!++;
	}
	return out;
}

/**
 * True retention as Anki defines it: of reviews of mature cards (an interval of 21 days or more
 * before the review), the share not answered Again. Null when there are none yet.
 */
export function trueRetention(logs: readonly ReviewLogEntry[]): { rate: number; reviews: number } | null {
	const byCard = new Map<string, ReviewLogEntry[]>();
	for (const l of logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
	let mature = 0;
	let passed = 0;
	for (const list of byCard.values()) {
		list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
		for (let i = 1; i < list.length; i++) {
			if (list[i - 1]!.scheduledDays >= 21) {
				mature++;
				if (list[i]!.grade !== Rating.Again) passed++;
			}
		}
	}
	return mature ? { rate: passed / mature, reviews: mature } : null;
}

export interface DomainForecast {
	domain: string;
	title: string;
	weight: number;
	cards: number;
	studied: number;
	/** Mean predicted recall of the domain's cards on the date (unstudied cards count as 0). */
	recall: number;
}

/**
 * Predicted recall per domain on a date: each studied card's FSRS retrievability then, unstudied
 * cards 0. The overall figure weights each domain by its exam weight (midpoint of its range).
 */
export function recallOnDate(
	cardDomains: ReadonlyMap<string, string>,
	domains: readonly { id: string; title: string; weight: [number, number] }[],
	states: ReadonlyMap<string, CardState>,
	date: Date,
	retention = 0.9
): { domains: DomainForecast[]; overall: number } {
	const scheduler = fsrs(generatorParameters({ request_retention: retention }));
	const rows = domains.map((d) => {
		let cards = 0;
		let studied = 0;
		let sum = 0;
		for (const [cardId, domain] of cardDomains) {
			if (domain !== d.id) continue;
			cards++;
			const s = states.get(cardId);
			if (!s || s.fsrs.state === 0) continue;
			studied++;
			sum += scheduler.get_retrievability(s.fsrs, date, false);
		}
		return { domain: d.id, title: d.title, weight: (d.weight[0] + d.weight[1]) / 2, cards, studied, recall: cards ? sum / cards : 0 };
	});
	const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
	return { domains: rows, overall: totalWeight ? rows.reduce((s, r) => s + r.weight * r.recall, 0) / totalWeight : 0 };
}

export interface DailyPlan {
	daysLeft: number;
	newPerDay: number;
	reviewsPerDay: number;
	unstudied: number;
}

/**
 * A daily plan to be ready by the exam: introduce the unstudied cards by a week before the exam
 * (the last week is for reviews only), and expect the reviews already scheduled plus about three
 * per new card in its first weeks (FSRS's learning steps and first intervals).
 */
export function dailyPlan(unstudied: number, forecast: readonly number[], today: Date, examDate: Date): DailyPlan | null {
	const daysLeft = Math.ceil((startOfDay(examDate).getTime() - startOfDay(today).getTime()) / DAY);
	if (daysLeft <= 0) return null;
	const introduceDays = Math.max(1, daysLeft - 7);
	const newPerDay = Math.ceil(unstudied / introduceDays);
	const horizon = Math.min(forecast.length, daysLeft);
	const scheduled = horizon ? forecast.slice(0, horizon).reduce((s, v) => s + v, 0) / horizon : 0;
	return { daysLeft, newPerDay, reviewsPerDay: Math.round(scheduled + 3 * newPerDay), unstudied };
}
