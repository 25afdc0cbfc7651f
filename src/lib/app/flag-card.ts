// Suspending the card on the review screen (until it is unsuspended in the card browser) or burying
// it until tomorrow; once stored, the card leaves the session's queue. Either can be undone
// (undo-review.ts).
import { saveCardState } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import { startOfDay, type SessionQueue } from '../study/review-queue';
import { newCardState, type CardState } from '../study/scheduler';
import type { ReviewUndo } from './undo-review';

export type ReviewFlag = 'suspend' | 'bury';

const DAY_MS = 86_400_000;

export async function flagReviewCard(db: PrepLabDb, flag: ReviewFlag, cardId: string, queue: SessionQueue, now: Date): Promise<ReviewUndo> {
	const stored = queue.state(cardId);
	const flags: Partial<CardState> = flag === 'suspend' ? { suspended: true } : { buriedUntil: startOfDay(new Date(now.getTime() + DAY_MS)) };
	const next = { ...(stored ?? newCardState(cardId, now)), ...flags };
	await saveCardState(db, next);
	queue.update(next, now);
	return { cardId, previous: stored };
}
