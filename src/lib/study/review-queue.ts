// Which cards to show now, in Anki's order: learning cards first, then reviews, then new cards;
// during a session the queue changes card by card (SessionQueue) instead of being built again.
import { State, type CardState } from './scheduler';

export interface QueueCounts {
	new: number;
	learning: number;
	review: number;
}

export interface ReviewQueue {
	cardIds: string[];
	counts: QueueCounts;
}

export interface QueueOptions {
	newLimit: number;
	/** New cards already introduced today (count against the limit). */
	newSeenToday?: number;
	/** Learning cards due this soon are shown once nothing else is due (Anki's "learn ahead"). */
	learnAheadMs?: number;
}

export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * Today's queue during a review session, changed one card at a time: grading or flagging a card
 * removes it and puts it back only if it is due again soon (a learning step), so moving to the next
 * card costs the same however long the history is. Its order and counts are `buildReviewQueue`'s
 * over the same states: due learning cards, due reviews (each by due time), new cards in content
 * order up to the limit, then learning cards due within the learn-ahead limit. A card put back by
 * an undo (or a write that failed) is shown first.
 */
export class SessionQueue {
	readonly #states = new Map<string, CardState>();
	/** Learning and relearning cards by due time: due ones, then learn-ahead ones, then later ones. */
	readonly #learning: CardState[] = [];
	/** Review cards by due time; those not due yet wait until they are. */
	readonly #review: CardState[] = [];
	/** New cards allowed today, in content order. */
	readonly #fresh: string[] = [];
	readonly #learnAheadMs: number;
	#pinned: string | null = null;

	/**
	 * @param cardIds every card in the chosen decks, in content order
	 * @param states stored scheduling state by card id (cards without one are new)
	 */
	constructor(cardIds: readonly string[], states: ReadonlyMap<string, CardState>, now: Date, options: QueueOptions) {
		this.#learnAheadMs = options.learnAheadMs ?? LEARN_AHEAD_MS;
		let newLeft = Math.max(0, options.newLimit - (options.newSeenToday ?? 0));
		for (const id of cardIds) {
			const state = states.get(id);
			if (state && isHidden(state, now)) continue;
			if (!state || state.fsrs.state === State.New) {
				if (newLeft > 0) {
					newLeft--;
					this.#fresh.push(id);
					if (state) this.#states.set(id, state);
				}
				continue;
			}
			this.#states.set(id, state);
			if (state.fsrs.state === State.Review) this.#review.push(state);
			else this.#learning.push(state);
		}
		this.#learning.sort(byDue);
		this.#review.sort(byDue);
	}

	/** The stored state of a card in the queue (undefined for a new card without one). */
	state(cardId: string): CardState | undefined {
		return this.#states.get(cardId);
	}

	/** The card to show now, or null when nothing is due. */
	first(now: Date): string | null {
		if (this.#pinned) return this.#pinned;
		const t = now.getTime();
		const learning = this.#learning[0];
		if (learning && learning.due.getTime() <= t) return learning.cardId;
		const review = this.#review[0];
		if (review && review.due.getTime() <= t) return review.cardId;
		if (this.#fresh.length) return this.#fresh[0]!;
		return learning && learning.due.getTime() <= t + this.#learnAheadMs ? learning.cardId : null;
	}

	counts(now: Date): QueueCounts {
		const t = now.getTime();
		return { new: this.#fresh.length, learning: dueBy(this.#learning, t + this.#learnAheadMs), review: dueBy(this.#review, t) };
	}

	/** Every card in the order they would be shown now. */
	cardIds(now: Date): string[] {
		const t = now.getTime();
		const ids = (list: CardState[], from: number, to: number) => list.slice(from, to).map((s) => s.cardId);
		const dueLearning = dueBy(this.#learning, t);
		const order = [
			...ids(this.#learning, 0, dueLearning),
			...ids(this.#review, 0, dueBy(this.#review, t)),
			...this.#fresh,
			...ids(this.#learning, dueLearning, dueBy(this.#learning, t + this.#learnAheadMs))
		];
		return this.#pinned ? [this.#pinned, ...order.filter((id) => id !== this.#pinned)] : order;
	}

	/** A card was graded, suspended or buried: it leaves the queue and comes back only if due again soon. */
	update(next: CardState, now: Date): void {
		this.#remove(next.cardId);
		this.#states.set(next.cardId, next);
		if (isHidden(next, now) || next.fsrs.state === State.New) return;
		if (next.fsrs.state !== State.Review) insertByDue(this.#learning, next);
		else if (next.due.getTime() <= now.getTime() + this.#learnAheadMs) insertByDue(this.#review, next);
	}

	/** Puts a card back as it was before an action (undo, or a write that failed), to be shown first. */
	putBack(cardId: string, previous: CardState | undefined, now: Date): void {
		this.#remove(cardId);
		if (previous) this.#states.set(cardId, previous);
		else this.#states.delete(cardId);
		if (previous && isHidden(previous, now)) return;
		if (!previous || previous.fsrs.state === State.New) this.#fresh.unshift(cardId);
		else insertByDue(previous.fsrs.state === State.Review ? this.#review : this.#learning, previous);
		this.#pinned = cardId;
	}

	#remove(cardId: string): void {
		if (this.#pinned === cardId) this.#pinned = null;
		const fresh = this.#fresh.indexOf(cardId);
		if (fresh >= 0) this.#fresh.splice(fresh, 1);
		for (const list of [this.#learning, this.#review]) {
			const at = list.findIndex((s) => s.cardId === cardId);
			if (at >= 0) list.splice(at, 1);
		}
	}
}

/**
 * @param cardIds every card in the chosen decks, in content order
 * @param states stored scheduling state by card id (cards without one are new)
 */
export function buildReviewQueue(cardIds: readonly string[], states: ReadonlyMap<string, CardState>, now: Date, options: QueueOptions): ReviewQueue {
	const queue = new SessionQueue(cardIds, states, now, options);
	return { cardIds: queue.cardIds(now), counts: queue.counts(now) };
}

const isHidden = (state: CardState, now: Date) => Boolean(state.suspended || (state.buriedUntil && state.buriedUntil.getTime() > now.getTime()));
const byDue = (a: CardState, b: CardState) => a.due.getTime() - b.due.getTime();

/** How many states of a list sorted by due time are due by `t` (binary search). */
function dueBy(list: readonly CardState[], t: number): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (list[mid]!.due.getTime() <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Inserts after every state due at the same time or earlier, keeping the list sorted. */
function insertByDue(list: CardState[], state: CardState): void {
	list.splice(dueBy(list, state.due.getTime()), 0, state);
}

/** Start of the local day containing `now`, for "introduced today" counts. */
export function startOfDay(now: Date): Date {
	const d = new Date(now);
	d.setHours(0, 0, 0, 0);
	return d;
}
