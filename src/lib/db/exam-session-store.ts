// The practice exam in progress (at most one). Finishing it removes it in the same transaction as
// the attempt (see saveExamAttempt in exam-store.ts).
import type { ExamSession } from '../study/exam-session';
import type { PrepLabDb, StoredExamSession } from './schema';

const KEY = 'current';

/** The saved session as stored, unchecked (see checkExamSession), or undefined. */
export const readExamSession = (db: PrepLabDb): Promise<StoredExamSession | undefined> => db.get('examSessions', KEY);

export async function writeExamSession(db: PrepLabDb, session: ExamSession): Promise<void> {
	await db.put('examSessions', { ...session, id: KEY });
}

export const deleteExamSession = (db: PrepLabDb): Promise<void> => db.delete('examSessions', KEY);
