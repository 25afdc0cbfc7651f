// Past practice exams and the mistakes deck, for the exam and progress pages. Every record read
// back passes the one record check (db/record-checks): a damaged one is left out and named, the
// rest still show.
import { listExamAttempts, listMistakes } from '../db/exam-store';
import type { PrepLabDb, StoredExamAttempt, StoredMistake } from '../db/schema';

export interface ExamHistory {
	/** Newest first. */
	attempts: StoredExamAttempt[];
	mistakes: StoredMistake[];
	/** Each record that could not be read, named with its problem (see skippedMessage). */
	skipped: string[];
}

export async function loadExamHistory(db: PrepLabDb): Promise<ExamHistory> {
	const skipped: string[] = [];
	const [attempts, mistakes] = await Promise.all([listExamAttempts(db, skipped), listMistakes(db, skipped)]);
	return { attempts, mistakes, skipped };
}
