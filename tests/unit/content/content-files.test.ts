// The real content under content/: it must all parse and cross-reference cleanly.
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';
import { readContentDir } from './read-content-dir';

const { content, errors } = buildContent(readContentDir());

describe('content/', () => {
	it('has no validation errors', () => {
		expect(errors.map((e) => e.message)).toEqual([]);
	});

	it('has an outline whose domain weights can sum to 100', () => {
		const domains = content.outline?.domains ?? [];
		const min = domains.reduce((s, d) => s + d.weight[0], 0);
		const max = domains.reduce((s, d) => s + d.weight[1], 0);
		expect(min).toBeLessThanOrEqual(100);
		expect(max).toBeGreaterThanOrEqual(100);
	});

	it('has at least one note and one deck for the study pages', () => {
		expect(content.notes.length).toBeGreaterThan(0);
		expect(content.decks.flatMap((d) => d.cards).length).toBeGreaterThan(0);
	});
});
