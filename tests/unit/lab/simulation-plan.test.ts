import { describe, expect, it } from 'vitest';
import { rawFileDates } from '../../../src/lib/lab/daily-files';
import { DEFAULT_SIMULATION } from '../../../src/lib/lab/simulated-days';
import { describePlan, planSimulation } from '../../../src/lib/lab/simulation-plan';

const settings = { ...DEFAULT_SIMULATION, startDate: '2026-12-01', days: 5, suddenShiftDay: 4 };

describe('planSimulation', () => {
	it('writes consecutive dates when raw/ has none of them', () => {
		const plan = planSimulation(settings, ['2026-11-30'], 'skip');
		expect(plan.days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
		expect(plan.writes).toEqual(plan.days.map((d) => `raw/accounts_${d.date}.csv`));
		expect(plan.skipped).toEqual([]);
	});

	it('skips dates whose raw file exists and still simulates the requested number of days, drifting in the same order', () => {
		const plain = planSimulation(settings, [], 'skip');
		const plan = planSimulation(settings, ['2026-12-02', '2026-12-03', '2026-12-06'], 'skip');
		expect(plan.days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-04', '2026-12-05', '2026-12-07', '2026-12-08']);
		expect(plan.skipped).toEqual(['2026-12-02', '2026-12-03', '2026-12-06']);
		expect(plan.writes).not.toContain('raw/accounts_2026-12-02.csv');
		// Day k keeps day k's generator settings (seed, ids, drift); only its date moves.
		expect(plan.days.map((d) => d.generate?.seed)).toEqual(plain.days.map((d) => d.generate?.seed));
		expect(plan.days.map((d) => d.generate?.options.shift)).toEqual(plain.days.map((d) => d.generate?.options.shift));
		expect(plan.days.every((d) => d.generate?.date === d.date)).toBe(true);
	});

	it('scores an existing file as it is instead of generating over it', () => {
		const plan = planSimulation(settings, ['2026-12-03'], 'score');
		expect(plan.days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
		expect(plan.days[2]).toEqual({ date: '2026-12-03', generate: null });
		expect(plan.kept).toEqual(['2026-12-03']);
		expect(plan.writes).toHaveLength(4);
		expect(plan.writes).not.toContain('raw/accounts_2026-12-03.csv');
	});

	it('says which files it writes and which it leaves alone', () => {
		expect(describePlan(planSimulation(settings, ['2026-12-02'], 'skip'))).toBe(
			'New files in raw/: 5 (2026-12-01 to 2026-12-06). Skipped 2026-12-02: raw/accounts_2026-12-02.csv already exists and is left as it is.'
		);
		expect(describePlan(planSimulation(settings, ['2026-12-02', '2026-12-04'], 'score'))).toBe(
			'New files in raw/: 3 (2026-12-01 to 2026-12-05). Existing raw/accounts_2026-12-02.csv, raw/accounts_2026-12-04.csv are scored as they are, not rewritten.'
		);
	});

	it('reads the dates of daily raw files only', () => {
		expect(rawFileDates(['accounts_2026-12-02.csv', 'accounts_2026-12-01.csv', 'accounts_2026-12-03_predictions.csv', 'mine.csv'])).toEqual(['2026-12-01', '2026-12-02']);
	});
});
