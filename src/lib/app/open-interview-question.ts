// Opening a mock-interview question: its past attempts, and when each grade would bring it back,
// computed on the same interview scheduling settings that saving the attempt uses.
import { listAttemptsFor } from '../db/interview-store';
import type { PrepLabDb, StoredInterviewAttempt } from '../db/schema';
import { loadStudySettings } from '../db/settings-store';
import { interviewCardId } from '../study/interview-plan';
import { newCardState, previewIntervals, type Grade } from '../study/scheduler';
import { interviewScheduling } from '../study/study-settings';

/** One stored mock-interview answer, as pages show it. */
export type InterviewAttempt = StoredInterviewAttempt;

export interface OpenedInterviewQuestion {
	history: StoredInterviewAttempt[];
	/** The interval each grade would give if the attempt were saved at `now` ("1d", "3d"). */
	intervals: Record<Grade, string>;
}

export async function openInterviewQuestion(db: PrepLabDb, questionId: string, now: Date): Promise<OpenedInterviewQuestion> {
	const cardId = interviewCardId(questionId);
	const [history, settings, state] = await Promise.all([listAttemptsFor(db, questionId), loadStudySettings(db), db.get('cardStates', cardId)]);
	const current = state ?? newCardState(cardId, now);
	// As when saving: a clock moved back previews from the last review, which FSRS accepts.
	const last = current.fsrs.last_review;
	const at = last && last.getTime() > now.getTime() ? last : now;
	return { history, intervals: previewIntervals(current, at, interviewScheduling(settings)) };
}
