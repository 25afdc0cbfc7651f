// Finished practice exams and the "mistakes" deck they feed. The cards page reads the deck through
// `listMistakes` (card id `mistakes/<itemId>`).
import { leafResults, type ExamScore, type Responses } from '../study/exam-engine';
import type { PrepLabDb, StoredExamAttempt, StoredMistake } from './schema';
import { keepReadable } from './record-checks';
import { abortOnError } from './transaction';

/**
 * Saves a finished exam and the items it got wrong together, and removes the exam in progress it
 * came from, all or nothing: the results never claim mistakes that were not stored, and a saved
 * attempt never leaves its session behind to be resumed again. A mistake already in the deck is
 * replaced (newest wording and date). Returns the attempt's id.
 */
export async function saveExamAttempt(db: PrepLabDb, attempt: StoredExamAttempt, mistakes: readonly StoredMistake[]): Promise<number> {
	const tx = db.transaction(['examAttempts', 'mistakes', 'examSessions'], 'readwrite');
	const requests: Promise<unknown>[] = [];
	// A request refused on the spot (e.g. a record without its key) would otherwise let the requests
	// already queued commit on their own.
	await abortOnError(
		tx,
		async () => {
			requests.push(tx.objectStore('examAttempts').add({ ...attempt }));
			for (const m of mistakes) requests.push(tx.objectStore('mistakes').put({ ...m }));
			requests.push(tx.objectStore('examSessions').delete('current'));
		},
		requests
	);
	const [id] = await Promise.all([...requests, tx.done]);
	return id as number;
}

/** All readable attempts, newest first; unreadable ones are named in `skipped`. */
export async function listExamAttempts(db: PrepLabDb, skipped?: string[]): Promise<StoredExamAttempt[]> {
	return keepReadable<StoredExamAttempt>('examAttempts', await db.getAllFromIndex('examAttempts', 'by-time'), skipped).reverse();
}

/** One attempt by id, unchecked (see record-checks' recordProblem), or undefined. */
export const getExamAttempt = (db: PrepLabDb, id: number): Promise<StoredExamAttempt | undefined> => db.get('examAttempts', id);

/** The mistakes deck, most recently added first. */
export async function listMistakes(db: PrepLabDb, skipped?: string[]): Promise<StoredMistake[]> {
	return keepReadable<StoredMistake>('mistakes', await db.getAll('mistakes'), skipped).sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || a.itemId.localeCompare(b.itemId));
}

export const removeMistake = (db: PrepLabDb, itemId: string): Promise<void> => db.delete('mistakes', itemId);

/** What a review of the attempt needs besides the score: the answers and the exam's order. */
export interface AttemptDetails {
	status: 'finished' | 'partial';
	responses: Responses;
	seed: number;
	examItemIds: string[];
	timedOut?: boolean;
}

/** The record of a finished exam. `itemIds` and `correct` are per question: a case study's sub-items
 * are listed one by one, as they are scored. */
export function examAttemptRecord(
	score: ExamScore,
	meta: { mode: StoredExamAttempt['mode']; domain: string | null; startedAt: Date; finishedAt: Date },
	details?: AttemptDetails
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
		byDomain: score.byDomain,
		...(details
			? {
					status: details.status,
					unanswered: questions.filter((q) => !q.answered).map((q) => q.itemId),
					responses: details.responses,
					seed: details.seed,
					examItemIds: details.examItemIds,
					...(details.timedOut ? { timedOut: true } : {})
				}
			: {})
	};
}
