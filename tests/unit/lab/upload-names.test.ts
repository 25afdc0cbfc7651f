import { describe, expect, it } from 'vitest';
import { uploadNames } from '../../../src/lib/lab/upload-names';

describe('names for the files of one upload', () => {
	it('gives files whose cleaned names collide distinct names, keeping the one the learner typed exactly', () => {
		const names = uploadNames(['dup name.csv', 'dup_name.csv', 'dup(name).csv', 'dup-name.csv'], new Set());
		expect(names).toEqual([
			{ original: 'dup name.csv', name: 'dup_name-2.csv', renamed: true },
			{ original: 'dup_name.csv', name: 'dup_name.csv', renamed: false },
			{ original: 'dup(name).csv', name: 'dup_name_.csv', renamed: true },
			{ original: 'dup-name.csv', name: 'dup-name.csv', renamed: false }
		]);
		expect(new Set(names.map((n) => n.name)).size).toBe(4);
	});

	it('never gives a made-up name that would replace a file already in the zone', () => {
		const names = uploadNames(['a b.csv', 'a(b).csv'], new Set(['a_b.csv', 'a_b-2.csv']));
		expect(names.map((n) => n.name)).toEqual(['a_b-3.csv', 'a_b_.csv']);
	});

	it('keeps an exact name that exists in the zone (the page asks before replacing), and numbers a second file of the same name', () => {
		const names = uploadNames(['x.csv', 'x.csv'], new Set(['x.csv']));
		expect(names).toEqual([
			{ original: 'x.csv', name: 'x.csv', renamed: false },
			{ original: 'x.csv', name: 'x-2.csv', renamed: true }
		]);
	});
});
