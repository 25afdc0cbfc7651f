import { describe, expect, it } from 'vitest';
import { costChart, gainsChart, lossChart, rocChart } from '../../../src/lib/lab/evaluation-charts';
import { costCurve, decileTable, rocCurve } from '../../../src/lib/ml/curves';

const y = [0, 0, 1, 1, 0, 1, 0, 0, 0, 1];
const p = [0.1, 0.2, 0.8, 0.7, 0.3, 0.9, 0.05, 0.4, 0.15, 0.35];

describe('evaluation charts', () => {
	it('ROC chart draws the model and the chance diagonal on unit axes', () => {
		const spec = rocChart([{ label: 'v1', points: rocCurve(y, p) }]);
		expect(spec.data.datasets.map((d) => d.label)).toEqual(['v1', 'Chance / perfect calibration']);
		expect(spec.options?.scales?.x).toMatchObject({ min: 0, max: 1 });
	});

	it('gains start at the origin and end at every delinquent found', () => {
		const data = gainsChart(decileTable(y, p)).data.datasets[0]!.data as { x: number; y: number }[];
		expect(data[0]).toEqual({ x: 0, y: 0 });
		expect(data.at(-1)).toEqual({ x: 1, y: 1 });
	});

	it('loss chart uses a log axis and leaves out step 0, one series per solver', () => {
		const spec = lossChart([
			{ label: 'Newton', points: [{ x: 0, y: 0.69 }, { x: 1, y: 0.4 }, { x: 2, y: 0.35 }] },
			{ label: 'GD', points: [{ x: 1, y: 0.69 }, { x: 2, y: 0.68 }] }
		]);
		expect(spec.options?.scales?.x).toMatchObject({ type: 'logarithmic' });
		expect((spec.data.datasets[0]!.data as { x: number }[]).map((d) => d.x)).toEqual([1, 2]);
		expect(spec.data.datasets).toHaveLength(2);
	});

	it('cost chart marks the cheapest threshold', () => {
		const { curve, best } = costCurve(y, p, 100, 10);
		const marked = costChart(curve, best).data.datasets.at(-1)!;
		expect(marked.label).toBe('Cheapest');
		expect(marked.data).toEqual([{ x: best.threshold, y: best.cost }]);
	});
});
