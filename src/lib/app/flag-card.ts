// Suspending the card on the review screen (until it is unsuspended in the card browser) or burying
// it until tomorrow, then moving to the next card. Either can be undone (undo-review.ts).
import { saveCardState } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import { startOfDay } from '../study/review-queue';
import { newCardState, type CardState } from '../study/scheduler';
import type { StudySettings } from '../study/study-settings';
import { openReviewQueue, type OpenedReviewQueue } from './review-queue';
import type { ReviewUndo } from './undo-review';

export type ReviewFlag = 'suspend' | 'bury';

export interface FlaggedCard {
	undo: ReviewUndo;
	/** The queue after the card left it. */
	queue: OpenedReviewQueue;
}

const DAY_MS = 86_400_000;

export async function flagReviewCard(
	db: PrepLabDb,
	flag: ReviewFlag,
	card: { cardId: string; stored: CardState | undefined },
	cardIds: readonly string[],
	settings: StudySettings,
	now: Date
): Promise<FlaggedCard> {
	const flags: Partial<CardState> = flag === 'suspend' ? { suspended: true } : { buriedUntil: startOfDay(new Date(now.getTime() + DAY_MS)) };
	await saveCardState(db, { ...(card.stored ?? newCardState(card.cardId, now)), ...flags });
	return { undo: { cardId: card.cardId, previous: card.stored }, queue: await openReviewQueue(db, cardIds, now, settings) };
}
