// Finished practice exams and the "mistakes" deck they feed. The cards page reads the deck through
// `listMistakes` (card id `mistakes/<itemId>`).
import { leafResults, type ExamScore } from '../study/exam-engine';
import type { PrepLabDb, StoredExamAttempt, StoredMistake } from './schema';
import { keepReadable } from './record-checks';

/**
 * Saves a finished exam and the items it got wrong together, or neither, so the results never
 * claim mistakes that were not stored. A mistake already in the deck is replaced (newest wording
 * and date). Returns the attempt's id.
 */
export async function saveExamAttempt(db: PrepLabDb, attempt: StoredExamAttempt, mistakes: readonly StoredMistake[]): Promise<number> {
	const tx = db.transaction(['examAttempts', 'mistakes'], 'readwrite');
	const requests: Promise<unknown>[] = [];
	try {
		requests.push(tx.objectStore('examAttempts').add({ ...attempt }));
		for (const m of mistakes) requests.push(tx.objectStore('mistakes').put({ ...m }));
	} catch (e) {
		// A request refused on the spot (e.g. a record without its key) would otherwise let the
		// requests already queued commit on their own.
		tx.abort();
		await Promise.allSettled([...requests, tx.done]);
		throw e;
	}
	const [id] = await Promise.all([...requests, tx.done]);
	return id as number;
}

/** All readable attempts, newest first; unreadable ones are named in `skipped`. */
export async function listExamAttempts(db: PrepLabDb, skipped?: string[]): Promise<StoredExamAttempt[]> {
	return keepReadable<StoredExamAttempt>('examAttempts', await db.getAllFromIndex('examAttempts', 'by-time'), skipped).reverse();
}

/** The mistakes deck, most recently added first. */
export async function listMistakes(db: PrepLabDb, skipped?: string[]): Promise<StoredMistake[]> {
	return keepReadable<StoredMistake>('mistakes', await db.getAll('mistakes'), skipped).sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || a.itemId.localeCompare(b.itemId));
}

export const removeMistake = (db: PrepLabDb, itemId: string): Promise<void> => db.delete('mistakes', itemId);

/** The record of a finished exam. `itemIds` and `correct` are per question: a case study's sub-items
 * are listed one by one, as they are scored. */
export function examAttemptRecord(
	score: ExamScore,
	meta: { mode: StoredExamAttempt['mode']; domain: string | null; startedAt: Date; finishedAt: Date }
): StoredExamAttempt {
	const questions = leafResults(score.results);
	return {
		mode: meta.mode,
		...(meta.domain ? { domain: meta.domain } : {}),
		startedAt: meta.startedAt,
		finishedAt: meta.finishedAt,
		itemIds: questions.map((q) => q.itemId),
		correct: Object.fromEntries(questions.map((q) => [q.itemId, q.correct])),
		score: score.scaled,
		byDomain: score.byDomain
	};
}
