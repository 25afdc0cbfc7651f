// The exam being taken: its items, answers, marks, position and clock, and every way to answer and
// move around. No storage here: after each change it calls `changed()`, which the page state
// (practice-exam.svelte.ts) uses to save the session.
import {
	displayOrder,
	examQuestions,
	isAnswered,
	scoreItem,
	type ExamQuestion,
	type ItemResponse,
	type ItemResult,
	type Responses
} from '$lib/study/exam-engine';
import type { ExamSession } from '$lib/study/exam-session';
import { ExamClock } from './exam-clock.svelte';
import type { PracticeItem } from './practice-item';

export type Phase = 'start' | 'resume' | 'running' | 'review' | 'results';
export type Mode = 'full' | 'domain';
export type Confirmation = 'submit' | 'stop' | 'abandon' | null;

export class ExamRunner {
	phase = $state<Phase>('start');
	confirming = $state<Confirmation>(null);
	runMode = $state<Mode>('full');
	runDomain = $state<string | null>(null);
	items = $state.raw<PracticeItem[]>([]);
	questions = $derived<ExamQuestion<PracticeItem>[]>(examQuestions(this.items));
	seed = $state(0);
	position = $state(0);
	responses = $state.raw<Responses>({});
	marked = $state.raw<string[]>([]);
	checked = $state.raw<string[]>([]);
	readonly clock = new ExamClock();

	/** Called after every change to the exam in progress. */
	protected changed(): void {}

	get current(): ExamQuestion<PracticeItem> | undefined {
		return this.questions[this.position];
	}

	get total(): number {
		return this.questions.length;
	}

	get remainingMs(): number | null {
		return this.clock.remainingMs;
	}

	responseOf(id: string): ItemResponse | undefined {
		return this.responses[id];
	}

	answered(q: ExamQuestion<PracticeItem>): boolean {
		return isAnswered(q.item, this.responses[q.item.id]);
	}

	get answeredCount(): number {
		return this.questions.filter((q) => this.answered(q)).length;
	}

	get unansweredCount(): number {
		return this.total - this.answeredCount;
	}

	isMarked(id: string): boolean {
		return this.marked.includes(id);
	}

	isChecked(id: string): boolean {
		return this.checked.includes(id);
	}

	/** Content indexes of an item's options in display order. */
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

	/** The exam in progress as it is saved. */
	session(now: number): Omit<ExamSession, 'savedAt'> {
		return {
			mode: this.runMode,
			domain: this.runDomain,
			seed: this.seed,
			itemIds: this.items.map((i) => i.id),
			responses: this.responses,
			marked: this.marked,
			checked: this.checked,
			position: this.position,
			startedAt: new Date(this.clock.startedAt),
			minutes: this.clock.minutes,
			strict: this.clock.strict,
			usedMs: this.clock.usedMs(now)
		};
	}

	// Answering

	#locked(id: string): boolean {
		return this.phase !== 'running' || this.isChecked(id);
	}

	#respond(id: string, response: ItemResponse): void {
		if (this.#locked(id)) return;
		this.responses = { ...this.responses, [id]: response };
		this.changed();
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
		this.changed();
	}

	// Moving around

	goTo(index: number): void {
		if (index < 0 || index >= this.questions.length) return;
		this.position = index;
		this.phase = 'running';
		this.changed();
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
		this.changed();
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

	/** Submitting with unanswered questions asks first (see PracticeExam.submit). */
	requestSubmit(): void {
		this.confirming = 'submit';
	}

	cancelConfirmation(): void {
		this.confirming = null;
	}
}
