// What the card browser's actions do to a card's stored state (suspend, unsuspend, unbury, reset
// to new), a card's review history as the browser shows it, and the checks every stored card
// state and review log passes when read back. Pure: time is passed in.
import { newCardState, State, type CardState, type Grade, type ReviewLogEntry } from './scheduler';

export type CardAction = 'suspend' | 'unsuspend' | 'unbury' | 'reset';

/** The new stored state (undefined: no record, a plain new card), or 'unchanged' when the action does nothing to it. */
export type CardEdit = CardState | undefined | 'unchanged';

export function editCard(action: CardAction, cardId: string, state: CardState | undefined, now: Date): CardEdit {
	switch (action) {
		case 'suspend':
			return state?.suspended ? 'unchanged' : { ...(state ?? newCardState(cardId, now)), suspended: true };
		case 'unsuspend': {
			if (!state?.suspended) return 'unchanged';
			const { suspended: _s, ...rest } = state;
			return rest;
		}
		case 'unbury': {
			if (!state?.buriedUntil) return 'unchanged';
			const { buriedUntil: _b, ...rest } = state;
			return rest;
		}
		case 'reset':
			// Back to a card never studied: schedule, lapses and the leech flag go; a suspended card
			// stays suspended (that was a separate choice). The review history is not touched.
			if (!state || (state.fsrs.state === State.New && !state.leech && !state.buriedUntil)) return 'unchanged';
			return state.suspended ? { ...newCardState(cardId, now), suspended: true } : undefined;
	}
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the reset confirmation says will be lost and kept. */
export function resetWarning(count: number): string {
	return `Resets ${plural(count, 'card')} to new: ${count === 1 ? 'its' : 'their'} schedule (due date, interval, difficulty, lapses and leech mark) is lost and ${count === 1 ? 'it comes' : 'they come'} back as new. ${count === 1 ? 'Its' : 'Their'} review history is kept. You can undo this right after.`;
}

/** What happened, for the notice after an action. */
export function actionDone(action: CardAction, changed: number, asked: number): string {
	const verb = { suspend: 'Suspended', unsuspend: 'Unsuspended', unbury: 'Unburied', reset: 'Reset to new' }[action];
	const skipped = asked - changed;
	return `${verb}: ${plural(changed, 'card')}${skipped ? ` (${skipped} already ${action === 'reset' ? 'new' : action === 'suspend' ? 'suspended' : action === 'unsuspend' ? 'not suspended' : 'not buried'})` : ''}.`;
}

export interface HistoryRow {
	reviewedAt: Date;
	grade: Grade;
	/** Days scheduled before this review; null when the card was new. */
	intervalBefore: number | null;
	intervalAfter: number;
}

/**
 * A card's reviews, newest first, each with the interval it had before and the one it got. The
 * interval before is the previous review's; a review of a new card (first, or after a reset) has none.
 */
export function historyRows(logs: readonly ReviewLogEntry[]): HistoryRow[] {
	const sorted = [...logs].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
	return sorted
		.map((log, i) => ({
			reviewedAt: log.reviewedAt,
			grade: log.grade,
			intervalBefore: log.stateBefore === State.New || i === 0 ? null : sorted[i - 1]!.scheduledDays,
			intervalAfter: log.scheduledDays
		}))
		.reverse();
}

type Rec = Record<string, unknown>;
const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown, min = 0, max = Infinity) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isObject = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why a stored card state cannot be used, or null when it is sound. */
export function cardStateProblem(value: unknown): string | null {
	if (!isObject(value)) return 'is not a record';
	if (typeof value.cardId !== 'string' || !value.cardId) return 'has no card id';
	const f = value.fsrs;
	if (!isDate(value.due) || !isObject(f) || !isDate(f.due)) return 'has no valid due date';
	if (!isInt(f.state, 0, 3)) return 'has an unknown card state';
	if (!isNumber(f.stability) || !isNumber(f.difficulty) || !isInt(f.lapses) || !isInt(f.reps) || !isNumber(f.scheduled_days)) return 'has damaged schedule numbers';
	if (f.last_review !== undefined && f.last_review !== null && !isDate(f.last_review)) return 'has a damaged last-review date';
	if (value.buriedUntil !== undefined && !isDate(value.buriedUntil)) return 'has a damaged bury date';
	if ((value.suspended !== undefined && typeof value.suspended !== 'boolean') || (value.leech !== undefined && typeof value.leech !== 'boolean')) return 'has damaged flags';
	return null;
}

/** Why a stored review log entry cannot be used, or null when it is sound. */
export function reviewLogProblem(value: unknown): string | null {
	if (!isObject(value)) return 'is not a record';
	if (!isDate(value.reviewedAt)) return 'has no valid date';
	if (!isInt(value.grade, 1, 4)) return 'has an unknown grade';
	if (!isInt(value.stateBefore, 0, 3) || !isInt(value.stateAfter, 0, 3) || !isNumber(value.scheduledDays)) return 'has damaged schedule numbers';
	return null;
}
