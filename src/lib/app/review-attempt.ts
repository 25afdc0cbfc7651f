// Opening one past attempt for a read-only review: every item, the answer given (when the attempt
// recorded it) and the explanations.
import { getExamAttempt } from '../db/exam-store';
import type { PrepLabDb, StoredExamAttempt } from '../db/schema';
import { describeProblem, recordProblem } from '../db/record-checks';

export type AttemptForReview = { attempt: StoredExamAttempt } | { problem: string };

export async function openAttemptReview(db: PrepLabDb, id: number): Promise<AttemptForReview> {
	if (!Number.isInteger(id) || id < 1) return { problem: 'This link does not name a practice-exam attempt.' };
	const record = await getExamAttempt(db, id);
	if (!record) return { problem: `Practice-exam attempt ${id} is not on this device (it may have been deleted or restored over).` };
	const problem = recordProblem('examAttempts', record);
	return problem ? { problem: `This attempt cannot be shown: ${describeProblem('examAttempts', record, problem)}.` } : { attempt: record };
}
