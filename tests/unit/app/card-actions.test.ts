import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyCardAction, resetCards, suspendCards, unburyCards, undoCardAction, unsuspendCards } from '../../../src/lib/app/card-actions';
import { loadBrowserRecords, loadCardHistory, loadFlagCounts } from '../../../src/lib/app/card-browser-data';
import { loadCardStates, loadReviewQueue, saveCardState, saveReview } from '../../../src/lib/db/review-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { gradeCard, newCardState, Rating, State, type CardState } from '../../../src/lib/study/scheduler';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `card-actions-${++dbCount}`);
const t0 = new Date('2026-11-25T09:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

/** A db where `a` and `b` were reviewed (Easy), `c` is buried and `d` was never studied. */
async function studied() {
	const db = await freshDb();
	for (const id of ['a', 'b']) {
		const { next, log } = gradeCard(newCardState(id, t0), Rating.Easy, t0, 1000);
		await saveReview(db, next, log);
	}
	await saveCardState(db, { ...newCardState('c', t0), buriedUntil: days(1) });
	return db;
}

describe('card actions', () => {
	it('suspends cards (a new one too) and unsuspends them: the review queue leaves them out, then has them back', async () => {
		const db = await studied();
		const ids = ['a', 'b', 'c', 'd'];
		const queueIds = async (at: Date) => (await loadReviewQueue(db, ids, at, 20)).cardIds(at);
		expect(await queueIds(days(30))).toEqual(['a', 'b', 'c', 'd']);

		const result = await suspendCards(db, ['a', 'd'], t0);
		expect(result).toMatchObject({ asked: 2, changed: 2, message: 'Suspended: 2 cards.' });
		expect(await queueIds(days(30))).toEqual(['b', 'c']);
		expect((await loadCardStates(db)).get('a')!.fsrs.state).toBe(State.Review); // the schedule is kept

		const again = await unsuspendCards(db, ['a', 'b', 'd'], t0);
		expect(again.message).toBe('Unsuspended: 2 cards (1 already not suspended).');
		expect(await queueIds(days(30))).toEqual(['a', 'b', 'c', 'd']);
	});

	it('unburies a card so it is back in today’s queue', async () => {
		const db = await studied();
		expect((await loadReviewQueue(db, ['c'], t0, 20)).cardIds(t0)).toEqual([]);
		expect((await unburyCards(db, ['c', 'a'], t0)).changed).toBe(1);
		expect((await loadReviewQueue(db, ['c'], t0, 20)).cardIds(t0)).toEqual(['c']);
	});

	it('resets cards to new keeping their review history, and undo puts their schedules back', async () => {
		const db = await studied();
		const before = await loadCardStates(db);
		await suspendCards(db, ['b'], t0);
		const reset = await resetCards(db, ['a', 'b', 'd'], days(2));
		expect(reset).toMatchObject({ asked: 3, changed: 2, message: 'Reset to new: 2 cards (1 already new).' });
		const after = await loadCardStates(db);
		expect(after.has('a')).toBe(false); // a plain new card again
		expect(after.get('b')).toMatchObject({ suspended: true, fsrs: { state: State.New, lapses: 0 } });
		expect((await loadCardHistory(db, 'a')).rows).toHaveLength(1);
		expect((await loadReviewQueue(db, ['a', 'b', 'd'], days(2), 20)).counts(days(2)).new).toBe(2);

		expect(await undoCardAction(db, reset)).toBe('Undone: 2 cards are back as before.');
		const undone = await loadCardStates(db);
		expect(undone.get('a')).toEqual(before.get('a'));
		expect(undone.get('b')).toEqual({ ...before.get('b'), suspended: true });
		expect(undone.has('d')).toBe(false);
	});

	it('changes no card when one write fails (one transaction)', async () => {
		const db = await studied();
		const before = await loadCardStates(db);
		// A card id IndexedDB refuses as a key: the whole action must fail and write nothing.
		await expect(applyCardAction(db, 'suspend', ['a', 'b', {} as unknown as string], t0)).rejects.toThrow();
		expect(await loadCardStates(db)).toEqual(before);
	});

	it('reads damaged records back as named problems: the card is listed as new and a reset clears it', async () => {
		const db = await studied();
		await db.put('cardStates', { cardId: 'broken', due: 'soon' } as unknown as CardState);
		await db.put('mistakes', { itemId: 'q9', domain: 'd', note: 'n', front: 7, back: 'b', addedAt: t0 } as never);
		await db.put('mistakes', { itemId: 'q1', domain: 'train-deploy', note: 'n', front: 'F', back: 'B', addedAt: t0 });
		const records = await loadBrowserRecords(db);
		expect(records.problems).toEqual([
			'The stored schedule of card "broken" has no valid due date; the card is listed as new. Reset it to new to clear the damaged record.',
			'The mistakes deck has a damaged card, "q9" (its front is missing); it is left out.'
		]);
		expect([...records.states.keys()].sort()).toEqual(['a', 'b', 'c']);
		expect(records.mistakes.map((m) => m.id)).toEqual(['mistakes/q1']);

		expect((await resetCards(db, ['broken'], t0)).changed).toBe(1);
		expect((await loadBrowserRecords(db)).problems).toHaveLength(1);
	});

	it('names a damaged review log entry and shows the rest of the history', async () => {
		const db = await studied();
		await db.add('reviewLogs', { cardId: 'a', grade: 9, reviewedAt: t0 } as never);
		const { rows, problems } = await loadCardHistory(db, 'a');
		expect(rows).toHaveLength(1);
		expect(problems).toEqual([expect.stringMatching(/^Review log entry \d+ of this card has an unknown grade; it is left out\.$/)]);
	});

	it('counts suspended cards and leeches of existing cards only', async () => {
		const db = await studied();
		await suspendCards(db, ['a', 'gone', 'mistakes/q1'], t0);
		await saveCardState(db, { ...(await loadCardStates(db)).get('b')!, leech: true });
		expect(await loadFlagCounts(db, ['a', 'b', 'c'])).toEqual({ suspended: 1, leeches: 1 });
		await db.put('mistakes', { itemId: 'q1', domain: 'd', note: 'n', front: 'F', back: 'B', addedAt: t0 });
		expect(await loadFlagCounts(db, ['a', 'b', 'c'])).toEqual({ suspended: 2, leeches: 1 });
	});
});
