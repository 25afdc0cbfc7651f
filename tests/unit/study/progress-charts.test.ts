import { describe, expect, it } from 'vitest';
import { examAttemptsChart } from '../../../src/lib/study/progress-charts';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe('examAttemptsChart', () => {
	it('plots full exams and practice-by-domain sessions as separate series, in the order taken, partial ones hollow', () => {
		const spec = examAttemptsChart([
			{ finishedAt: at(1), score: 650, mode: 'full' },
			{ finishedAt: at(2), score: 900, mode: 'domain' },
			{ finishedAt: at(3), score: 720.4, mode: 'full', status: 'partial' },
			{ finishedAt: at(4), score: 500, mode: 'domain', status: 'finished' }
		]);
		const [full, practice, pass] = spec.data.datasets;
		expect(full!.label).toBe('Full exams');
		expect(full!.data).toEqual([
			{ x: 1, y: 650 },
			{ x: 3, y: 720 }
		]);
		expect(practice!.label).toBe('Practice by domain');
		expect(practice!.data).toEqual([
			{ x: 2, y: 900 },
			{ x: 4, y: 500 }
		]);
		expect((full as unknown as { backgroundColor: string[] }).backgroundColor[1]).toBe('transparent');
		expect((full as unknown as { backgroundColor: string[] }).backgroundColor[0]).not.toBe('transparent');
		expect(pass!.data).toEqual([
			{ x: 1, y: 700 },
			{ x: 4, y: 700 }
		]);
	});
});
