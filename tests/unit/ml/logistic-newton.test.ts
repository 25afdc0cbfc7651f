import { describe, expect, it } from 'vitest';
import { DELINQUENCY_FEATURES, generateDelinquencyData } from '../../../src/lib/ml/delinquency-data';
import { fitLogisticNewton } from '../../../src/lib/ml/logistic-newton';
import { fitScaler, transformRows } from '../../../src/lib/ml/scaler';

function standardised(rows: number, seed: number) {
	const data = generateDelinquencyData(rows, seed);
	const d = data.features.length;
	const all = Array.from({ length: rows }, (_, i) => i);
	return { x: transformRows(fitScaler(data.x, d, all), data.x, d, all), y: data.y, d };
}

describe('fitLogisticNewton', () => {
	const { x, y, d } = standardised(4000, 11);
	const C = 0.5;
	const fit = fitLogisticNewton(x, y, d, { C });

	it('converges in a handful of iterations with a falling loss', () => {
		expect(fit.converged).toBe(true);
		expect(fit.iterations).toBeLessThan(12);
		for (let i = 1; i < fit.lossHistory.length; i++) {
			expect(fit.lossHistory[i]!).toBeLessThanOrEqual(fit.lossHistory[i - 1]!);
		}
	});

	it('satisfies the optimality conditions of the penalised problem (gradient = 0)', () => {
		// d/dw: Xᵀ(p − y) + w / C = 0 ; d/db: Σ(p − y) = 0 (intercept not penalised)
		const grad = new Array(d + 1).fill(0);
		for (let i = 0; i < y.length; i++) {
			let z = fit.intercept;
			for (let j = 0; j < d; j++) z += fit.weights[j]! * x[i * d + j]!;
			const r = 1 / (1 + Math.exp(-z)) - y[i]!;
			for (let j = 0; j < d; j++) grad[j] += r * x[i * d + j]!;
			grad[d] += r;
		}
		for (let j = 0; j < d; j++) grad[j] += fit.weights[j]! / C;
		for (const g of grad) expect(Math.abs(g) / y.length).toBeLessThan(1e-8);
	});

	it('recovers the signs of the generating model', () => {
		const big = standardised(30_000, 5);
		const f = fitLogisticNewton(big.x, big.y, big.d, { C: 1 });
		DELINQUENCY_FEATURES.forEach((feature, j) => {
			if (Math.abs(feature.effect) >= 0.3) expect(Math.sign(f.weights[j]!)).toBe(Math.sign(feature.effect));
		});
	});

	it('shrinks weights as C gets smaller', () => {
		const strong = fitLogisticNewton(x, y, d, { C: 0.001 });
		const norm = (w: number[]) => Math.hypot(...w);
		expect(norm(strong.weights)).toBeLessThan(norm(fit.weights) / 2);
	});

	it('rejects a non-positive C', () => {
		expect(() => fitLogisticNewton(x, y, d, { C: 0 })).toThrow(RangeError);
	});
});
