// The card browser's state: every card (content decks and the mistakes deck) with its stored
// schedule, the filters (mirrored in the URL query), the text search through the app's search
// index, the selection, the opened card's history, and the actions with their undo.
import { SvelteSet } from 'svelte/reactivity';
import type MiniSearch from 'minisearch';
import { actOnCards, loadCardBrowser, openCardHistory, undoOnCards } from '$lib/app/card-browser-client';
import type { CardActionResult } from '$lib/app/card-actions';
import type { MistakeCardData } from '$lib/app/card-browser-data';
import { errorMessage } from '$lib/error-message';
import { cardSearchDoc, type SearchDoc } from '$lib/search/search-docs';
import { buildSearchIndex, loadSearchIndex, matchingCardIds } from '$lib/search/search-index';
import { browseRows, cardRows, DEFAULT_FILTER, flagCounts, type BrowserCard, type BrowserFilter, type CardRow } from '$lib/study/card-browser';
import type { CardAction, HistoryRow } from '$lib/study/card-edits';
import type { CardState } from '$lib/study/scheduler';

/** A content card as the page's data gives it. */
export interface ContentCard extends BrowserCard {
	frontHtml: string;
	backHtml: string;
}

/** What the detail view shows: content cards as rendered HTML, mistakes as plain text. */
export type CardFaces = { html: true; front: string; back: string } | { html: false; front: string; back: string };

export const MISTAKES_DECK = { id: 'mistakes', title: 'Mistakes from practice exams' };

export class CardBrowserView {
	loading = $state(true);
	error = $state<string | null>(null);
	/** Damaged records, each named; the rest of the browser works without them. */
	problems = $state<string[]>([]);
	notice = $state<string | null>(null);
	busy = $state(false);
	filter = $state<BrowserFilter>({ ...DEFAULT_FILTER });
	selected = new SvelteSet<string>();
	/** The last action, while it can be undone. */
	lastAction = $state.raw<CardActionResult | null>(null);
	/** The opened card and its history (null while it loads). */
	openId = $state<string | null>(null);
	history = $state.raw<HistoryRow[] | null>(null);
	historyProblems = $state<string[]>([]);
	searchError = $state<string | null>(null);

	#content = $state.raw<readonly ContentCard[]>([]);
	states = $state.raw<Map<string, CardState>>(new Map());
	mistakes = $state.raw<MistakeCardData[]>([]);
	/** Card ids the text search found, for the query in `searchedFor`. */
	#matches = $state.raw<Set<string> | null>(null);
	#searchedFor = $state('');
	#index: MiniSearch<SearchDoc> | null = null;
	#loaded: Promise<void> | null = null;
	#mistakeIndex: MiniSearch<SearchDoc> | null = null;

	constructor(content: readonly ContentCard[]) {
		this.#content = content;
	}

	readonly cards = $derived<BrowserCard[]>([...this.#content, ...this.mistakes.map((m) => ({ id: m.id, deck: MISTAKES_DECK.id, front: m.front, tags: [m.domain], domain: m.domain, note: m.note }))]);
	readonly rows = $derived<CardRow[]>(cardRows(this.cards, this.states, new Date()));
	/** True while the text search for the current query has not answered yet. */
	readonly searching = $derived(this.filter.q.trim() !== '' && this.#searchedFor !== this.filter.q && !this.searchError);
	/** While a new query is searched, the last results stay on screen (no flicker as the learner types). */
	readonly shown = $derived<CardRow[]>(browseRows(this.rows, this.filter, this.filter.q.trim() ? (this.#matches ?? new Set()) : null));
	/** The selection, limited to the cards the filters show: bulk actions never touch hidden cards. */
	readonly selection = $derived(this.shown.filter((r) => this.selected.has(r.id)).map((r) => r.id));
	readonly counts = $derived(flagCounts(this.rows));
	readonly tags = $derived([...new Set(this.cards.flatMap((c) => c.tags))].sort());
	readonly opened = $derived(this.openId ? this.rows.find((r) => r.id === this.openId) : undefined);

	load(): Promise<void> {
		this.#loaded ??= this.#load();
		return this.#loaded;
	}

	async #load(): Promise<void> {
		try {
			const records = await loadCardBrowser();
			this.states = records.states;
			this.mistakes = records.mistakes;
			this.problems = records.problems;
		} catch (e) {
			this.error = `Your cards' schedules could not be read: ${errorMessage(e)}`;
		} finally {
			this.loading = false;
		}
	}

	faces(id: string): CardFaces | undefined {
		const content = this.#content.find((c) => c.id === id);
		if (content) return { html: true, front: content.frontHtml, back: content.backHtml };
		const mistake = this.mistakes.find((m) => m.id === id);
		return mistake && { html: false, front: mistake.front, back: mistake.back };
	}

	/** Runs the search for the current query (loading the app's search index the first time). */
	async search(query: string): Promise<void> {
		if (!query.trim()) return;
		await this.load(); // the mistakes deck is searched too
		try {
			if (!this.#index) {
				const response = await fetch('/search-index.json');
				if (!response.ok) throw new Error(`the index could not be loaded (HTTP ${response.status})`);
				this.#index = loadSearchIndex(await response.text());
			}
			// The mistakes deck lives in IndexedDB, not in the built index: a small index of its own.
			this.#mistakeIndex ??= buildSearchIndex(this.mistakes.map((m) => cardSearchDoc(m.id, m.front, m.back, '')));
			const found = new Set([...matchingCardIds(this.#index, query), ...matchingCardIds(this.#mistakeIndex, query)]);
			if (query !== this.filter.q) return; // a newer query is on its way
			this.#matches = found;
			this.#searchedFor = query;
			this.searchError = null;
		} catch (e) {
			this.searchError = `Search is unavailable: ${errorMessage(e)}`;
		}
	}

	toggleAll(on: boolean): void {
		for (const r of this.shown) {
			if (on) this.selected.add(r.id);
			else this.selected.delete(r.id);
		}
	}

	async open(id: string): Promise<void> {
		this.openId = id;
		this.history = null;
		this.historyProblems = [];
		try {
			const { rows, problems } = await openCardHistory(id);
			if (this.openId !== id) return;
			this.history = rows;
			this.historyProblems = problems;
		} catch (e) {
			if (this.openId === id) this.historyProblems = [`The review history could not be read: ${errorMessage(e)}`];
			this.history = [];
		}
	}

	close(): void {
		this.openId = null;
	}

	async act(action: CardAction, ids: readonly string[]): Promise<void> {
		if (this.busy || ids.length === 0) return;
		await this.#write(async () => {
			const result = await actOnCards(action, ids);
			this.lastAction = result.changed > 0 ? result : null;
			this.notice = result.message;
		});
	}

	async undo(): Promise<void> {
		const last = this.lastAction;
		if (!last || this.busy) return;
		await this.#write(async () => {
			this.notice = await undoOnCards(last);
			this.lastAction = null;
		});
	}

	/** A write, then the states read again, so every row shows what is stored. */
	async #write(work: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.error = null;
		try {
			await work();
		} catch (e) {
			this.error = `Nothing was changed: ${errorMessage(e)}`;
			this.busy = false;
			return;
		}
		try {
			const records = await loadCardBrowser();
			this.states = records.states;
			this.problems = records.problems;
			if (this.openId) await this.open(this.openId);
		} catch (e) {
			this.error = `The change was saved, but your cards could not be read again: ${errorMessage(e)}. Reload the page.`;
		} finally {
			this.busy = false;
		}
	}
}
