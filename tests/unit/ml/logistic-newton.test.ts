import { describe, expect, it } from 'vitest';
import { balancedSampleWeight } from '../../../src/lib/ml/class-weight';
import { fitLogisticNewton } from '../../../src/lib/ml/logistic-newton';
import { encodedDelinquency } from './helpers';

/** Gradient of the weighted, penalised objective, divided by n: zero at the exact optimum. */
function gradient(x: Float64Array, y: Uint8Array, d: number, w: number[], b: number, C: number, sw?: Float64Array) {
	const g = new Array(d + 1).fill(0);
	for (let i = 0; i < y.length; i++) {
		let z = b;
		for (let j = 0; j < d; j++) z += w[j]! * x[i * d + j]!;
		const r = (sw ? sw[i]! : 1) * (1 / (1 + Math.exp(-z)) - y[i]!);
		for (let j = 0; j < d; j++) g[j] += r * x[i * d + j]!;
		g[d] += r;
	}
	for (let j = 0; j < d; j++) g[j] += w[j]! / C;
	return g.map((v: number) => v / y.length);
}

describe('fitLogisticNewton', () => {
	const { x, y, d } = encodedDelinquency(4000, 11);
	const C = 0.5;
	const fit = fitLogisticNewton(x, y, d, { C });

	it('converges in a handful of iterations with a falling loss', () => {
		expect(fit.converged).toBe(true);
		expect(fit.iterations).toBeLessThan(12);
		for (let i = 1; i < fit.lossHistory.length; i++) expect(fit.lossHistory[i]!).toBeLessThanOrEqual(fit.lossHistory[i - 1]!);
	});

	it('satisfies the optimality conditions of the penalised problem (gradient = 0)', () => {
		for (const g of gradient(x, y, d, fit.weights, fit.intercept, C)) expect(Math.abs(g)).toBeLessThan(1e-8);
	});

	it('solves the class-weighted problem exactly, and balanced weights raise scores of the rare class', () => {
		const sw = balancedSampleWeight(y);
		const weighted = fitLogisticNewton(x, y, d, { C, sampleWeight: sw });
		for (const g of gradient(x, y, d, weighted.weights, weighted.intercept, C, sw)) expect(Math.abs(g)).toBeLessThan(1e-8);
		expect(weighted.intercept).toBeGreaterThan(fit.intercept);
	});

	it('shrinks weights as C gets smaller, and rejects a non-positive C', () => {
		const strong = fitLogisticNewton(x, y, d, { C: 0.001 });
		const norm = (w: number[]) => Math.hypot(...w);
		expect(norm(strong.weights)).toBeLessThan(norm(fit.weights) / 2);
		expect(() => fitLogisticNewton(x, y, d, { C: 0 })).toThrow(RangeError);
	});
});

describe('balancedSampleWeight', () => {
	it("matches scikit-learn's n / (2 · n_class)", () => {
		expect(Array.from(balancedSampleWeight(Uint8Array.from([1, 0, 0, 0])))).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
	});
});

describe('fitLogisticNewton on more rows than the warm-start threshold', () => {
	it('still reaches the exact optimum of the full data', () => {
		const big = encodedDelinquency(80_000, 21);
		const C = 0.2;
		const fit = fitLogisticNewton(big.x, big.y, big.d, { C });
		expect(fit.converged).toBe(true);
		for (const g of gradient(big.x, big.y, big.d, fit.weights, fit.intercept, C)) expect(Math.abs(g)).toBeLessThan(1e-8);
	});
});
