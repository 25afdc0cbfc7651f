// Finishing the exam in progress, by submitting it, by the clock running out, or by stopping early.
// Either way the answers are scored with every option explained, the items answered wrong join the
// mistakes deck (unanswered ones never do), and the attempt, its mistakes and the removal of the
// session are written in one transaction.
import { examAttemptRecord, saveExamAttempt } from '../db/exam-store';
import type { PrepLabDb, StoredMistake } from '../db/schema';
import { leafResults, scoreExam, type ExamScore, type ScorableItem } from '../study/exam-engine';
import type { ExamSession } from '../study/exam-session';
import type { MistakeCard } from '../study/mistake-card';

/** An exam item as the page has it: scorable, with the flashcard kept when it is answered wrong. */
export interface FinishableItem extends ScorableItem<FinishableItem> {
	note: { id: string };
	mistake: MistakeCard | null;
}

/** submitted / timed-out: unanswered questions count as wrong in the score. stopped: the score is
 * over the answered questions only, and the attempt is recorded as partial. */
export type FinishHow = 'submitted' | 'timed-out' | 'stopped';

export interface FinishedExam {
	id: number;
	score: ExamScore;
	partial: boolean;
	mistakesAdded: number;
	/** Question ids left without an answer. */
	unanswered: string[];
}

/** `items` are the session's items in exam order (the caller resolves `session.itemIds`). */
export async function finishExam(db: PrepLabDb, session: ExamSession, items: readonly FinishableItem[], how: FinishHow, now: Date): Promise<FinishedExam> {
	const partial = how === 'stopped';
	const score = scoreExam(items, session.responses, { answeredOnly: partial });
	const leaves = leafResults(score.results);
	const byId = new Map(items.flatMap((i) => [i, ...i.items]).map((i) => [i.id, i]));
	const mistakes: StoredMistake[] = leaves
		.filter((r) => r.answered && !r.correct)
		.flatMap((r) => {
			const item = byId.get(r.itemId);
			return item?.mistake ? [{ itemId: item.id, domain: item.domain, note: item.note.id, front: item.mistake.front, back: item.mistake.back, addedAt: now }] : [];
		});
	const attempt = examAttemptRecord(
		score,
		{ mode: session.mode, domain: session.domain, startedAt: session.startedAt, finishedAt: now },
		{ status: partial ? 'partial' : 'finished', responses: session.responses, seed: session.seed, examItemIds: [...session.itemIds], timedOut: how === 'timed-out' }
	);
	const id = await saveExamAttempt(db, attempt, mistakes);
	return { id, score, partial, mistakesAdded: mistakes.length, unanswered: leaves.filter((r) => !r.answered).map((r) => r.itemId) };
}
