import { describe, expect, it } from 'vitest';
import { importanceChart, waterfallChart } from '../../../src/lib/lab/responsible-ai-charts';

describe('responsible AI charts', () => {
	it('draws importance bars in the given order', () => {
		const spec = importanceChart([{ column: 'a', importance: 0.3 }, { column: 'b', importance: 0.1 }], 'AUC drop');
		expect(spec.data.labels).toEqual(['a', 'b']);
		expect(spec.data.datasets[0]!.data).toEqual([0.3, 0.1]);
	});

	it('stacks contributions from the base value to the model log-odds', () => {
		const spec = waterfallChart({
			base: -2,
			contributions: [{ column: 'x', value: 1, contribution: 1.5 }, { column: 'r', value: 'south', contribution: -0.5 }],
			logOdds: -1,
			probability: 0.27
		});
		expect(spec.data.labels).toEqual(['base value', 'x', 'r', 'model log-odds']);
		expect(spec.data.datasets[0]!.data).toEqual([[0, -2], [-2, -0.5], [-0.5, -1], [0, -1]]);
		const colours = spec.data.datasets[0]!.backgroundColor as string[];
		expect(colours[1]).not.toBe(colours[2]);
	});
});
