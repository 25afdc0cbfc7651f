// What the card browser reads: every card's stored state and the mistakes deck (read once, each
// record checked), one card's review history (read when the card is opened), and the counts of
// suspended cards and leeches the review screen and the progress page link to.
import { readCardRecords, reviewLogsOfCard } from '../db/card-browser-store';
import type { PrepLabDb } from '../db/schema';
import { cardStateProblem, historyRows, reviewLogProblem, type HistoryRow } from '../study/card-edits';
import type { CardState, ReviewLogEntry } from '../study/scheduler';

/** A card of the mistakes deck, as plain text. */
export interface MistakeCardData {
	id: string;
	front: string;
	back: string;
	note: string;
	domain: string;
}

export interface BrowserRecords {
	states: Map<string, CardState>;
	mistakes: MistakeCardData[];
	/** One sentence per damaged record, naming it; those records are left out. */
	problems: string[];
}

const MISTAKE_PREFIX = 'mistakes/';

function mistakeCard(value: unknown): MistakeCardData | string {
	const m = value as Record<string, unknown> | null;
	if (!m || typeof m !== 'object' || typeof m.itemId !== 'string') return 'a record without an item id';
	for (const field of ['front', 'back', 'note', 'domain'] as const) if (typeof m[field] !== 'string') return `"${m.itemId}" (its ${field} is missing)`;
	return { id: `${MISTAKE_PREFIX}${m.itemId}`, front: m.front as string, back: m.back as string, note: m.note as string, domain: m.domain as string };
}

export async function loadBrowserRecords(db: PrepLabDb): Promise<BrowserRecords> {
	const raw = await readCardRecords(db);
	const states = new Map<string, CardState>();
	const problems: string[] = [];
	for (const record of raw.states) {
		const problem = cardStateProblem(record);
		const id = (record as { cardId?: unknown } | null)?.cardId;
		if (problem) problems.push(`The stored schedule of card "${typeof id === 'string' ? id : '(no id)'}" ${problem}; the card is listed as new. Reset it to new to clear the damaged record.`);
		else states.set((record as CardState).cardId, record as CardState);
	}
	const mistakes: MistakeCardData[] = [];
	for (const record of raw.mistakes) {
		const card = mistakeCard(record);
		if (typeof card === 'string') problems.push(`The mistakes deck has a damaged card, ${card}; it is left out.`);
		else mistakes.push(card);
	}
	mistakes.sort((a, b) => a.id.localeCompare(b.id));
	return { states, mistakes, problems };
}

/** A card's reviews, newest first; damaged log entries are left out and named. */
export async function loadCardHistory(db: PrepLabDb, cardId: string): Promise<{ rows: HistoryRow[]; problems: string[] }> {
	const logs = await reviewLogsOfCard(db, cardId);
	const problems: string[] = [];
	const sound = logs.filter((log) => {
		const problem = reviewLogProblem(log);
		if (problem) problems.push(`Review log entry ${log.id ?? '(no id)'} of this card ${problem}; it is left out.`);
		return !problem;
	});
	return { rows: historyRows(sound as ReviewLogEntry[]), problems };
}

/** Suspended cards and leeches among the content cards and the mistakes deck (states of cards that no longer exist are not counted). */
export async function loadFlagCounts(db: PrepLabDb, contentCardIds: readonly string[]): Promise<{ suspended: number; leeches: number }> {
	const { states, mistakes } = await loadBrowserRecords(db);
	const ids = new Set([...contentCardIds, ...mistakes.map((m) => m.id)]);
	let suspended = 0;
	let leeches = 0;
	for (const s of states.values()) {
		if (!ids.has(s.cardId)) continue;
		if (s.suspended) suspended++;
		if (s.leech) leeches++;
	}
	return { suspended, leeches };
}
