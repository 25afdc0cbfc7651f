// Starting a practice exam from the setup form: a full exam drawn by the outline's domain weights, or
// practice on one domain; what to draw and the clock it runs on. Nothing is stored here: the page
// saves the new session as it saves every change (save-exam-progress.ts), so writes stay in order.
import { drawExam, examMinutes, examQuestions, type ScorableItem, type WeightedDomain } from '../study/exam-engine';
import type { ExamSession } from '../study/exam-session';

/** What the setup form asks. `domainLength` 0 means every item of the domain. */
export interface ExamChoice {
	mode: 'full' | 'domain';
	/** Questions in a full exam. */
	length: number;
	domain: string;
	domainLength: number;
	/** Full exams only: a timer, and whether it is strict (the wall clock, time away counts). */
	timed: boolean;
	strict: boolean;
}

/** The new session before its clock starts (the page's clock fills `startedAt` and `usedMs`). */
export type NewExamSession = Omit<ExamSession, 'savedAt' | 'usedMs' | 'startedAt'>;

export type StartedExam<T> = { items: T[]; session: NewExamSession } | { problem: string };

/** Questions in a domain, counting each case sub-item. */
export function domainQuestionCount<T extends ScorableItem<T>>(all: readonly T[], domain: string): number {
	return all.filter((i) => i.domain === domain).reduce((s, i) => s + (i.type === 'case' ? i.items.length : 1), 0);
}

/** `seed` comes from the caller (the page's clock, or a URL for a repeatable exam). */
export function startExam<T extends ScorableItem<T> & { id: string }>(all: readonly T[], domains: readonly (WeightedDomain & { id: string })[], choice: ExamChoice, seed: number): StartedExam<T> {
	const full = choice.mode === 'full';
	const drawn = full ? domains : domains.filter((d) => d.id === choice.domain);
	const length = full ? choice.length : choice.domainLength || domainQuestionCount(all, choice.domain);
	const items = drawExam(all, drawn, length, seed);
	if (items.length === 0) return { problem: 'There are no practice items for this choice.' };
	const timed = full && choice.timed;
	return {
		items,
		session: {
			mode: choice.mode,
			domain: full ? null : choice.domain,
			seed,
			itemIds: items.map((i) => i.id),
			responses: {},
			marked: [],
			checked: [],
			position: 0,
			minutes: timed ? examMinutes(examQuestions(items).length) : null,
			strict: timed && choice.strict
		}
	};
}
