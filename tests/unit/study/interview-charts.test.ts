import { describe, expect, it } from 'vitest';
import { partTrendChart } from '../../../src/lib/study/interview-charts';
import { partTrend } from '../../../src/lib/study/interview-grading';

describe('partTrendChart', () => {
	it('draws one line per CATER part with percentages by attempt number', () => {
		const trend = partTrend([
			{ startedAt: new Date('2026-11-02'), partScores: { context: 1, architecture: 0.5, tradeoffs: 1, execution: 0.75, risks: 0 } },
			{ startedAt: new Date('2026-11-01'), partScores: { context: 0.5, architecture: 1, tradeoffs: 0.5, execution: 1, risks: 1 / 3 } }
		]);
		const spec = partTrendChart(trend);
		expect(spec.data.datasets.map((d) => d.label)).toEqual(['Context & constraints', 'Architecture & data', 'Tradeoffs', 'Execution & MLOps', 'Risks & results']);
		expect(spec.data.datasets[4]!.data).toEqual([{ x: 1, y: 33 }, { x: 2, y: 0 }]);
		expect(spec.options?.scales?.y).toMatchObject({ min: 0, max: 100 });
	});
});
