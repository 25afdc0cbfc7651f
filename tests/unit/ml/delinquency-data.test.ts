import { describe, expect, it } from 'vitest';
import { DELINQUENCY_FEATURES, generateDelinquencyData } from '../../../src/lib/ml/delinquency-data';

describe('generateDelinquencyData', () => {
	it('is reproducible from its seed and differs across seeds', () => {
		const a = generateDelinquencyData(500, 7);
		const b = generateDelinquencyData(500, 7);
		const c = generateDelinquencyData(500, 8);
		expect(Array.from(a.x)).toEqual(Array.from(b.x));
		expect(Array.from(a.y)).toEqual(Array.from(b.y));
		expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
	});

	it('has named features and a realistic delinquency rate (10–20 %)', () => {
		const data = generateDelinquencyData(20_000, 1);
		expect(data.features).toEqual(DELINQUENCY_FEATURES.map((f) => f.name));
		expect(data.features).toContain('credit_utilization');
		const rate = data.y.reduce((s, v) => s + v, 0) / data.rows;
		expect(rate).toBeGreaterThan(0.1);
		expect(rate).toBeLessThan(0.2);
	});

	it('keeps values in plausible ranges', () => {
		const data = generateDelinquencyData(5_000, 3);
		const d = data.features.length;
		const col = (name: string) => {
			const j = data.features.indexOf(name);
			return Array.from({ length: data.rows }, (_, i) => data.x[i * d + j]!);
		};
		expect(Math.min(...col('credit_utilization'))).toBeGreaterThanOrEqual(0);
		expect(Math.max(...col('credit_utilization'))).toBeLessThanOrEqual(1.2);
		expect(col('days_past_due_12m').every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
		expect(Math.min(...col('annual_income'))).toBeGreaterThan(5_000);
	});
});
