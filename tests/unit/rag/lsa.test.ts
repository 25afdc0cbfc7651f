import { describe, expect, it } from 'vitest';
import { embedTerms, fitLsa } from '../../../src/lib/rag/lsa';
import { terms } from '../../../src/lib/rag/terms';

const cosine = (a: Float32Array, b: Float32Array) => {
	let d = 0, na = 0, nb = 0;
	for (let i = 0; i < a.length; i++) (d += a[i]! * b[i]!), (na += a[i]! ** 2), (nb += b[i]! ** 2);
	return d / Math.sqrt(na * nb);
};

// Two topics. "endpoint" and "deployment" always appear together, as do "drift" and "monitor";
// "scoring" appears only with "endpoint", "alert" only with "drift".
const CORPUS = [
	'endpoint deployment traffic',
	'endpoint deployment scoring',
	'deployment endpoint blue green',
	'endpoint deployment scoring latency',
	'drift monitor alert',
	'drift monitor baseline',
	'monitor drift feature',
	'drift monitor alert schedule'
].map(terms);

describe('LSA', () => {
	it('keeps no more dimensions than the rank of the matrix, singular values descending', () => {
		const model = fitLsa(CORPUS, 50);
		expect(model.dims).toBeLessThanOrEqual(8);
		expect(model.dims).toBeGreaterThan(1);
		for (let i = 1; i < model.dims; i++) expect(model.singularValues[i]!).toBeLessThanOrEqual(model.singularValues[i - 1]!);
	});

	it('a chunk folded in as a query lands on its own vector (q·V = its row of U·Σ)', () => {
		const model = fitLsa(CORPUS, 4);
		CORPUS.forEach((t, i) => expect(cosine(embedTerms(model, t), model.vectors[i]!)).toBeCloseTo(1, 6));
		// Rows of U·Σ: their squared lengths add up to Σσ², the squared norm of A kept by these dims.
		const squared = model.vectors.reduce((sum, v) => sum + v.reduce((a, x) => a + x * x, 0), 0);
		expect(squared).toBeCloseTo(model.singularValues.reduce((a, s) => a + s * s, 0), 4);
	});

	it('words that co-occur get close vectors even when a query shares no word with a chunk', () => {
		const model = fitLsa(CORPUS, 2);
		const scoring = embedTerms(model, ['scoring']);
		const alert = embedTerms(model, ['alert']);
		// "scoring" never occurs with "blue green", yet lands near that chunk, far from the drift chunks.
		expect(cosine(scoring, model.vectors[2]!)).toBeGreaterThan(0.9);
		expect(cosine(scoring, model.vectors[6]!)).toBeLessThan(0.2);
		expect(cosine(alert, model.vectors[6]!)).toBeGreaterThan(0.9);
		expect(cosine(alert, model.vectors[2]!)).toBeLessThan(0.2);
	});

	it('is repeatable for a seed, and a text of unknown words embeds to zeros', () => {
		const a = fitLsa(CORPUS, 3, 5);
		const b = fitLsa(CORPUS, 3, 5);
		expect(Array.from(a.vectors[3]!)).toEqual(Array.from(b.vectors[3]!));
		expect(Array.from(embedTerms(a, ['kubernetes']))).toEqual([0, 0, 0].slice(0, a.dims));
		expect(fitLsa([], 8).dims).toBe(0);
	});
});
