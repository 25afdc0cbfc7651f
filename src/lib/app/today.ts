// The home page's "Today": cards due under the learner's own new-card limit, and how many model
// versions the lab holds, and the exam chosen (if any). The same queue as the review screen (review-queue.ts), so both show the same count.
import type { PrepLabDb } from '../db/schema';
import { countVersions } from '../db/idb-registry';
import { MODEL_NAME } from '../ml/train-model';
import type { QueueCounts } from '../study/review-queue';
import { openReviewQueue } from './review-queue';
import type { Track } from '../content/tracks';

export interface Today {
	due: QueueCounts;
	models: number;
	/** The exam chosen in the settings, null until the learner chooses (the home page then asks). */
	track: Track | null;
}

export async function loadToday(db: PrepLabDb, cardIds: readonly string[], now: Date): Promise<Today> {
	const { queue, settings } = await openReviewQueue(db, cardIds, now);
	return { due: queue.counts(now), models: await countVersions(db, MODEL_NAME), track: settings.track };
}
