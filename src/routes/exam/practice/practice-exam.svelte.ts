// State of the practice exam page: setup, the item-by-item runner (answers, marks, timer), the
// review screen, and submission into IndexedDB. The in-progress exam is mirrored to
// sessionStorage after every change so a reload resumes it. Components only display this state
// and forward keys and clicks.
import { skippedMessage } from '$lib/app/skipped-records';
import { getDb } from '$lib/db/browser-db';
import { examAttemptRecord, listExamAttempts, listMistakes, removeMistake, saveExamAttempt } from '$lib/db/exam-store';
import type { StoredExamAttempt, StoredMistake } from '$lib/db/schema';
import {
	displayOrder,
	drawExam,
	examMinutes,
	examQuestions,
	isAnswered,
	leafResults,
	scoreExam,
	scoreItem,
	type ExamQuestion,
	type ExamScore,
	type ItemResponse,
	type ItemResult,
	type Responses
} from '$lib/study/exam-engine';
import { readSavedExam, SAVED_EXAM_KEY, type SavedExam } from '$lib/study/exam-session';
import type { PracticeDomain, PracticeItem } from './practice-item';

export type Phase = 'start' | 'running' | 'review' | 'results';
export type Mode = 'full' | 'domain';
export type Confirmation = 'submit' | 'abandon' | null;

/** Practice-by-domain lengths; 0 means every item of the domain. */
export const DOMAIN_LENGTHS = [10, 20, 0] as const;

import { errorMessage as describe } from '$lib/error-message';

export class PracticeExam {
	// Setup
	mode = $state<Mode>('full');
	length = $state(40);
	timed = $state(true);
	domain = $state('');
	domainLength = $state<number>(10);

	phase = $state<Phase>('start');
	loading = $state(true);
	error = $state<string | null>(null);
	/** Past attempts or mistakes stored in a shape this page cannot show, named with their problem. */
	skipped = $state<string | null>(null);
	attempts = $state.raw<StoredExamAttempt[]>([]);
	mistakes = $state.raw<StoredMistake[]>([]);

	// The exam in progress
	runMode = $state<Mode>('full');
	runDomain = $state<string | null>(null);
	items = $state.raw<PracticeItem[]>([]);
	questions = $derived<ExamQuestion<PracticeItem>[]>(examQuestions(this.items));
	seed = $state(0);
	position = $state(0);
	responses = $state.raw<Responses>({});
	marked = $state.raw<string[]>([]);
	checked = $state.raw<string[]>([]);
	startedAt = $state(0);
	minutes = $state<number | null>(null);
	now = $state(Date.now());
	confirming = $state<Confirmation>(null);
	submitting = $state(false);
	resumed = $state(false);

	// Results
	score = $state.raw<ExamScore | null>(null);
	timedOut = $state(false);
	mistakesAdded = $state(0);

	readonly domains: PracticeDomain[];
	#byId: Map<string, PracticeItem>;
	#all: PracticeItem[];

	constructor(items: PracticeItem[], domains: PracticeDomain[]) {
		this.#all = items;
		this.domains = domains;
		this.domain = domains[0]?.id ?? '';
		this.#byId = new Map(items.flatMap((i) => [[i.id, i] as const, ...i.items.map((s) => [s.id, s] as const)]));
	}

	get current(): ExamQuestion<PracticeItem> | undefined {
		return this.questions[this.position];
	}

	get total(): number {
		return this.questions.length;
	}

	domainTitle(id: string | null | undefined): string {
		return this.domains.find((d) => d.id === id)?.title ?? id ?? '';
	}

	/** Items of a domain, counting each case sub-item. */
	domainSize(id: string): number {
		return this.#all.filter((i) => i.domain === id).reduce((s, i) => s + (i.type === 'case' ? i.items.length : 1), 0);
	}

	get plannedMinutes(): number {
		return examMinutes(this.length);
	}

	/** Milliseconds left, or null without a timer. */
	get remainingMs(): number | null {
		return this.minutes === null ? null : Math.max(0, this.startedAt + this.minutes * 60_000 - this.now);
	}

	responseOf(id: string): ItemResponse | undefined {
		return this.responses[id];
	}

	answered(q: ExamQuestion<PracticeItem>): boolean {
		return isAnswered(q.item, this.responses[q.item.id]);
	}

	get unansweredCount(): number {
		return this.questions.filter((q) => !this.answered(q)).length;
	}

	isMarked(id: string): boolean {
		return this.marked.includes(id);
	}

	isChecked(id: string): boolean {
		return this.checked.includes(id);
	}

	/** Content indexes of the current item's options in display order. */
	optionOrder(item: PracticeItem): number[] {
		return displayOrder(item, this.seed);
	}

	/** The steps of an ordering item as the learner currently has them. */
	stepOrder(item: PracticeItem): number[] {
		const r = this.responses[item.id];
		return r?.kind === 'order' ? r.order : this.optionOrder(item);
	}

	/** Instant feedback for a checked question (practice by domain). */
	feedback(item: PracticeItem): ItemResult | null {
		return this.isChecked(item.id) ? scoreItem(item, this.responses[item.id]) : null;
	}

	resultOf(id: string): ItemResult | undefined {
		return this.score ? leafResults(this.score.results).find((r) => r.itemId === id) : undefined;
	}

	// Loading and resuming

	async load(): Promise<void> {
		this.loading = true;
		try {
			const saved = readSavedExam(sessionStorage.getItem(SAVED_EXAM_KEY), new Set(this.#all.map((i) => i.id)));
			if (saved) this.#restore(saved);
			else sessionStorage.removeItem(SAVED_EXAM_KEY);
		} catch {
			// sessionStorage can be unavailable (privacy settings); the exam then simply does not survive a reload.
		}
		await this.#loadHistory();
		this.loading = false;
	}

	async #loadHistory(): Promise<void> {
		try {
			const db = await getDb();
			const skipped: string[] = [];
			[this.attempts, this.mistakes] = await Promise.all([listExamAttempts(db, skipped), listMistakes(db, skipped)]);
			this.skipped = skippedMessage(skipped);
		} catch (e) {
			this.error = `Your past attempts could not be read: ${describe(e)}`;
		}
	}

	#restore(saved: SavedExam): void {
		this.runMode = saved.mode;
		this.runDomain = saved.domain;
		this.seed = saved.seed;
		this.items = saved.itemIds.map((id) => this.#byId.get(id)!);
		this.responses = saved.responses;
		this.marked = saved.marked;
		this.checked = saved.checked;
		this.position = Math.min(Math.max(0, Math.trunc(saved.position)), this.questions.length - 1);
		this.startedAt = saved.startedAt;
		this.minutes = saved.minutes;
		this.now = Date.now();
		this.phase = 'running';
		this.resumed = true;
	}

	#save(): void {
		const saved: SavedExam = {
			version: 1,
			mode: this.runMode,
			domain: this.runDomain,
			seed: this.seed,
			itemIds: this.items.map((i) => i.id),
			responses: this.responses,
			marked: this.marked,
			checked: this.checked,
			position: this.position,
			startedAt: this.startedAt,
			minutes: this.minutes
		};
		try {
			sessionStorage.setItem(SAVED_EXAM_KEY, JSON.stringify(saved));
		} catch {
			// See load(): without sessionStorage the exam still works, it just does not survive a reload.
		}
	}

	#clearSaved(): void {
		try {
			sessionStorage.removeItem(SAVED_EXAM_KEY);
		} catch {
			// Nothing was saved.
		}
	}

	// Setup

	/** Draws and starts an exam. `seed` comes from the caller (the page's clock, or a URL for a repeatable exam). */
	start(seed: number, now: number): void {
		const full = this.mode === 'full';
		const domains = full ? this.domains : this.domains.filter((d) => d.id === this.domain);
		const length = full ? this.length : this.domainLength || this.domainSize(this.domain);
		const items = drawExam(this.#all, domains, length, seed);
		if (items.length === 0) {
			this.error = 'There are no practice items for this choice.';
			return;
		}
		this.error = null;
		this.runMode = this.mode;
		this.runDomain = full ? null : this.domain;
		this.seed = seed;
		this.items = items;
		this.responses = {};
		this.marked = [];
		this.checked = [];
		this.position = 0;
		this.startedAt = now;
		this.now = now;
		this.minutes = full && this.timed ? examMinutes(this.questions.length) : null;
		this.score = null;
		this.timedOut = false;
		this.mistakesAdded = 0;
		this.resumed = false;
		this.confirming = null;
		this.phase = 'running';
		this.#save();
	}

	// Answering

	#locked(id: string): boolean {
		return this.phase !== 'running' || this.isChecked(id);
	}

	#respond(id: string, response: ItemResponse): void {
		if (this.#locked(id)) return;
		this.responses = { ...this.responses, [id]: response };
		this.#save();
	}

	/** Picks (single) or toggles (multiple) the option at a content index. */
	choose(item: PracticeItem, option: number): void {
		const r = this.responses[item.id];
		const selected = r?.kind === 'choice' ? r.selected : [];
		if (item.type === 'single') this.#respond(item.id, { kind: 'choice', selected: [option] });
		else this.#respond(item.id, { kind: 'choice', selected: selected.includes(option) ? selected.filter((o) => o !== option) : [...selected, option].sort((a, b) => a - b) });
	}

	answerStatement(item: PracticeItem, statement: number, answer: boolean): void {
		const r = this.responses[item.id];
		const answers = item.statements.map((_, i) => (r?.kind === 'yesno' ? (r.answers[i] ?? null) : null));
		answers[statement] = answer;
		this.#respond(item.id, { kind: 'yesno', answers });
	}

	/** Moves the step at `position` up (-1) or down (+1). */
	moveStep(item: PracticeItem, position: number, delta: -1 | 1): void {
		const order = [...this.stepOrder(item)];
		const to = position + delta;
		if (to < 0 || to >= order.length) return;
		[order[position], order[to]] = [order[to]!, order[position]!];
		this.#respond(item.id, { kind: 'order', order });
	}

	/** Answers an ordering item with the order shown, without moving anything. */
	keepOrder(item: PracticeItem): void {
		this.#respond(item.id, { kind: 'order', order: [...this.stepOrder(item)] });
	}

	/**
	 * Number key n: picks or toggles the n-th option as displayed; on a yes/no item it answers
	 * statement n, Yes first, and flips it on the next press.
	 */
	numberKey(n: number): void {
		const item = this.current?.item;
		if (!item || this.#locked(item.id)) return;
		if (item.type === 'single' || item.type === 'multiple') {
			const option = this.optionOrder(item)[n - 1];
			if (option !== undefined) this.choose(item, option);
		} else if (item.type === 'yesno' && n <= item.statements.length) {
			const r = this.responses[item.id];
			const given = r?.kind === 'yesno' ? r.answers[n - 1] : null;
			this.answerStatement(item, n - 1, given === true ? false : true);
		}
	}

	toggleMark(): void {
		const id = this.current?.item.id;
		if (!id || this.phase !== 'running') return;
		this.marked = this.isMarked(id) ? this.marked.filter((m) => m !== id) : [...this.marked, id];
		this.#save();
	}

	// Moving around

	goTo(index: number): void {
		if (index < 0 || index >= this.questions.length) return;
		this.position = index;
		this.phase = 'running';
		this.#save();
	}

	previous(): void {
		if (this.phase === 'running') this.goTo(this.position - 1);
	}

	/** Next question; after the last one, the review screen (full exam) or submission (practice). */
	next(): void {
		if (this.phase !== 'running') return;
		if (this.position < this.questions.length - 1) this.goTo(this.position + 1);
		else if (this.runMode === 'full') this.openReview();
		else this.requestSubmit();
	}

	/** Practice by domain: locks the answer and shows whether it was right, with every option explained. */
	check(): void {
		const item = this.current?.item;
		if (!item || this.runMode !== 'domain' || this.#locked(item.id) || !this.answered(this.current!)) return;
		this.checked = [...this.checked, item.id];
		this.#save();
	}

	/** Enter: check the answer first in practice mode, otherwise go on. */
	primary(): void {
		const q = this.current;
		if (!q || this.phase !== 'running') return;
		if (this.runMode === 'domain' && this.answered(q) && !this.isChecked(q.item.id)) this.check();
		else this.next();
	}

	openReview(): void {
		if (this.phase !== 'running' || this.runMode !== 'full') return;
		this.phase = 'review';
	}

	// Finishing

	/** Submitting with unanswered questions asks first. */
	requestSubmit(): void {
		if (this.unansweredCount > 0) this.confirming = 'submit';
		else void this.submit();
	}

	requestAbandon(): void {
		this.confirming = 'abandon';
	}

	cancelConfirmation(): void {
		this.confirming = null;
	}

	abandon(): void {
		this.confirming = null;
		this.#clearSaved();
		this.items = [];
		this.phase = 'start';
	}

	/** Called every second by the page; submits by itself when the time is up. */
	tick(now: number): void {
		this.now = now;
		// Only one automatic try: if saving fails, the error is shown and the learner submits by hand.
		if (this.remainingMs === 0 && (this.phase === 'running' || this.phase === 'review') && !this.submitting && !this.timedOut) {
			this.timedOut = true;
			void this.submit();
		}
	}

	async submit(): Promise<void> {
		if (this.submitting || this.items.length === 0) return;
		this.confirming = null;
		this.submitting = true;
		this.error = null;
		try {
			const finishedAt = new Date(Math.max(this.now, Date.now()));
			const score = scoreExam(this.items, this.responses);
			const mistakes: StoredMistake[] = leafResults(score.results)
				.filter((r) => !r.correct)
				.flatMap((r) => {
					const item = this.#byId.get(r.itemId);
					return item?.mistake ? [{ itemId: item.id, domain: item.domain, note: item.note.id, front: item.mistake.front, back: item.mistake.back, addedAt: finishedAt }] : [];
				});
			const attempt = examAttemptRecord(score, { mode: this.runMode, domain: this.runDomain, startedAt: new Date(this.startedAt), finishedAt });
			await saveExamAttempt(await getDb(), attempt, mistakes);
			this.#clearSaved();
			this.score = score;
			this.mistakesAdded = mistakes.length;
			this.phase = 'results';
			await this.#loadHistory();
		} catch (e) {
			this.error = `Your exam could not be saved: ${describe(e)}. Your answers are still here; try submitting again.`;
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
			const db = await getDb();
			await removeMistake(db, itemId);
			this.mistakes = await listMistakes(db);
		} catch (e) {
			this.error = `The mistake could not be removed: ${describe(e)}`;
		}
	}
}
