// A review session's state: which card is up, whether its answer shows, grading, suspend/bury,
// multi-level undo and a cram mode that changes nothing. Every stored change is a workflow in
// src/lib/app (grade-card, flag-card, undo-review, review-queue); components only display this and
// forward keys and clicks.
import { flagReviewCard, type ReviewFlag } from '$lib/app/flag-card';
import { getDb } from '$lib/app/browser';
import { gradeReviewCard } from '$lib/app/grade-card';
import { openCramDeck, openReviewQueue, type OpenedReviewQueue } from '$lib/app/review-queue';
import { undoReview, type ReviewUndo } from '$lib/app/undo-review';
import { errorMessage } from '$lib/error-message';
import { seededRandom } from '$lib/ml/random';
import type { QueueCounts } from '$lib/study/review-queue';
import { newCardState, previewIntervals, Rating, type CardState, type Grade } from '$lib/study/scheduler';
import { cardScheduling, DEFAULT_STUDY_SETTINGS, type StudySettings } from '$lib/study/study-settings';

type UndoStep =
	| ({ kind: 'stored' } & ReviewUndo)
	/** Cram changes nothing stored: undo only moves back in the cram queue. */
	| { kind: 'cram'; position: number; requeued: boolean };

const UNDO_LIMIT = 50;

const FLAG_NOTICES: Record<ReviewFlag, string> = {
	suspend: 'Card suspended. Undo with Ctrl+Z.',
	bury: 'Card buried until tomorrow. Undo with Ctrl+Z.'
};

export class ReviewSession {
	loading = $state(true);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	currentId = $state<string | null>(null);
	revealed = $state(false);
	counts = $state<QueueCounts>({ new: 0, learning: 0, review: 0 });
	reviewedThisSession = $state(0);
	intervals = $state<Record<Grade, string> | null>(null);
	busy = $state(false);
	cram = $state(false);
	cramLeft = $state(0);
	undoDepth = $state(0);
	settings = $state<StudySettings>({ ...DEFAULT_STUDY_SETTINGS });

	#cardIds: string[] = [];
	#states = new Map<string, CardState>();
	#undo: UndoStep[] = [];
	#cramQueue: string[] = [];
	#cramPosition = 0;
	#shownAt = 0;
	#generation = 0;

	async start(cardIds: string[], cram: boolean): Promise<void> {
		// A newer start (the learner changed decks quickly) makes older ones stop where they are.
		const generation = ++this.#generation;
		this.#cardIds = cardIds;
		this.cram = cram;
		this.loading = true;
		this.error = null;
		this.notice = null;
		this.#undo = [];
		this.undoDepth = 0;
		try {
			const db = await getDb();
			if (cram) {
				const deck = await openCramDeck(db, cardIds, seededRandom(Date.now() & 0xffffffff));
				if (generation !== this.#generation) return;
				this.settings = deck.settings;
				this.#cramQueue = deck.cardIds;
				this.#cramPosition = 0;
				this.#showCram();
			} else {
				const queue = await openReviewQueue(db, cardIds, new Date());
				if (generation !== this.#generation) return;
				this.settings = queue.settings;
				this.#show(queue);
			}
		} catch (e) {
			this.error = `Could not load your review state: ${errorMessage(e)}`;
		} finally {
			if (generation === this.#generation) this.loading = false;
		}
	}

	reveal(): void {
		if (!this.currentId || this.revealed) return;
		this.revealed = true;
		this.intervals = this.cram ? null : previewIntervals(this.#states.get(this.currentId) ?? newCardState(this.currentId, new Date()), new Date(), cardScheduling(this.settings));
	}

	async grade(grade: Grade): Promise<void> {
		const id = this.currentId;
		if (!id || !this.revealed || this.busy) return;
		if (this.cram) {
			// Cram changes no schedule: a forgotten card simply comes round again at the end.
			this.#push({ kind: 'cram', position: this.#cramPosition, requeued: grade === Rating.Again });
			if (grade === Rating.Again) this.#cramQueue.push(id);
			this.#cramPosition++;
			this.reviewedThisSession++;
			this.#showCram();
			return;
		}
		// Performance marks (visible in the browser's profiler; read by tests/bench/review-bench.ts).
		performance.mark('prep-lab:grade');
		await this.#act(async (db) => {
			const now = new Date();
			const card = { cardId: id, stored: this.#states.get(id), grade, shownForMs: now.getTime() - this.#shownAt };
			const graded = await gradeReviewCard(db, card, this.#cardIds, this.settings, now);
			this.#push({ kind: 'stored', ...graded.undo });
			this.reviewedThisSession++;
			if (graded.becameLeech) this.notice = 'This card has now been forgotten 8 times (a leech). Consider rewriting it in your own words, or suspending it.';
			return graded.queue;
		});
		performance.measure('prep-lab:grade-to-next-card', 'prep-lab:grade');
	}

	/** Hides the card until it is unsuspended. */
	suspend(): Promise<void> {
		return this.#flag('suspend');
	}

	/** Hides the card until tomorrow. */
	bury(): Promise<void> {
		return this.#flag('bury');
	}

	async undo(): Promise<void> {
		const step = this.#undo.pop();
		this.undoDepth = this.#undo.length;
		if (!step || this.busy) return;
		if (step.kind === 'cram') {
			if (step.requeued) this.#cramQueue.pop();
			this.#cramPosition = step.position;
			this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			this.#showCram();
			return;
		}
		await this.#act(async (db) => {
			const queue = await undoReview(db, step, this.#cardIds, this.settings, new Date());
			if (step.logId !== undefined) this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			this.notice = 'Undone.';
			return queue;
		});
	}

	#push(step: UndoStep) {
		this.#undo.push(step);
		if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
		this.undoDepth = this.#undo.length;
	}

	async #flag(flag: ReviewFlag): Promise<void> {
		const id = this.currentId;
		if (!id || this.busy || this.cram) return;
		await this.#act(async (db) => {
			const flagged = await flagReviewCard(db, flag, { cardId: id, stored: this.#states.get(id) }, this.#cardIds, this.settings, new Date());
			this.#push({ kind: 'stored', ...flagged.undo });
			this.notice = FLAG_NOTICES[flag];
			return flagged.queue;
		});
	}

	/** Runs a stored action, then shows the queue it returns. */
	async #act(action: (db: Awaited<ReturnType<typeof getDb>>) => Promise<OpenedReviewQueue>): Promise<void> {
		this.busy = true;
		this.notice = null;
		try {
			this.#show(await action(await getDb()));
		} catch (e) {
			this.error = `Your review was not saved: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	#show(queue: OpenedReviewQueue): void {
		this.#states = queue.states;
		this.counts = queue.counts;
		this.currentId = queue.cardIds[0] ?? null;
		this.#reset();
	}

	#showCram() {
		this.currentId = this.#cramQueue[this.#cramPosition] ?? null;
		this.cramLeft = Math.max(0, this.#cramQueue.length - this.#cramPosition);
		this.#reset();
	}

	#reset() {
		this.revealed = false;
		this.intervals = null;
		this.#shownAt = Date.now();
	}
}
