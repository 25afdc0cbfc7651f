// The card browser's actions on one card or a selection: suspend, unsuspend, unbury and reset to
// new. Each is one IndexedDB transaction (all the cards change, or none) and returns what it
// replaced, so the page can offer Undo, which is one transaction too.
import { restoreCardStates, updateCardStates, type PreviousStates } from '../db/card-browser-store';
import type { PrepLabDb } from '../db/schema';
import { actionDone, cardStateProblem, editCard, type CardAction } from '../study/card-edits';
import type { CardState } from '../study/scheduler';

export interface CardActionResult {
	action: CardAction;
	/** Cards asked for, and how many actually changed (suspending a suspended card changes nothing). */
	asked: number;
	changed: number;
	/** For the notice, e.g. "Suspended: 3 cards." */
	message: string;
	/** The states the action replaced, for undoCardAction. */
	previous: PreviousStates;
}

export async function applyCardAction(db: PrepLabDb, action: CardAction, cardIds: readonly string[], now: Date): Promise<CardActionResult> {
	const ids = [...new Set(cardIds)];
	const previous = await updateCardStates(db, ids, (id, stored) => {
		// A damaged record is treated as no record: reset clears it, suspend replaces it.
		if (stored && cardStateProblem(stored)) return action === 'reset' ? undefined : action === 'suspend' ? editCard('suspend', id, undefined, now) : 'unchanged';
		return editCard(action, id, stored as CardState | undefined, now);
	});
	return { action, asked: ids.length, changed: previous.size, message: actionDone(action, previous.size, ids.length), previous };
}

export const suspendCards = (db: PrepLabDb, cardIds: readonly string[], now: Date) => applyCardAction(db, 'suspend', cardIds, now);
export const unsuspendCards = (db: PrepLabDb, cardIds: readonly string[], now: Date) => applyCardAction(db, 'unsuspend', cardIds, now);
export const unburyCards = (db: PrepLabDb, cardIds: readonly string[], now: Date) => applyCardAction(db, 'unbury', cardIds, now);
/** Callers confirm first with resetWarning(n); the result can still be undone. */
export const resetCards = (db: PrepLabDb, cardIds: readonly string[], now: Date) => applyCardAction(db, 'reset', cardIds, now);

/** Puts back every card an action changed, as it was. */
export async function undoCardAction(db: PrepLabDb, result: CardActionResult): Promise<string> {
	await restoreCardStates(db, result.previous);
	const n = result.previous.size;
	return `Undone: ${n === 1 ? '1 card is' : `${n} cards are`} back as before.`;
}
