// State of the practice exam page: setup, resuming or abandoning the exam in progress, finishing it
// (submit, time out, or stop early and score what was answered), the results and the history. Each
// workflow is a module in src/lib/app (start-exam, resume-exam, save-exam-progress, finish-exam,
// abandon-exam); the exam in progress is saved after every change (exam-saver.ts); answering and
// moving around are in exam-runner.svelte.ts. Components only display this state and forward intent.
import { abandonExam } from '$lib/app/abandon-exam';
import { getDb } from '$lib/app/browser';
import { loadExamHistory, type ExamHistory } from '$lib/app/exam-history';
import { finishExam, type FinishHow } from '$lib/app/finish-exam';
import { removeMistakeCard } from '$lib/app/remove-mistake';
import { findUnfinishedExam, type UnfinishedExam } from '$lib/app/resume-exam';
import { skippedMessage } from '$lib/app/skipped-records';
import { startExam, type NewExamSession } from '$lib/app/start-exam';
import { errorMessage } from '$lib/error-message';
import { leafResults, type ExamScore, type ItemResult } from '$lib/study/exam-engine';
import type { ExamSession } from '$lib/study/exam-session';
import { ExamRunner } from './exam-runner.svelte';
import { ExamSetupForm } from './exam-setup.svelte';
import { ExamSaver } from './exam-saver';
import { readLegacyExam, removeLegacyExam } from './legacy-exam';
import type { PracticeDomain, PracticeItem } from './practice-item';

export type { Confirmation, Mode, Phase } from './exam-runner.svelte';

/** While a timed exam runs, the time used is also saved this often, so closing the tab loses little. */
const CLOCK_SAVE_MS = 15_000;

export class PracticeExam extends ExamRunner {
	readonly setup: ExamSetupForm;
	loading = $state(true);
	error = $state<string | null>(null);
	saveError = $state<string | null>(null);
	attempts = $state.raw<ExamHistory['attempts']>([]);
	mistakes = $state.raw<ExamHistory['mistakes']>([]);
	/** Past attempts or mistakes stored in a shape this page cannot show, named with their problem. */
	skipped = $state<string | null>(null);
	/** The exam in progress found on opening the page, offered to resume or abandon. */
	unfinished = $state.raw<Exclude<UnfinishedExam, { kind: 'none' }> | null>(null);
	submitting = $state(false);

	// Results
	score = $state.raw<ExamScore | null>(null);
	partial = $state(false);
	timedOut = $state(false);
	mistakesAdded = $state(0);
	unanswered = $state.raw<string[]>([]);

	readonly domains: PracticeDomain[];
	#byId: Map<string, PracticeItem>;
	#all: PracticeItem[];
	#saver = new ExamSaver((e) => (this.saveError = e === null ? null : `Your answers could not be saved on this device (${errorMessage(e)}). They are still here while this tab stays open.`));
	#lastClockSave = 0;

	constructor(items: PracticeItem[], domains: PracticeDomain[]) {
		super();
		this.#all = items;
		this.domains = domains;
		this.setup = new ExamSetupForm(items, domains);
		this.#byId = new Map(items.flatMap((i) => [[i.id, i] as const, ...i.items.map((s) => [s.id, s] as const)]));
	}

	domainTitle(id: string | null | undefined): string {
		return this.domains.find((d) => d.id === id)?.title ?? id ?? '';
	}

	resultOf(id: string): ItemResult | undefined {
		return this.score ? leafResults(this.score.results).find((r) => r.itemId === id) : undefined;
	}

	protected override changed(): void {
		this.#lastClockSave = this.clock.now;
		this.#saver.save(this.session(this.clock.now));
	}

	/** Saves the exam in progress now (the page calls this when it is hidden or closed). */
	persist(now: number): void {
		if (this.phase !== 'running' && this.phase !== 'review') return;
		this.clock.now = now;
		this.changed();
	}

	// Loading, resuming, abandoning

	async load(now = Date.now()): Promise<void> {
		this.loading = true;
		try {
			const found = await findUnfinishedExam(await getDb(), this.#all, new Date(now), readLegacyExam());
			removeLegacyExam();
			if (found.kind !== 'none') {
				this.unfinished = found;
				this.phase = 'resume';
			}
		} catch (e) {
			this.error = `Your exam in progress could not be read: ${errorMessage(e)}`;
		}
		await this.#loadHistory();
		this.loading = false;
	}

	async #loadHistory(): Promise<void> {
		try {
			const history = await loadExamHistory(await getDb());
			[this.attempts, this.mistakes] = [history.attempts, history.mistakes];
			this.skipped = skippedMessage(history.skipped);
		} catch (e) {
			this.error = `Your past attempts could not be read: ${errorMessage(e)}`;
		}
	}

	resume(now = Date.now()): void {
		if (this.unfinished?.kind !== 'resumable') return;
		this.#run(this.unfinished.session, now);
		this.unfinished = null;
	}

	#run(session: NewExamSession & Partial<ExamSession>, now: number): void {
		this.runMode = session.mode;
		this.runDomain = session.domain;
		this.seed = session.seed;
		this.items = session.itemIds.map((id) => this.#byId.get(id)!);
		this.responses = session.responses;
		this.marked = session.marked;
		this.checked = session.checked;
		this.position = Math.min(session.position, this.questions.length - 1);
		this.clock.resume({ startedAt: session.startedAt ?? new Date(now), minutes: session.minutes, strict: session.strict, usedMs: session.usedMs ?? 0 }, now);
		this.score = null;
		this.timedOut = false;
		this.confirming = null;
		this.error = null;
		this.#saver.open();
		this.#lastClockSave = now;
		this.phase = 'running';
	}

	/** Abandon asks first (saying how many answers go); from the running exam that is the "Discard" choice. */
	requestAbandon(): void {
		this.confirming = 'abandon';
	}

	/** Answers the exam in progress (or the one offered to resume) would lose. */
	get answersAtStake(): number {
		return this.unfinished?.kind === 'resumable' ? this.unfinished.summary.answered : this.phase === 'running' || this.phase === 'review' ? this.answeredCount : 0;
	}

	async abandon(): Promise<void> {
		this.confirming = null;
		try {
			await this.#saver.close();
			await abandonExam(await getDb());
			this.unfinished = null;
			this.items = [];
			this.phase = 'start';
		} catch (e) {
			this.#saver.open();
			this.error = `The exam could not be abandoned: ${errorMessage(e)}`;
		}
	}

	// Setup

	/** Draws and starts an exam. `seed` comes from the caller (the page's clock, or a URL for a repeatable exam). */
	start(seed: number, now: number): void {
		if (this.loading || this.unfinished) return; // never overwrite an exam in progress
		const started = startExam(this.#all, this.domains, this.setup, seed);
		if ('problem' in started) {
			this.error = started.problem;
			return;
		}
		this.#run(started.session, now);
		this.clock.start(now, started.session.minutes, started.session.strict);
		this.changed();
	}

	// Finishing

	/** Submitting with unanswered questions asks first. */
	override requestSubmit(): void {
		if (this.unansweredCount > 0) this.confirming = 'submit';
		else void this.submit();
	}

	/** Stopping asks first: score what was answered, keep working, or discard. */
	requestStop(): void {
		this.confirming = 'stop';
	}

	/** Called every second by the page; submits by itself when the time is up. */
	tick(now: number): void {
		this.clock.now = now;
		const active = this.phase === 'running' || this.phase === 'review';
		if (active && this.clock.minutes !== null && now - this.#lastClockSave >= CLOCK_SAVE_MS) this.changed();
		// Only one automatic try: if saving fails, the error is shown and the learner submits by hand.
		if (this.remainingMs === 0 && active && !this.submitting && !this.timedOut) {
			this.timedOut = true;
			void this.submit();
		}
	}

	submit(): Promise<void> {
		return this.#finish(this.timedOut ? 'timed-out' : 'submitted');
	}

	/** Stops early: what was answered is scored and kept, as a partial attempt. */
	stop(): Promise<void> {
		return this.#finish('stopped');
	}

	async #finish(how: FinishHow): Promise<void> {
		if (this.submitting || this.items.length === 0) return;
		this.confirming = null;
		this.submitting = true;
		this.error = null;
		const now = Math.max(this.clock.now, Date.now());
		try {
			await this.#saver.close();
			const done = await finishExam(await getDb(), { ...this.session(now), savedAt: new Date(now) }, this.items, how, new Date(now));
			this.score = done.score;
			this.partial = done.partial;
			this.mistakesAdded = done.mistakesAdded;
			this.unanswered = done.unanswered;
			this.timedOut = how === 'timed-out';
			this.phase = 'results';
			await this.#loadHistory();
		} catch (e) {
			this.#saver.open();
			this.error = `Your exam could not be saved: ${errorMessage(e)}. Your answers are still here; try again.`;
		} finally {
			this.submitting = false;
		}
	}

	newExam(): void {
		this.items = [];
		this.score = null;
		this.phase = 'start';
	}

	async removeMistake(itemId: string): Promise<void> {
		try {
			this.mistakes = await removeMistakeCard(await getDb(), itemId);
		} catch (e) {
			this.error = `The mistake could not be removed: ${errorMessage(e)}`;
		}
	}
}
