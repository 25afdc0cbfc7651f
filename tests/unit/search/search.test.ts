import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';
import { renderWithOutline } from '../../../src/lib/content/render-markdown';
import { buildSearchDocs, cardSearchDoc, plainText } from '../../../src/lib/search/search-docs';
import { buildSearchIndex, loadSearchIndex, matchingCardIds, searchContent } from '../../../src/lib/search/search-index';
import { readContentDir } from '../content/read-content-dir';

const { content } = buildContent(readContentDir());
const docs = buildSearchDocs(content);
const index = buildSearchIndex(docs);

describe('search', () => {
	it('indexes every note section, card, interview question and exam item', () => {
		const kinds = (k: string) => docs.filter((d) => d.kind === k).length;
		expect(kinds('card')).toBe(content.decks.reduce((s, d) => s + d.cards.length, 0));
		expect(kinds('question')).toBe(content.items.length);
		expect(kinds('interview')).toBe(content.interviews.length);
		expect(kinds('note')).toBeGreaterThan(content.notes.length * 3);
		expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
	});

	it('finds the safe-rollout note for "blue green traffic", opening at a heading that exists', () => {
		const hits = searchContent(index, 'blue green traffic');
		const note = hits.find((h) => h.kind === 'note')!;
		expect(note.url).toMatch(/^\/notes\/safe-rollout-blue-green#/);
		const anchor = note.url.split('#')[1];
		const rendered = renderWithOutline(content.notes.find((n) => n.id === 'safe-rollout-blue-green')!.body);
		expect(rendered.html).toContain(`id="${anchor}"`);
	});

	it('matches prefixes and small typos, and returns nothing for nonsense', () => {
		expect(searchContent(index, 'bandit slack').some((h) => h.url.startsWith('/notes/sweep-jobs'))).toBe(true);
		expect(searchContent(index, 'mltabl').length).toBeGreaterThan(0);
		expect(searchContent(index, 'hyperparameter sweeep').length).toBeGreaterThan(0);
		expect(searchContent(index, 'zzqxv wvvq')).toEqual([]);
		expect(searchContent(index, '   ')).toEqual([]);
	});

	it('gives the same results after the index is serialised and loaded (as the browser does)', () => {
		const loaded = loadSearchIndex(JSON.stringify(index));
		expect(searchContent(loaded, 'batch endpoint error threshold').map((h) => h.id)).toEqual(searchContent(index, 'batch endpoint error threshold').map((h) => h.id));
	});

	it('finds every matching flashcard for the card browser, by card id, beyond the 50-result page', () => {
		const cardDocs = docs.filter((d) => d.kind === 'card');
		const word = 'model';
		const expected = new Set(index.search(word).filter((r) => r.kind === 'card').map((r) => String(r.id).slice('card:'.length)));
		expect(expected.size).toBeGreaterThan(50);
		expect(matchingCardIds(index, word)).toEqual(expected);
		expect([...matchingCardIds(index, 'blue green')].every((id) => cardDocs.some((d) => d.id === `card:${id}`))).toBe(true);
		expect(matchingCardIds(index, '  ').size).toBe(0);
		const mistakes = buildSearchIndex([cardSearchDoc('mistakes/q1', 'Which compute target scales to zero?', 'Compute cluster with min nodes 0', '')]);
		expect(matchingCardIds(mistakes, 'min nodes')).toEqual(new Set(['mistakes/q1']));
	});

	it('strips markdown to plain text', () => {
		expect(plainText('## Title\nUse **`command()`** and [the docs](https://x.y).\n```python\nx = 1\n```')).toBe('Title Use command() and the docs. x = 1');
	});
});
