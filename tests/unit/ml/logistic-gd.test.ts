import { describe, expect, it } from 'vitest';
import { fitLogisticGradientDescent } from '../../../src/lib/ml/logistic-gd';
import { fitLogisticNewton } from '../../../src/lib/ml/logistic-newton';
import { balancedSampleWeight } from '../../../src/lib/ml/class-weight';
import { rocAuc } from '../../../src/lib/ml/metrics';
import { encodedDelinquency } from './helpers';

const scores = (x: Float64Array, d: number, w: number[], b: number) =>
	Array.from({ length: x.length / d }, (_, i) => {
		let z = b;
		for (let j = 0; j < d; j++) z += w[j]! * x[i * d + j]!;
		return 1 / (1 + Math.exp(-z));
	});

describe('fitLogisticGradientDescent', () => {
	const { x, y, d } = encodedDelinquency(1500, 4);
	const gd = fitLogisticGradientDescent(x, y, d, { maxSteps: 256 });

	it('records a falling loss at doubling step counts and stops by its rule', () => {
		expect(gd.lossCurve.map((c) => c.steps).slice(0, 4)).toEqual([1, 2, 4, 8]);
		for (let i = 1; i < gd.lossCurve.length; i++) expect(gd.lossCurve[i]!.loss).toBeLessThan(gd.lossCurve[i - 1]!.loss);
		expect(gd.steps).toBeLessThanOrEqual(256);
	});

	it('ranks almost as well as the exact solver, with a higher training loss', () => {
		const newton = fitLogisticNewton(x, y, d, { C: 1e6 });
		const aucGd = rocAuc(y, scores(x, d, gd.weights, gd.intercept));
		const aucNewton = rocAuc(y, scores(x, d, newton.weights, newton.intercept));
		expect(Math.abs(aucGd - aucNewton)).toBeLessThan(0.01);
		expect(gd.lossCurve.at(-1)!.loss).toBeGreaterThan(newton.lossHistory.at(-1)!);
	});

	it('fits one model of P(y = 1) on the same objective as Newton: C and class weights take effect', () => {
		const sampleWeight = balancedSampleWeight(y);
		for (const options of [{ C: 0.01 }, { C: 1, sampleWeight }]) {
			const fit = fitLogisticGradientDescent(x, y, d, { ...options, maxSteps: 1024, relativeTolerance: 1e-6 });
			const newton = fitLogisticNewton(x, y, d, options);
			// The same objective: gradient descent ends just above Newton's optimum, with nearly the same scores.
			const gap = fit.lossCurve.at(-1)!.loss - newton.lossHistory.at(-1)!;
			expect(gap).toBeGreaterThanOrEqual(0);
			expect(gap).toBeLessThan(1e-3);
			const p = scores(x, d, fit.weights, fit.intercept);
			const q = scores(x, d, newton.weights, newton.intercept);
			expect(Math.max(...p.map((v, i) => Math.abs(v - q[i]!)))).toBeLessThan(0.02);
		}
		// A strong penalty shrinks the weights; balanced weights move the intercept towards the rare class.
		const strong = fitLogisticGradientDescent(x, y, d, { C: 0.001 });
		const norm = (w: number[]) => Math.hypot(...w);
		expect(norm(strong.weights)).toBeLessThan(norm(gd.weights) / 2);
		expect(fitLogisticGradientDescent(x, y, d, { sampleWeight }).intercept).toBeGreaterThan(gd.intercept + 0.5);
	}, 20_000);
});
