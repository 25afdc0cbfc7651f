// Mock-interview attempts. Saving one also schedules its question (an FSRS card with the id
// `interview/<question-id>`), and the attempt, the card state and the review log are written in
// one transaction so history and schedule never disagree.
import { interviewCardId } from '../study/interview-plan';
import { gradeCard, newCardState, type CardState, type ReviewLogEntry, type SchedulerSettings } from '../study/scheduler';
import { DEFAULT_STUDY_SETTINGS, interviewScheduling } from '../study/study-settings';
import type { PrepLabDb, StoredInterviewAttempt } from './schema';
import { abortOnError } from './transaction';
import { keepReadable } from './record-checks';

export interface SavedInterviewAttempt {
	attempt: StoredInterviewAttempt & { id: number };
	/** The question's card state after this review (its `due` says when it comes back). */
	next: CardState;
	log: ReviewLogEntry;
}

/**
 * Stores the attempt and grades the question's card with the attempt's grade at `now`, all or
 * nothing, on the interview scheduling (whole days) unless told otherwise. The previous state is read inside the same transaction, so two quick saves cannot
 * both start from the same old state.
 */
export async function saveInterviewAttempt(
	db: PrepLabDb,
	attempt: Omit<StoredInterviewAttempt, 'id'>,
	now: Date,
	settings: SchedulerSettings = interviewScheduling(DEFAULT_STUDY_SETTINGS)
): Promise<SavedInterviewAttempt> {
	const tx = db.transaction(['interviewAttempts', 'cardStates', 'reviewLogs'], 'readwrite');
	const cardId = interviewCardId(attempt.questionId);
	// A failed request aborts the transaction; abort explicitly if it is still open.
	return abortOnError(tx, async () => {
		const before = (await tx.objectStore('cardStates').get(cardId)) ?? newCardState(cardId, now);
		// FSRS refuses a review dated before the last one (a clock moved back); grade at the last review instead.
		const last = before.fsrs.last_review;
		const at = last && last.getTime() > now.getTime() ? last : now;
		const { next, log } = gradeCard(before, attempt.grade, at, attempt.durationMs, settings);
		const record: StoredInterviewAttempt = { ...attempt };
		const [id] = await Promise.all([
			tx.objectStore('interviewAttempts').add(record),
			tx.objectStore('cardStates').put(next),
			tx.objectStore('reviewLogs').add({ ...log }),
			tx.done
		]);
		return { attempt: { ...record, id }, next, log };
	});
}

/** Attempts at one question, oldest first. */
export async function listAttemptsFor(db: PrepLabDb, questionId: string, skipped?: string[]): Promise<StoredInterviewAttempt[]> {
	const attempts = keepReadable<StoredInterviewAttempt>('interviewAttempts', await db.getAllFromIndex('interviewAttempts', 'by-question', questionId), skipped);
	return attempts.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** Every attempt, oldest first. */
export async function listAllAttempts(db: PrepLabDb, skipped?: string[]): Promise<StoredInterviewAttempt[]> {
	return keepReadable('interviewAttempts', await db.getAllFromIndex('interviewAttempts', 'by-time'), skipped);
}
