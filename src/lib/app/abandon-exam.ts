// Abandoning the exam in progress: its answers are dropped and nothing is scored. The page asks
// first, saying how many answers are lost.
import { deleteExamSession } from '../db/exam-session-store';
import type { PrepLabDb } from '../db/schema';

export const abandonExam = (db: PrepLabDb): Promise<void> => deleteExamSession(db);
