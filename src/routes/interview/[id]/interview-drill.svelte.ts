// State of one mock-interview drill: the clock, the learner's draft (kept in sessionStorage so a
// reload does not lose it), the ticked checklist, and saving + scheduling the attempt.
import type { CaterPart } from '$lib/content/schema';
import { getDb } from '$lib/db/browser-db';
import { listAttemptsFor, saveInterviewAttempt } from '$lib/db/interview-store';
import type { StoredInterviewAttempt } from '$lib/db/schema';
import { gradeInterview, type Checklist, type InterviewGrade } from '$lib/study/interview-grading';
import { formatInterval } from '$lib/study/scheduler';

export const DEFAULT_LIMIT_MS = 2 * 60_000;

interface Draft {
	answer: string;
	startedAt: number;
	countdown: boolean;
}

export interface SavedResult extends InterviewGrade {
	due: Date;
	/** "10m", "3d": how long until the question comes back. */
	comesBackIn: string;
}

const emptyTicks = (): Record<CaterPart, number[]> => ({ context: [], architecture: [], tradeoffs: [], execution: [], risks: [] });

import { errorMessage as describe } from '$lib/error-message';

export class InterviewDrill {
	answer = $state('');
	countdown = $state(true);
	readonly limitMs = DEFAULT_LIMIT_MS;
	startedAt = $state(0);
	now = $state(0);
	/** When the model answer was shown: the answer time stops there. */
	stoppedAt = $state<number | null>(null);
	revealed = $state(false);
	ticked = $state(emptyTicks());
	saving = $state(false);
	result = $state<SavedResult | null>(null);
	history = $state.raw<StoredInterviewAttempt[]>([]);
	historyLoading = $state(true);
	error = $state<string | null>(null);

	elapsedMs = $derived(Math.max(0, (this.stoppedAt ?? this.now) - this.startedAt));
	remainingMs = $derived(Math.max(0, this.limitMs - this.elapsedMs));
	timeUp = $derived(this.startedAt > 0 && this.elapsedMs >= this.limitMs);

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

	/** Restores a draft of this question (the clock keeps running from its start) or starts fresh. */
	start(): void {
		const draft = this.#readDraft();
		this.answer = draft?.answer ?? '';
		this.countdown = draft?.countdown ?? true;
		this.startedAt = draft?.startedAt ?? Date.now();
		this.now = Date.now();
		this.#saveDraft();
		this.#timer = setInterval(() => (this.now = Date.now()), 250);
		this.#loadHistory();
	}

	dispose(): void {
		clearInterval(this.#timer);
	}

	/** Called as the learner types or toggles the countdown. */
	keepDraft(): void {
		if (!this.result) this.#saveDraft();
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
			const saved = await saveInterviewAttempt(
				await getDb(),
				{
					questionId: this.#questionId,
					startedAt: new Date(this.startedAt),
					durationMs: this.elapsedMs,
					answer: this.answer,
					ticked: $state.snapshot(this.ticked),
					partScores: grade.partScores,
					grade: grade.grade
				},
				now
			);
			this.result = { ...grade, due: saved.next.due, comesBackIn: formatInterval(saved.next.due.getTime() - now.getTime()) };
			this.history = [...this.history, saved.attempt];
			sessionStorage.removeItem(this.#draftKey);
		} catch (e) {
			this.error = `Your attempt was not saved: ${describe(e)}. Your answer is still here; try again.`;
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

	async #loadHistory(): Promise<void> {
		this.historyLoading = true;
		try {
			this.history = await listAttemptsFor(await getDb(), this.#questionId);
		} catch (e) {
			this.error = `Your past attempts could not be read: ${describe(e)}`;
		} finally {
			this.historyLoading = false;
		}
	}

	#readDraft(): Draft | null {
		try {
			const parsed = JSON.parse(sessionStorage.getItem(this.#draftKey) ?? 'null') as Partial<Draft> | null;
			if (!parsed || typeof parsed.answer !== 'string' || typeof parsed.startedAt !== 'number') return null;
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
