// "Save and schedule" on a mock interview: the attempt, its question's new schedule and the review
// log are written in one transaction, on the learner's interview scheduling settings (whole days).
import { saveInterviewAttempt, type SavedInterviewAttempt } from '../db/interview-store';
import type { PrepLabDb, StoredInterviewAttempt } from '../db/schema';
import { loadStudySettings } from '../db/settings-store';
import { formatInterval } from '../study/scheduler';
import { interviewScheduling } from '../study/study-settings';

export interface RecordedInterviewAttempt extends SavedInterviewAttempt {
	/** "1d", "3d": how long until the question comes back, as shown to the learner. */
	comesBackIn: string;
}

export async function recordInterviewAttempt(db: PrepLabDb, attempt: Omit<StoredInterviewAttempt, 'id'>, now: Date): Promise<RecordedInterviewAttempt> {
	const settings = await loadStudySettings(db);
	const saved = await saveInterviewAttempt(db, attempt, now, interviewScheduling(settings));
	return { ...saved, comesBackIn: formatInterval(saved.next.due.getTime() - now.getTime()) };
}
