// The prompt panel's cost (recomputed on the page when a price is edited) is the engine's cost.
import { describe, expect, it } from 'vitest';
import { costUsd } from '../../../src/lib/rag/prompt';
import { questionCost } from '../../../src/routes/lab/rag/question-cost';

describe('cost of a question', () => {
	it('is what the engine charges, for any tokens and prices', () => {
		for (const [input, output, prices] of [
			[1200, 80, { inputPer1k: 0.0025, outputPer1k: 0.01 }],
			[0, 0, { inputPer1k: 1, outputPer1k: 1 }],
			[333, 1, { inputPer1k: 0.5, outputPer1k: 0 }]
		] as const) {
			expect(questionCost(input, output, prices)).toBeCloseTo(costUsd(input, output, prices), 12);
		}
		expect(questionCost(1000, 1000, { inputPer1k: 0.0025, outputPer1k: 0.01 })).toBeCloseTo(0.0125, 12);
	});
});
