// Synthetic credit-risk accounts with a known generating model, so tests can check that training
// recovers the true signs and the lab has realistic, reproducible data (including missing values,
// a categorical feature and a sensitive attribute that the model must not use).
import { normal, seededRandom, type Random } from './random';
import type { ColumnSchema, LabelledTable } from './table';

interface NumericSpec {
	name: string;
	draw: (r: Random) => number;
	/** Centre and spread used to standardise the value inside the generating model. */
	centre: number;
	spread: number;
	/** Effect on the log-odds of 90-day delinquency per standard unit (the "true" coefficient). */
	effect: number;
	/** Share of accounts with the value missing (not recorded). */
	missing: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function poisson(r: Random, mean: number): number {
	// Knuth's method is fine for the small means used here.
	const limit = Math.exp(-mean);
	let k = 0;
	let p = r();
	while (p > limit) {
		k++;
		p *= r();
	}
	return k;
}

/** The generating model, documented in code: sign and size of each effect are what a test checks. */
export const DELINQUENCY_NUMERIC: readonly NumericSpec[] = [
	{ name: 'credit_utilization', draw: (r) => round(clamp(0.35 + 0.25 * normal(r), 0, 1.2), 3), centre: 0.35, spread: 0.25, effect: 0.9, missing: 0 },
	{ name: 'days_past_due_12m', draw: (r) => poisson(r, 1.2), centre: 1.2, spread: 1.1, effect: 0.8, missing: 0 },
	{ name: 'num_open_accounts', draw: (r) => 1 + poisson(r, 4), centre: 5, spread: 2, effect: 0.15, missing: 0 },
	{ name: 'annual_income', draw: (r) => round(Math.exp(10.8 + 0.45 * normal(r)), 0), centre: 54000, spread: 26000, effect: -0.45, missing: 0.04 },
	{ name: 'debt_to_income', draw: (r) => round(clamp(0.32 + 0.14 * normal(r), 0, 1.5), 3), centre: 0.32, spread: 0.14, effect: 0.55, missing: 0 },
	{ name: 'months_on_book', draw: (r) => Math.floor(3 + r() * 117), centre: 61, spread: 34, effect: -0.35, missing: 0.02 },
	{ name: 'payment_to_balance', draw: (r) => round(clamp(0.18 + 0.12 * normal(r), 0, 1), 3), centre: 0.18, spread: 0.12, effect: -0.6, missing: 0 }
];

/** Region shifts the log-odds (e.g. local economic conditions); `north` is the baseline. */
export const DELINQUENCY_REGIONS: readonly { name: string; share: number; effect: number }[] = [
	{ name: 'north', share: 0.3, effect: 0 },
	{ name: 'south', share: 0.25, effect: 0.35 },
	{ name: 'east', share: 0.25, effect: -0.2 },
	{ name: 'west', share: 0.2, effect: 0.1 }
];

/** Age band has no effect in the generating model; it exists so fairness checks have a group to compare. */
export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;

/** Baseline log-odds chosen so about 15 % of accounts go 90 days delinquent. */
export const DELINQUENCY_INTERCEPT = -2.3;
export const DELINQUENCY_TARGET = 'delinquent_90d';

export const DELINQUENCY_SCHEMA: readonly ColumnSchema[] = [
	{ name: 'account_id', kind: 'categorical', role: 'ignore' },
	...DELINQUENCY_NUMERIC.map((f) => ({ name: f.name, kind: 'numeric' as const, role: 'feature' as const })),
	{ name: 'region', kind: 'categorical', role: 'feature' },
	{ name: 'age_band', kind: 'categorical', role: 'sensitive' },
	{ name: DELINQUENCY_TARGET, kind: 'numeric', role: 'target' }
];

function pick<T extends { share: number }>(items: readonly T[], u: number): T {
	let acc = 0;
	for (const item of items) {
		acc += item.share;
		if (u < acc) return item;
	}
	return items[items.length - 1]!;
}

export interface GenerateOptions {
	/** Id of the first account, so daily files get distinct ids. */
	firstId?: number;
	/** Added to every numeric value in standard units (drift simulation); per feature name. */
	shift?: Partial<Record<string, number>>;
}

export function generateDelinquencyTable(rows: number, seed: number, options: GenerateOptions = {}): LabelledTable {
	const random = seededRandom(seed);
	const numeric = DELINQUENCY_NUMERIC.map(() => new Float64Array(rows));
	const ids: string[] = new Array(rows);
	const regions: string[] = new Array(rows);
	const ages: string[] = new Array(rows);
	const y = new Uint8Array(rows);
	const firstId = options.firstId ?? 1;
	for (let i = 0; i < rows; i++) {
		let logit = DELINQUENCY_INTERCEPT;
		DELINQUENCY_NUMERIC.forEach((f, j) => {
			const value = f.draw(random) + (options.shift?.[f.name] ?? 0) * f.spread;
			logit += (f.effect * (value - f.centre)) / f.spread;
			// Missingness is drawn after the effect: the account's risk is real even when unrecorded.
			numeric[j]![i] = random() < f.missing ? NaN : value;
		});
		const region = pick(DELINQUENCY_REGIONS, random());
		logit += region.effect;
		regions[i] = region.name;
		ages[i] = AGE_BANDS[Math.floor(random() * AGE_BANDS.length)]!;
		ids[i] = `A${String(firstId + i).padStart(7, '0')}`;
		y[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
	}
	return {
		rows,
		columns: [
			{ name: 'account_id', kind: 'categorical', values: ids },
			...DELINQUENCY_NUMERIC.map((f, j) => ({ name: f.name, kind: 'numeric' as const, values: numeric[j]! })),
			{ name: 'region', kind: 'categorical', values: regions },
			{ name: 'age_band', kind: 'categorical', values: ages }
		],
		target: { name: DELINQUENCY_TARGET, values: y }
	};
}
