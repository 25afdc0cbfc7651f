// The card browser's rows, filters and sort orders (Anki's browser): one row per card with its
// schedule read from the stored state, filtered by deck, tag, domain, state and a text search, and
// sorted by a column. Filters live in the URL query so other pages can link to a filtered view.
// Pure: time is passed in.
import { State, type CardState } from './scheduler';

/** What a card is: its scheduling phase, plus flags that can come on top of any phase. */
export type CardStatus = 'new' | 'learning' | 'review' | 'suspended' | 'buried' | 'leech';
export const CARD_STATUSES: readonly { id: CardStatus; label: string }[] = [
	{ id: 'new', label: 'New' },
	{ id: 'learning', label: 'Learning' },
	{ id: 'review', label: 'Review' },
	{ id: 'suspended', label: 'Suspended' },
	{ id: 'buried', label: 'Buried' },
	{ id: 'leech', label: 'Leech' }
];

export type SortKey = 'order' | 'due' | 'interval' | 'lapses' | 'lastReview' | 'difficulty';
export const SORT_KEYS: readonly { id: SortKey; label: string }[] = [
	{ id: 'order', label: 'Deck order' },
	{ id: 'due', label: 'Due' },
	{ id: 'interval', label: 'Interval' },
	{ id: 'lapses', label: 'Lapses' },
	{ id: 'lastReview', label: 'Last review' },
	{ id: 'difficulty', label: 'Difficulty' }
];

/** A card as the browser lists it, whichever deck it comes from. */
export interface BrowserCard {
	id: string;
	deck: string;
	/** The front as plain text, for the list. */
	front: string;
	tags: string[];
	/** Exam domain (or `interview-prep`), from the card's note. */
	domain: string;
	note: string;
}

export interface CardRow extends BrowserCard {
	/** Position in deck order, for the default sort and ties. */
	order: number;
	phase: 'new' | 'learning' | 'review';
	suspended: boolean;
	buried: boolean;
	leech: boolean;
	/** Null for a new card: it has no schedule yet. */
	due: Date | null;
	/** Time from the last review to the due date, in ms; null for a new card. */
	intervalMs: number | null;
	lapses: number;
	lastReview: Date | null;
	/** FSRS difficulty, 1 (easy) to 10 (hard); null for a new card. */
	difficulty: number | null;
}

export interface BrowserFilter {
	q: string;
	deck: string;
	tag: string;
	domain: string;
	state: CardStatus | '';
	sort: SortKey;
	desc: boolean;
}

export const DEFAULT_FILTER: BrowserFilter = { q: '', deck: '', tag: '', domain: '', state: '', sort: 'order', desc: false };

export function cardRow(card: BrowserCard, order: number, state: CardState | undefined, now: Date): CardRow {
	const phase = !state || state.fsrs.state === State.New ? 'new' : state.fsrs.state === State.Review ? 'review' : 'learning';
	const scheduled = phase !== 'new' && state;
	const lastReview = scheduled && state.fsrs.last_review ? new Date(state.fsrs.last_review) : null;
	return {
		...card,
		order,
		phase,
		suspended: state?.suspended === true,
		buried: !!state?.buriedUntil && state.buriedUntil.getTime() > now.getTime(),
		leech: state?.leech === true,
		due: scheduled ? state.due : null,
		intervalMs: scheduled ? (lastReview ? state.due.getTime() - lastReview.getTime() : state.fsrs.scheduled_days * 86_400_000) : null,
		lapses: state?.fsrs.lapses ?? 0,
		lastReview,
		difficulty: scheduled ? state.fsrs.difficulty : null
	};
}

export function cardRows(cards: readonly BrowserCard[], states: ReadonlyMap<string, CardState>, now: Date): CardRow[] {
	return cards.map((card, i) => cardRow(card, i, states.get(card.id), now));
}

export function hasStatus(row: CardRow, status: CardStatus): boolean {
	if (status === 'suspended' || status === 'buried' || status === 'leech') return row[status];
	return row.phase === status;
}

/** The statuses a row shows: its phase, then any flags. */
export function statusesOf(row: CardRow): CardStatus[] {
	return CARD_STATUSES.map((s) => s.id).filter((s) => hasStatus(row, s));
}

/** Rows matching every filter. `textMatches` holds the card ids the text search found (null: no text filter). */
export function filterRows(rows: readonly CardRow[], filter: BrowserFilter, textMatches: ReadonlySet<string> | null): CardRow[] {
	return rows.filter(
		(r) =>
			(!filter.deck || r.deck === filter.deck) &&
			(!filter.tag || r.tags.includes(filter.tag)) &&
			(!filter.domain || r.domain === filter.domain) &&
			(!filter.state || hasStatus(r, filter.state)) &&
			(!textMatches || textMatches.has(r.id))
	);
}

const sortValue: Record<Exclude<SortKey, 'order'>, (r: CardRow) => number | null> = {
	due: (r) => r.due?.getTime() ?? null,
	interval: (r) => r.intervalMs,
	lapses: (r) => r.lapses,
	lastReview: (r) => r.lastReview?.getTime() ?? null,
	difficulty: (r) => r.difficulty
};

/** Sorted by a column; cards without a value (new cards have no due date) go last either way, ties in deck order. */
export function sortRows(rows: readonly CardRow[], sort: SortKey, desc: boolean): CardRow[] {
	const sign = desc ? -1 : 1;
	if (sort === 'order') return [...rows].sort((a, b) => sign * (a.order - b.order));
	const value = sortValue[sort];
	return [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		if (x === null || y === null) return x === y ? a.order - b.order : x === null ? 1 : -1;
		return sign * (x - y) || a.order - b.order;
	});
}

export function browseRows(rows: readonly CardRow[], filter: BrowserFilter, textMatches: ReadonlySet<string> | null): CardRow[] {
	return sortRows(filterRows(rows, filter, textMatches), filter.sort, filter.desc);
}

/** Suspended and leech cards, for the links from the review screen and the progress page. */
export function flagCounts(rows: readonly CardRow[]): { suspended: number; leeches: number } {
	return { suspended: rows.filter((r) => r.suspended).length, leeches: rows.filter((r) => r.leech).length };
}

const STATUS_IDS = new Set<string>(CARD_STATUSES.map((s) => s.id));
const SORT_IDS = new Set<string>(SORT_KEYS.map((s) => s.id));

/** The filter a URL asks for; unknown states and sort keys fall back to the defaults. */
export function parseFilter(params: URLSearchParams): BrowserFilter {
	const state = params.get('state') ?? '';
	const sort = params.get('sort') ?? '';
	return {
		q: params.get('q') ?? '',
		deck: params.get('deck') ?? '',
		tag: params.get('tag') ?? '',
		domain: params.get('domain') ?? '',
		state: STATUS_IDS.has(state) ? (state as CardStatus) : '',
		sort: SORT_IDS.has(sort) ? (sort as SortKey) : 'order',
		desc: params.get('dir') === 'desc'
	};
}

/** The URL query for a filter ("?state=suspended"), leaving out defaults; "" when nothing is filtered. */
export function filterQuery(filter: Partial<BrowserFilter>): string {
	const params = new URLSearchParams();
	for (const key of ['q', 'deck', 'tag', 'domain', 'state'] as const) if (filter[key]) params.set(key, filter[key]);
	if (filter.sort && filter.sort !== 'order') params.set('sort', filter.sort);
	if (filter.desc) params.set('dir', 'desc');
	const query = params.toString();
	return query ? `?${query}` : '';
}
