// Past practice exams and the mistakes deck, for the exam and progress pages. Every attempt read
// back is checked: a damaged one is left out and named, the rest still show.
import { listExamAttempts, listMistakes } from '../db/exam-store';
import type { PrepLabDb, StoredExamAttempt, StoredMistake } from '../db/schema';
import { checkExamAttempt } from './check-exam-attempt';

export interface ExamHistory {
	/** Newest first. */
	attempts: StoredExamAttempt[];
	mistakes: StoredMistake[];
	/** One sentence per attempt that could not be read. */
	problems: string[];
}

export async function loadExamHistory(db: PrepLabDb): Promise<ExamHistory> {
	const [records, mistakes] = await Promise.all([listExamAttempts(db), listMistakes(db)]);
	const attempts: StoredExamAttempt[] = [];
	const problems: string[] = [];
	for (const record of records) {
		const problem = checkExamAttempt(record);
		if (problem) problems.push(problem);
		else attempts.push(record);
	}
	return { attempts, mistakes, problems };
}
