// What the review log holds for a day, split by kind: a mock-interview attempt is logged as a review of
// its question's card (`interview/<id>`), so "reviews" alone would mix flashcards and interviews.
import { INTERVIEW_CARD_PREFIX } from './interview-plan';
import { startOfDay } from './review-queue';
import type { ReviewLogEntry } from './scheduler';

export interface ReviewsToday {
	/** Flashcard reviews (every deck, the mistakes deck included). */
	cards: number;
	/** Mock-interview attempts. */
	interviews: number;
}

/** Reviews since local midnight of `now`, flashcards and interview attempts counted apart. */
export function reviewsToday(logs: readonly Pick<ReviewLogEntry, 'cardId' | 'reviewedAt'>[], now: Date): ReviewsToday {
	const since = startOfDay(now).getTime();
	const out: ReviewsToday = { cards: 0, interviews: 0 };
	for (const l of logs) {
		if (l.reviewedAt.getTime() < since) continue;
		if (l.cardId.startsWith(INTERVIEW_CARD_PREFIX)) out.interviews++;
		else out.cards++;
	}
	return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Month labels over a heatmap drawn as columns of weeks (`padding` empty cells before the first day):
 * each month is labelled at the column holding its 1st. A first, partial month is labelled only when
 * it has room (3 columns) before the next label, so two labels never overlap.
 */
export function heatmapMonths(dates: readonly string[], padding: number): { label: string; column: number }[] {
	const starts = dates.flatMap((date, i) => (i === 0 || date.endsWith('-01') ? [{ label: MONTHS[Number(date.slice(5, 7)) - 1]!, column: Math.floor((padding + i) / 7) }] : []));
	return starts.filter((s, k) => k > 0 || (starts[1]?.column ?? Infinity) - s.column >= 3);
}
