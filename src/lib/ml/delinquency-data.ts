// Synthetic credit-risk accounts with a known generating model, so tests can check that
// training recovers the true signs and the lab has realistic, reproducible data.
import type { Dataset } from './dataset';
import { normal, seededRandom, type Random } from './random';

interface FeatureSpec {
	name: string;
	/** Draws the raw value for one account. */
	draw: (r: Random) => number;
	/** Centre and spread used to standardise the value inside the generating model. */
	centre: number;
	spread: number;
	/** Effect on the log-odds of 90-day delinquency per standard unit (the "true" coefficient). */
	effect: number;
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
export const DELINQUENCY_FEATURES: readonly FeatureSpec[] = [
	{ name: 'credit_utilization', draw: (r) => round(clamp(0.35 + 0.25 * normal(r), 0, 1.2), 3), centre: 0.35, spread: 0.25, effect: 0.9 },
	{ name: 'days_past_due_12m', draw: (r) => poisson(r, 1.2), centre: 1.2, spread: 1.1, effect: 0.8 },
	{ name: 'num_open_accounts', draw: (r) => 1 + poisson(r, 4), centre: 5, spread: 2, effect: 0.15 },
	{ name: 'annual_income', draw: (r) => round(Math.exp(10.8 + 0.45 * normal(r)), 0), centre: 54000, spread: 26000, effect: -0.45 },
	{ name: 'debt_to_income', draw: (r) => round(clamp(0.32 + 0.14 * normal(r), 0, 1.5), 3), centre: 0.32, spread: 0.14, effect: 0.55 },
	{ name: 'months_on_book', draw: (r) => Math.floor(3 + r() * 117), centre: 61, spread: 34, effect: -0.35 },
	{ name: 'payment_to_balance', draw: (r) => round(clamp(0.18 + 0.12 * normal(r), 0, 1), 3), centre: 0.18, spread: 0.12, effect: -0.6 }
];

/** Baseline log-odds chosen so about 15 % of accounts go 90 days delinquent. */
export const DELINQUENCY_INTERCEPT = -2.15;
export const DELINQUENCY_TARGET = 'delinquent_90d';

export function generateDelinquencyData(rows: number, seed: number): Dataset {
	const random = seededRandom(seed);
	const d = DELINQUENCY_FEATURES.length;
	const x = new Float64Array(rows * d);
	const y = new Uint8Array(rows);
	for (let i = 0; i < rows; i++) {
		let logit = DELINQUENCY_INTERCEPT;
		DELINQUENCY_FEATURES.forEach((f, j) => {
			const value = f.draw(random);
			x[i * d + j] = value;
			logit += (f.effect * (value - f.centre)) / f.spread;
		});
		y[i] = random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
	}
	return { features: DELINQUENCY_FEATURES.map((f) => f.name), x, y, rows, target: DELINQUENCY_TARGET };
}
