// State of one mock-interview drill: the clock (started by the first keystroke or Start, not by
// opening the page), the learner's draft (kept in sessionStorage so a reload does not lose it),
// the ticked checklist, and saving + scheduling the attempt.
import { openInterviewQuestion, type InterviewAttempt } from '$lib/app/open-interview-question';
import { recordInterviewAttempt } from '$lib/app/record-interview-attempt';
import type { CaterPart } from '$lib/content/schema';
import { getDb } from '$lib/app/browser';
import { errorMessage } from '$lib/error-message';
import { gradeInterview, type Checklist, type InterviewGrade } from '$lib/study/interview-grading';
import type { Grade } from '$lib/study/scheduler';

export const DEFAULT_LIMIT_MS = 2 * 60_000;

interface Draft {
	answer: string;
	/** 0 while the clock has not started. */
	startedAt: number;
	countdown: boolean;
}

export interface SavedResult extends InterviewGrade {
	due: Date;
	/** "1d", "3d": how long until the question comes back. */
	comesBackIn: string;
}

const emptyTicks = (): Record<CaterPart, number[]> => ({ context: [], architecture: [], tradeoffs: [], execution: [], risks: [] });

export class InterviewDrill {
	answer = $state('');
	countdown = $state(true);
	readonly limitMs = DEFAULT_LIMIT_MS;
	/** When the clock started (epoch ms), or 0 before the learner types or presses Start. */
	startedAt = $state(0);
	now = $state(0);
	/** When the model answer was shown: the answer time stops there. */
	stoppedAt = $state<number | null>(null);
	revealed = $state(false);
	ticked = $state(emptyTicks());
	saving = $state(false);
	result = $state<SavedResult | null>(null);
	history = $state.raw<InterviewAttempt[]>([]);
	historyLoading = $state(true);
	/** When each grade would bring the question back, on the interview scheduling settings. */
	intervals = $state.raw<Record<Grade, string> | null>(null);
	error = $state<string | null>(null);

	started = $derived(this.startedAt > 0);
	elapsedMs = $derived(this.started ? Math.max(0, (this.stoppedAt ?? this.now) - this.startedAt) : 0);
	remainingMs = $derived(Math.max(0, this.limitMs - this.elapsedMs));
	timeUp = $derived(this.started && this.elapsedMs >= this.limitMs);

	readonly #questionId: string;
	readonly #checklist: Checklist;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(questionId: string, checklist: Checklist) {
		this.#questionId = questionId;
		this.#checklist = checklist;
	}

	/** What saving now would give; recomputed as points are ticked. */
	get preview(): InterviewGrade {
		return gradeInterview(this.#checklist, this.ticked);
	}

	get #draftKey() {
		return `prep-lab:interview-draft:${this.#questionId}`;
	}

	/** Restores a draft of this question (a started clock keeps running from its start) or opens fresh. */
	start(): void {
		const draft = this.#readDraft();
		this.answer = draft?.answer ?? '';
		this.countdown = draft?.countdown ?? true;
		this.startedAt = draft?.startedAt ?? 0;
		this.now = Date.now();
		if (this.started) this.#tick();
		this.#load();
	}

	/** Starts the clock (Start button, or the first keystroke); does nothing once it runs. */
	begin(): void {
		if (this.started || this.revealed) return;
		this.startedAt = Date.now();
		this.now = this.startedAt;
		this.#tick();
		this.#saveDraft();
	}

	dispose(): void {
		clearInterval(this.#timer);
	}

	/** Called as the learner types or toggles the countdown. */
	keepDraft(): void {
		if (!this.result) this.#saveDraft();
	}

	/** The learner typed: the clock starts with the first keystroke. */
	typed(): void {
		this.begin();
		this.keepDraft();
	}

	reveal(): void {
		if (this.revealed) return;
		this.stoppedAt = Date.now();
		this.revealed = true;
		clearInterval(this.#timer);
	}

	toggle(part: CaterPart, index: number, on: boolean): void {
		const rest = this.ticked[part].filter((i) => i !== index);
		this.ticked[part] = on ? [...rest, index].sort((a, b) => a - b) : rest;
	}

	async save(): Promise<void> {
		if (!this.revealed || this.saving || this.result) return;
		this.saving = true;
		this.error = null;
		try {
			const grade = gradeInterview(this.#checklist, this.ticked);
			const now = new Date();
			const saved = await recordInterviewAttempt(
				await getDb(),
				{
					questionId: this.#questionId,
					startedAt: new Date(this.started ? this.startedAt : (this.stoppedAt ?? now.getTime())),
					durationMs: this.elapsedMs,
					answer: this.answer,
					ticked: $state.snapshot(this.ticked),
					partScores: grade.partScores,
					grade: grade.grade
				},
				now
			);
			this.result = { ...grade, due: saved.next.due, comesBackIn: saved.comesBackIn };
			this.history = [...this.history, saved.attempt];
			sessionStorage.removeItem(this.#draftKey);
		} catch (e) {
			this.error = `Your attempt was not saved: ${errorMessage(e)}. Your answer is still here; try again.`;
		} finally {
			this.saving = false;
		}
	}

	/** A fresh attempt at the same question. */
	restart(): void {
		sessionStorage.removeItem(this.#draftKey);
		this.answer = '';
		this.ticked = emptyTicks();
		this.result = null;
		this.revealed = false;
		this.stoppedAt = null;
		this.error = null;
		clearInterval(this.#timer);
		this.start();
	}

	#tick(): void {
		clearInterval(this.#timer);
		this.#timer = setInterval(() => (this.now = Date.now()), 250);
	}

	async #load(): Promise<void> {
		this.historyLoading = true;
		try {
			const opened = await openInterviewQuestion(await getDb(), this.#questionId, new Date());
			this.history = opened.history;
			this.intervals = opened.intervals;
		} catch (e) {
			this.error = `Your past attempts could not be read: ${errorMessage(e)}`;
		} finally {
			this.historyLoading = false;
		}
	}

	#readDraft(): Draft | null {
		try {
			const parsed = JSON.parse(sessionStorage.getItem(this.#draftKey) ?? 'null') as Partial<Draft> | null;
			if (!parsed || typeof parsed.answer !== 'string' || typeof parsed.startedAt !== 'number' || !(parsed.startedAt >= 0)) return null;
			return { answer: parsed.answer, startedAt: parsed.startedAt, countdown: parsed.countdown !== false };
		} catch {
			return null;
		}
	}

	#saveDraft(): void {
		try {
			const draft: Draft = { answer: this.answer, startedAt: this.startedAt, countdown: this.countdown };
			sessionStorage.setItem(this.#draftKey, JSON.stringify(draft));
		} catch {
			// Storage full or disabled: the answer still lives on the page, only reload-safety is lost.
		}
	}
}
