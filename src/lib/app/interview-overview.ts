// The interview list's history: every question's schedule (its card state) and every past attempt,
// read together so the list can say what is due, new or practised and how the CATER parts trend.
import { listAllAttempts } from '../db/interview-store';
import { loadCardStates } from '../db/review-store';
import type { PrepLabDb } from '../db/schema';
import type { CardState } from '../study/scheduler';
import type { InterviewAttempt } from './open-interview-question';

export interface InterviewHistory {
	states: Map<string, CardState>;
	attempts: InterviewAttempt[];
}

export async function loadInterviewOverview(db: PrepLabDb): Promise<InterviewHistory> {
	const [states, attempts] = await Promise.all([loadCardStates(db), listAllAttempts(db)]);
	return { states, attempts };
}
