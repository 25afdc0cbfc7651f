import { describe, expect, it } from 'vitest';
import { fitLogisticGradientDescent } from '../../../src/lib/ml/logistic-gd';
import { fitLogisticNewton } from '../../../src/lib/ml/logistic-newton';
import { rocAuc } from '../../../src/lib/ml/metrics';
import { encodedDelinquency } from './helpers';

const scores = (x: Float64Array, d: number, w: number[], b: number) =>
	Array.from({ length: x.length / d }, (_, i) => {
		let z = b;
		for (let j = 0; j < d; j++) z += w[j]! * x[i * d + j]!;
		return 1 / (1 + Math.exp(-z));
	});

describe('fitLogisticGradientDescent (ml-logistic-regression)', () => {
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
});
