import { describe, expect, it } from 'vitest';
import { fileDate } from '../../../src/lib/lab/daily-files';
import { addDays, DEFAULT_SIMULATION, simulateDays, validateSimulation } from '../../../src/lib/lab/simulated-days';

const settings = { ...DEFAULT_SIMULATION, startDate: '2026-11-25' };

describe('simulateDays', () => {
	it('gives one generator setting per day with consecutive dates across month and year ends', () => {
		const days = simulateDays(settings);
		expect(days).toHaveLength(30);
		expect(days[0]!.date).toBe('2026-11-25');
		expect(days[6]!.date).toBe('2026-12-01');
		expect(days[29]!.date).toBe('2026-12-24');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(new Set(days.map((d) => d.seed)).size).toBe(30);
	});

	it('gives each day distinct account ids', () => {
		const days = simulateDays({ ...settings, rowsPerDay: 100 });
		expect(days[1]!.options.firstId - days[0]!.options.firstId).toBe(100);
	});

	it('drifts gradually from none on day 1 to the full strength on the last day', () => {
		const days = simulateDays({ ...settings, suddenShiftDay: null });
		const utilisation = days.map((d) => d.options.shift['debt_to_income'] ?? 0);
		expect(utilisation[0]).toBe(0);
		expect(utilisation[29]).toBeCloseTo(settings.gradualDrift, 12);
		expect(utilisation.every((u, k) => k === 0 || u > utilisation[k - 1]!)).toBe(true);
		expect(days[29]!.options.shift['annual_income']).toBeLessThan(0);
		expect(days.every((d) => d.options.shift['months_on_book'] === undefined)).toBe(true);
	});

	it('adds the sudden shift from its day on', () => {
		const days = simulateDays({ ...settings, gradualDrift: 0, suddenShiftDay: 20 });
		expect(days[18]!.options.shift).toEqual({});
		expect(days[19]!.options.shift['months_on_book']).toBe(-settings.suddenShift);
		expect(days[29]!.options.shift['months_on_book']).toBe(-settings.suddenShift);
	});

	it('refuses bad settings with a message naming the setting', () => {
		expect(validateSimulation({ ...settings, startDate: '25/11/2026' })).toMatch(/Start date/);
		expect(validateSimulation({ ...settings, days: 0 })).toMatch(/Days/);
		expect(validateSimulation({ ...settings, rowsPerDay: 10 })).toMatch(/Rows per day/);
		expect(validateSimulation({ ...settings, suddenShiftDay: 31 })).toMatch(/Sudden-shift day must be .* 1 to 30/);
		expect(() => simulateDays({ ...settings, days: 1.5 })).toThrow(/Days/);
		expect(validateSimulation(settings)).toBeNull();
	});

	it('reads the date of daily raw and predictions files only', () => {
		expect(fileDate('accounts_2026-11-25.csv')).toBe('2026-11-25');
		expect(fileDate('accounts_2026-11-25_predictions.csv')).toBe('2026-11-25');
		expect(fileDate('upload.csv')).toBeNull();
	});
});
