// Which interview question to practise: each question is an FSRS card with the id
// `interview/<question-id>`. Pure: states, the time and a random number are passed in.
import { State, type CardState } from './scheduler';

export const INTERVIEW_CARD_PREFIX = 'interview/';

export const interviewCardId = (questionId: string): string => `${INTERVIEW_CARD_PREFIX}${questionId}`;

export type QuestionStatus = { kind: 'new' } | { kind: 'due'; due: Date } | { kind: 'scheduled'; due: Date };

export function questionStatus(state: CardState | undefined, now: Date): QuestionStatus {
	if (!state || state.fsrs.state === State.New) return { kind: 'new' };
	return state.due.getTime() <= now.getTime() ? { kind: 'due', due: state.due } : { kind: 'scheduled', due: state.due };
}

/**
 * The question to draw: a due one first (an interviewer would catch the gap you were told to
 * revisit), else one never tried, else any. Within the chosen group the pick is `random` (0..1).
 */
export function drawQuestion(questionIds: readonly string[], states: ReadonlyMap<string, CardState>, now: Date, random: number): string | null {
	const status = (id: string) => questionStatus(states.get(interviewCardId(id)), now).kind;
	const due = questionIds.filter((id) => status(id) === 'due');
	const fresh = questionIds.filter((id) => status(id) === 'new');
	const pool = due.length ? due : fresh.length ? fresh : questionIds;
	if (pool.length === 0) return null;
	return pool[Math.min(pool.length - 1, Math.floor(random * pool.length))]!;
}

/** The latest attempt per question (by start time). */
export function latestAttempts<T extends { questionId: string; startedAt: Date }>(attempts: readonly T[]): Map<string, T> {
	const latest = new Map<string, T>();
	for (const a of attempts) {
		const seen = latest.get(a.questionId);
		if (!seen || a.startedAt.getTime() >= seen.startedAt.getTime()) latest.set(a.questionId, a);
	}
	return latest;
}
