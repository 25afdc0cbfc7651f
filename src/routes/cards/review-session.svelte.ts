// A review session's state: which card is up, whether its answer shows, grading, suspend/bury,
// multi-level undo and a cram mode that changes nothing. Every stored change is a workflow in
// src/lib/app (grade-card, flag-card, undo-review, review-queue); components only display this and
// forward keys and clicks. A grade shows the next card before its write settles; a write that
// fails puts the card back first in the queue and says so.
import { tick } from 'svelte';
import { flagReviewCard, type ReviewFlag } from '$lib/app/flag-card';
import { getDb } from '$lib/app/browser';
import { gradeReviewCard } from '$lib/app/grade-card';
import { openCramDeck, openReviewQueue } from '$lib/app/review-queue';
import { undoReview, type ReviewUndo } from '$lib/app/undo-review';
import { errorMessage } from '$lib/error-message';
import { seededRandom } from '$lib/ml/random';
import type { QueueCounts, SessionQueue } from '$lib/study/review-queue';
import { newCardState, previewIntervals, Rating, type Grade } from '$lib/study/scheduler';
import { cardScheduling, DEFAULT_STUDY_SETTINGS, type StudySettings } from '$lib/study/study-settings';

type UndoStep =
	/** A grade's undo is known once its write settles. */
	| { kind: 'stored'; saved: Promise<ReviewUndo> }
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
	/** Changes whenever a card may have been suspended, unsuspended or become a leech (the flagged-cards counts read again). */
	flagsChanged = $state(0);

	#queue: SessionQueue | null = null;
	/** The database the queue was opened from: a grade reaches it without waiting, so one key press grades one card. */
	#db: Awaited<ReturnType<typeof getDb>> | null = null;
	#undo: UndoStep[] = [];
	#cramQueue: string[] = [];
	#cramPosition = 0;
	#shownAt = 0;
	#generation = 0;
	#cardIds: string[] = [];
	/** Counts grades, flags and undos, so a queue read while one happened is not used. */
	#actions = 0;

	async start(cardIds: string[], cram: boolean): Promise<void> {
		// A newer start (the learner changed decks quickly) makes older ones stop where they are.
		const generation = ++this.#generation;
		this.#queue = null;
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
				const opened = await openReviewQueue(db, cardIds, new Date());
				if (generation !== this.#generation) return;
				this.settings = opened.settings;
				this.#queue = opened.queue;
				this.#db = db;
				this.#show();
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
		this.intervals = this.cram ? null : previewIntervals(this.#queue?.state(this.currentId) ?? newCardState(this.currentId, new Date()), new Date(), cardScheduling(this.settings));
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
		const queue = this.#queue;
		const db = this.#db;
		if (!queue || !db) return;
		const generation = this.#generation;
		this.#actions++;
		// Performance marks (visible in the browser's profiler; read by tests/bench/review-bench.ts).
		performance.mark('prep-lab:grade');
		this.notice = null;
		this.error = null;
		const now = new Date();
		const graded = gradeReviewCard(db, queue, { cardId: id, grade, shownForMs: now.getTime() - this.#shownAt }, this.settings, now);
		const step: UndoStep = { kind: 'stored', saved: graded.saved };
		this.#push(step);
		this.reviewedThisSession++;
		if (graded.becameLeech) this.notice = 'This card has now been forgotten 8 times (a leech). Consider rewriting it in your own words, or suspending it.';
		this.#show();
		await tick();
		performance.measure('prep-lab:grade-to-next-card', 'prep-lab:grade');
		try {
			await graded.saved;
			if (graded.becameLeech) this.flagsChanged++;
		} catch (e) {
			// The workflow has put the card back first in the queue; this grade is no longer undoable.
			this.#undo = this.#undo.filter((s) => s !== step);
			this.undoDepth = this.#undo.length;
			this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			if (generation !== this.#generation) return;
			this.error = `Your last grade was not saved (${errorMessage(e)}). The card is back in the queue: grade it again.`;
			this.#show();
		}
	}

	/**
	 * Reads today's queue again (another tab may have reviewed cards meanwhile), keeping the undo
	 * steps, and the card shown if it is still the one due first.
	 */
	async refresh(): Promise<void> {
		const generation = this.#generation;
		const actions = this.#actions;
		if (this.cram || !this.#queue || this.busy) return;
		let opened;
		try {
			opened = await openReviewQueue(await getDb(), this.#cardIds, new Date(), this.settings);
		} catch (e) {
			this.error = `Could not read your review state again: ${errorMessage(e)}`;
			return;
		}
		// A newer session, or a grade made meanwhile (which the read may not include), wins.
		if (generation !== this.#generation || actions !== this.#actions) return;
		this.#queue = opened.queue;
		const now = new Date();
		if (opened.queue.first(now) === this.currentId) this.counts = opened.queue.counts(now);
		else this.#show();
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
		if (this.busy) return;
		const step = this.#undo.pop();
		this.undoDepth = this.#undo.length;
		if (!step) return;
		if (step.kind === 'cram') {
			if (step.requeued) this.#cramQueue.pop();
			this.#cramPosition = step.position;
			this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			this.#showCram();
			return;
		}
		await this.#act(async (db, queue) => {
			// A grade whose write failed has already put its card back: nothing is left to undo.
			const undo = await step.saved.catch(() => null);
			if (!undo) return;
			await undoReview(db, undo, queue, new Date());
			if (undo.logId !== undefined) this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			this.flagsChanged++;
			this.notice = 'Undone.';
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
		await this.#act(async (db, queue) => {
			const undo = await flagReviewCard(db, flag, id, queue, new Date());
			this.#push({ kind: 'stored', saved: Promise.resolve(undo) });
			if (flag === 'suspend') this.flagsChanged++;
			this.notice = FLAG_NOTICES[flag];
		});
	}

	/** Runs a stored action on the session's queue, then shows the card it puts first. */
	async #act(action: (db: Awaited<ReturnType<typeof getDb>>, queue: SessionQueue) => Promise<void>): Promise<void> {
		const queue = this.#queue;
		if (!queue) return;
		this.#actions++;
		this.busy = true;
		this.notice = null;
		try {
			await action(await getDb(), queue);
			if (queue === this.#queue) this.#show();
		} catch (e) {
			this.error = `Your review was not saved: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	#show(): void {
		const now = new Date();
		this.counts = this.#queue?.counts(now) ?? { new: 0, learning: 0, review: 0 };
		this.currentId = this.#queue?.first(now) ?? null;
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
