// A review session's state: which card is up, whether its answer shows, grading through the
// scheduler into IndexedDB, suspend/bury, multi-level undo and a cram mode that changes nothing.
// Components only display this and forward keys and clicks.
import { getDb } from '$lib/db/browser-db';
import { loadCardStates, loadReviewQueue, restoreCardState, saveCardState, saveReview } from '$lib/db/review-store';
import { loadStudySettings } from '$lib/db/settings-store';
import { seededRandom, shuffle } from '$lib/ml/random';
import { startOfDay, type QueueCounts } from '$lib/study/review-queue';
import { gradeCard, newCardState, previewIntervals, Rating, type CardState, type Grade } from '$lib/study/scheduler';
import { cardScheduling, DEFAULT_STUDY_SETTINGS, type StudySettings } from '$lib/study/study-settings';

interface UndoStep {
	cardId: string;
	/** The card's stored state before the action; undefined if it had none (a new card). */
	previous: CardState | undefined;
	/** The review log entry the action added, if it was a review. */
	logId?: number;
	/** Position in the cram queue before the action (cram changes nothing stored). */
	cramPosition?: number;
	/** Whether the cram action put the card back at the end of the queue. */
	cramRequeued?: boolean;
}

const UNDO_LIMIT = 50;

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
			const settings = await loadStudySettings(db);
			if (generation !== this.#generation) return;
			this.settings = settings;
			if (cram) {
				this.#states = await loadCardStates(db);
				if (generation !== this.#generation) return;
				this.#cramQueue = shuffle([...cardIds], seededRandom(Date.now() & 0xffffffff));
				this.#cramPosition = 0;
				this.#showCram();
			} else {
				await this.#advance();
			}
		} catch (e) {
			this.error = `Could not load your review state: ${(e as Error).message}`;
		} finally {
			if (generation === this.#generation) this.loading = false;
		}
	}

	reveal(): void {
		if (!this.currentId || this.revealed) return;
		this.revealed = true;
		this.intervals = this.cram ? null : previewIntervals(this.#stateOf(this.currentId), new Date(), this.#schedulerSettings());
	}

	async grade(grade: Grade): Promise<void> {
		const id = this.currentId;
		if (!id || !this.revealed || this.busy) return;
		if (this.cram) {
			// Cram changes no schedule: a forgotten card simply comes round again at the end.
			this.#push({ cardId: id, previous: undefined, cramPosition: this.#cramPosition, cramRequeued: grade === Rating.Again });
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
			const previous = this.#states.get(id);
			const { next, log } = gradeCard(this.#stateOf(id), grade, now, now.getTime() - this.#shownAt, this.#schedulerSettings());
			const written = performance.now();
			const logId = await saveReview(db, next, log);
			performance.measure('prep-lab:review-write', { start: written });
			this.#push({ cardId: id, previous, logId });
			this.reviewedThisSession++;
			if (next.leech && !previous?.leech) this.notice = 'This card has now been forgotten 8 times (a leech). Consider rewriting it in your own words, or suspending it.';
		});
		performance.measure('prep-lab:grade-to-next-card', 'prep-lab:grade');
	}

	/** Hides the card until it is unsuspended. */
	suspend(): Promise<void> {
		return this.#flag({ suspended: true }, 'Card suspended. Undo with Ctrl+Z.');
	}

	/** Hides the card until tomorrow. */
	bury(): Promise<void> {
		const tomorrow = startOfDay(new Date(Date.now() + 86_400_000));
		return this.#flag({ buriedUntil: tomorrow }, 'Card buried until tomorrow. Undo with Ctrl+Z.');
	}

	async undo(): Promise<void> {
		const step = this.#undo.pop();
		this.undoDepth = this.#undo.length;
		if (!step || this.busy) return;
		if (step.cramPosition !== undefined) {
			if (step.cramRequeued) this.#cramQueue.pop();
			this.#cramPosition = step.cramPosition;
			this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			this.#showCram();
			return;
		}
		await this.#act(async (db) => {
			await restoreCardState(db, step.cardId, step.previous, step.logId);
			if (step.logId !== undefined) this.reviewedThisSession = Math.max(0, this.reviewedThisSession - 1);
			this.notice = 'Undone.';
		}, step.cardId);
	}

	#schedulerSettings() {
		return cardScheduling(this.settings);
	}

	#stateOf(id: string): CardState {
		return this.#states.get(id) ?? newCardState(id, new Date());
	}

	#push(step: UndoStep) {
		this.#undo.push(step);
		if (this.#undo.length > UNDO_LIMIT) this.#undo.shift();
		this.undoDepth = this.#undo.length;
	}

	async #flag(flags: Partial<CardState>, notice: string): Promise<void> {
		const id = this.currentId;
		if (!id || this.busy || this.cram) return;
		await this.#act(async (db) => {
			const previous = this.#states.get(id);
			await saveCardState(db, { ...this.#stateOf(id), ...flags });
			this.#push({ cardId: id, previous });
			this.notice = notice;
		});
	}

	/** Runs a stored action, then shows the next card (or `showFirst`, for undo). */
	async #act(action: (db: Awaited<ReturnType<typeof getDb>>) => Promise<void>, showFirst?: string): Promise<void> {
		this.busy = true;
		this.notice = null;
		try {
			await action(await getDb());
			await this.#advance(showFirst);
		} catch (e) {
			this.error = `Your review was not saved: ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	async #advance(showFirst?: string): Promise<void> {
		const { states, queue } = await loadReviewQueue(await getDb(), this.#cardIds, new Date(), this.settings.newCardsPerDay);
		this.#states = states;
		this.counts = queue.counts;
		this.currentId = showFirst ?? queue.cardIds[0] ?? null;
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
