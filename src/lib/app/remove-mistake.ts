// Removing a card from the mistakes deck once the learner knows it; returns the deck as it is now.
import { listMistakes, removeMistake } from '../db/exam-store';
import type { PrepLabDb, StoredMistake } from '../db/schema';

export async function removeMistakeCard(db: PrepLabDb, itemId: string): Promise<StoredMistake[]> {
	await removeMistake(db, itemId);
	return listMistakes(db);
}
