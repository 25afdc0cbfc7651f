// Simulated production days for the pipeline: one generator setting per day, drifting
// gradually (customers slowly take on more debt) and optionally shifting suddenly from one day on
// (a campaign brings in a wave of new accounts). The label column stays in each file: in the seed story
// labels "arrive later", and the retrain uses them.
import { DELINQUENCY_NUMERIC, type GenerateOptions } from '../ml/delinquency-data';
import { isCalendarDate } from './daily-files';

export interface SimulationSettings {
	/** First day, like 2026-11-25. */
	startDate: string;
	days: number;
	seed: number;
	rowsPerDay: number;
	/** Gradual shift reached on the last day, in standard units of each drifting feature. */
	gradualDrift: number;
	/** 1-based day from which the sudden shift applies; null for none. */
	suddenShiftDay: number | null;
	/** Size of the sudden shift in standard units. */
	suddenShift: number;
}

export const DEFAULT_SIMULATION: Omit<SimulationSettings, 'startDate'> = { days: 30, seed: 2026, rowsPerDay: 2000, gradualDrift: 0.5, suddenShiftDay: 20, suddenShift: 0.8 };

/**
 * Per standard unit of gradualDrift: debt load creeps up while income slips. Features the generator
 * clamps at 0 (utilisation, repayments) are left alone: shifting their pile of zeros empties a
 * whole bin at once, which reads as a jump, not a gradual drift.
 */
export const GRADUAL_DIRECTION: Readonly<Record<string, number>> = { debt_to_income: 1, annual_income: -0.6 };
/** Per standard unit of suddenShift: a campaign brings in many new accounts (fewer months on book). */
export const SUDDEN_DIRECTION: Readonly<Record<string, number>> = { months_on_book: -1 };

export interface SimulatedDay {
	/** 1-based day number. */
	day: number;
	date: string;
	rows: number;
	seed: number;
	/** Generator options: distinct account ids per day and the day's shift per feature. */
	options: Required<GenerateOptions>;
}

/** The date `days` after a YYYY-MM-DD date, in UTC so time zones and daylight saving never skip a day. */
export function addDays(date: string, days: number): string {
	const t = Date.parse(`${date}T00:00:00Z`);
	return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

export function validateSimulation(s: SimulationSettings): string | null {
	if (!isCalendarDate(s.startDate)) return `Start date "${s.startDate}" is not a date like 2026-11-25.`;
	if (!Number.isInteger(s.days) || s.days < 1 || s.days > 366) return 'Days must be a whole number from 1 to 366.';
	if (!Number.isInteger(s.rowsPerDay) || s.rowsPerDay < 50 || s.rowsPerDay > 100_000) return 'Rows per day must be a whole number from 50 to 100,000.';
	if (!Number.isInteger(s.seed) || s.seed < 0) return 'Seed must be a whole number of 0 or more.';
	if (!Number.isFinite(s.gradualDrift) || Math.abs(s.gradualDrift) > 5) return 'Gradual drift must be between −5 and 5 standard units.';
	if (!Number.isFinite(s.suddenShift) || Math.abs(s.suddenShift) > 5) return 'Sudden shift must be between −5 and 5 standard units.';
	if (s.suddenShiftDay !== null && !(Number.isInteger(s.suddenShiftDay) && s.suddenShiftDay >= 1 && s.suddenShiftDay <= s.days)) return `Sudden-shift day must be a whole number from 1 to ${s.days}.`;
	return null;
}

/** The generator settings for each simulated day; day 1 is undrifted, the last day carries the full gradual drift. */
export function simulateDays(s: SimulationSettings): SimulatedDay[] {
	const problem = validateSimulation(s);
	if (problem) throw new RangeError(problem);
	return Array.from({ length: s.days }, (_, k) => {
		const progress = s.days > 1 ? k / (s.days - 1) : 0;
		const shift: Record<string, number> = {};
		for (const f of DELINQUENCY_NUMERIC) {
			const gradual = (GRADUAL_DIRECTION[f.name] ?? 0) * s.gradualDrift * progress;
			const sudden = s.suddenShiftDay !== null && k + 1 >= s.suddenShiftDay ? (SUDDEN_DIRECTION[f.name] ?? 0) * s.suddenShift : 0;
			if (gradual || sudden) shift[f.name] = gradual + sudden;
		}
		return {
			day: k + 1,
			date: addDays(s.startDate, k),
			rows: s.rowsPerDay,
			// Distinct seeds and ids per day, reproducible from the simulation's seed.
			seed: s.seed * 1000 + k + 1,
			options: { firstId: 1_000_000 + k * s.rowsPerDay + 1, shift }
		};
	});
}
