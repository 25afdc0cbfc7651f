import { describe, expect, it } from 'vitest';
import { normalisedParam, parallelCoordinatesChart, trialMetricChart } from '../../../src/lib/lab/sweep-charts';
import type { SearchSpace, Trial } from '../../../src/lib/ml/sweep';

const space: SearchSpace = {
	C: { type: 'loguniform', min: -2, max: 2 },
	class_weight: { type: 'choice', values: ['none', 'balanced'] },
	threshold: { type: 'uniform', min: 0.2, max: 0.8 }
};
const trials: Trial[] = [
	{ id: 1, params: { C: 1, class_weight: 'none', threshold: 0.5 }, unit: [], metrics: [0.7, 0.72, 0.74], status: 'completed' },
	{ id: 2, params: { C: Math.exp(-2), class_weight: 'balanced', threshold: 0.2 }, unit: [], metrics: [0.6], status: 'cancelled', cancelledAt: 1, reason: 'x' },
	{ id: 3, params: { C: 2, class_weight: 'none', threshold: 0.8 }, unit: [], metrics: [], status: 'running' }
];

describe('sweep charts', () => {
	it('scale each parameter to its range: loguniform on the log scale, choices by position', () => {
		expect(normalisedParam(space, 'C', 1)).toBeCloseTo(0.5, 10);
		expect(normalisedParam(space, 'C', Math.exp(-2))).toBeCloseTo(0, 10);
		expect(normalisedParam(space, 'class_weight', 'balanced')).toBe(1);
		expect(normalisedParam(space, 'threshold', 0.35)).toBeCloseTo(0.25, 10);
	});

	it('draw one line per trial by interval and end a cancelled trial in a cross', () => {
		const spec = trialMetricChart(trials, 'AUC');
		const [done, cancelled] = spec.data.datasets;
		expect(done!.data).toEqual([{ x: 1, y: 0.7 }, { x: 2, y: 0.72 }, { x: 3, y: 0.74 }]);
		expect(cancelled!.label).toBe('Trial 2 (cancelled)');
		expect((cancelled as unknown as { pointStyle: string[] }).pointStyle).toEqual(['crossRot']);
	});

	it('put parameters and the final metric on parallel axes, leaving out trials without a metric', () => {
		const spec = parallelCoordinatesChart(trials, space, 'AUC');
		expect(spec.data.labels).toEqual(['C', 'class_weight', 'threshold', 'AUC']);
		expect(spec.data.datasets).toHaveLength(2);
		const [best, worst] = spec.data.datasets.map((d) => d.data as number[]);
		expect(best![3]).toBe(1);
		expect(worst).toEqual([0, 1, 0, 0]);
	});
});
