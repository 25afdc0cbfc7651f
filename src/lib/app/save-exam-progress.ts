// Saving the exam in progress after every answer (and now and then while the clock runs), so it
// survives navigation, reloads, a closed tab and going offline.
import { writeExamSession } from '../db/exam-session-store';
import type { PrepLabDb } from '../db/schema';
import type { ExamSession } from '../study/exam-session';

export function saveExamProgress(db: PrepLabDb, session: Omit<ExamSession, 'savedAt'>, now: Date): Promise<void> {
	return writeExamSession(db, { ...session, savedAt: now });
}
