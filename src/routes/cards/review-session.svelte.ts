// A review session's state: which card is up, whether its answer shows, and grading through
// the scheduler into IndexedDB. Components only display this and forward keys and clicks.
import { getDb } from '$lib/db/browser-db';
import { loadReviewQueue, saveReview } from '$lib/db/review-store';
import { DEFAULT_NEW_CARDS_PER_DAY, type QueueCounts } from '$lib/study/review-queue';
import { gradeCard, newCardState, previewIntervals, type CardState, type Grade } from '$lib/study/scheduler';

export class ReviewSession {
	loading = $state(true);
	error = $state<string | null>(null);
	currentId = $state<string | null>(null);
	revealed = $state(false);
	counts = $state<QueueCounts>({ new: 0, learning: 0, review: 0 });
	reviewedThisSession = $state(0);
	intervals = $state<Record<Grade, string> | null>(null);
	saving = $state(false);

	#cardIds: string[] = [];
	#states = new Map<string, CardState>();
	#shownAt = 0;

	async start(cardIds: string[]): Promise<void> {
		this.#cardIds = cardIds;
		this.loading = true;
		this.error = null;
		try {
			await this.#advance();
		} catch (e) {
			this.error = `Could not load your review state: ${(e as Error).message}`;
		} finally {
			this.loading = false;
		}
	}

	reveal(): void {
		if (!this.currentId || this.revealed) return;
		this.revealed = true;
		this.intervals = previewIntervals(this.#stateOf(this.currentId), new Date());
	}

	async grade(grade: Grade): Promise<void> {
		if (!this.currentId || !this.revealed || this.saving) return;
		this.saving = true;
		try {
			const now = new Date();
			const { next, log } = gradeCard(this.#stateOf(this.currentId), grade, now, now.getTime() - this.#shownAt);
			await saveReview(await getDb(), next, log);
			this.reviewedThisSession++;
			await this.#advance();
		} catch (e) {
			this.error = `Your answer was not saved: ${(e as Error).message}`;
		} finally {
			this.saving = false;
		}
	}

	#stateOf(id: string): CardState {
		return this.#states.get(id) ?? newCardState(id, new Date());
	}

	async #advance(): Promise<void> {
		const { states, queue } = await loadReviewQueue(await getDb(), this.#cardIds, new Date(), DEFAULT_NEW_CARDS_PER_DAY);
		this.#states = states;
		this.counts = queue.counts;
		this.currentId = queue.cardIds[0] ?? null;
		this.revealed = false;
		this.intervals = null;
		this.#shownAt = Date.now();
	}
}
