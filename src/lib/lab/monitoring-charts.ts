// Chart configs for the Monitoring page, pure like evaluation-charts.ts: what each chart shows is
// unit-tested without a canvas.
import { PSI_MODERATE, PSI_SIGNIFICANT } from '../ml/drift';
import { axis, SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';
import { RISK_BUCKETS, SCORE_BINS, type DayReport } from './monitoring';

/** At most `n` days spread evenly from first to last, so overlaid histograms stay readable. */
export function spreadDays<T>(days: readonly T[], n: number): T[] {
	if (days.length <= n) return [...days];
	return Array.from({ length: n }, (_, k) => days[Math.round((k * (days.length - 1)) / (n - 1))]!);
}

/** Share of each day's rows per score bin, a few days overlaid (first, last and some between). */
export function scoreDistributionChart(days: readonly DayReport[]): ChartSpec {
	const shown = spreadDays(days, 4);
	return {
		type: 'scatter',
		data: {
			datasets: shown.map((d, i) => ({
				type: 'line' as const,
				label: d.date,
				data: d.scoreHistogram.map((c, b) => ({ x: (b + 0.5) / SCORE_BINS, y: d.rows ? c / d.rows : 0 })),
				borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				pointRadius: 2,
				borderWidth: 2,
				tension: 0
			}))
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			parsing: false,
			scales: { x: axis('Score (predicted probability of delinquency)', { type: 'linear', min: 0, max: 1 }), y: axis('Share of the day’s accounts', { min: 0 }) },
			plugins: { legend: { display: true } }
		}
	};
}

const BUCKET_COLOURS: Record<(typeof RISK_BUCKETS)[number], string> = { low: SERIES_COLOURS[2]!, medium: '#f08c00', high: '#c92a2a' };

/** Accounts per risk bucket per day, stacked. */
export function riskBucketChart(days: readonly DayReport[]): ChartSpec {
	return {
		type: 'bar',
		data: {
			labels: days.map((d) => d.date),
			datasets: RISK_BUCKETS.map((b) => ({ type: 'bar' as const, label: b, data: days.map((d) => d.buckets[b]), backgroundColor: BUCKET_COLOURS[b], stack: 'buckets' }))
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			scales: { x: axis('Day', { stacked: true }), y: axis('Accounts', { stacked: true, min: 0 }) },
			plugins: { legend: { display: true } }
		}
	};
}

/** PSI per feature (and of the score) per day, with the 0.1 and 0.25 band lines. */
export function psiChart(days: readonly DayReport[]): ChartSpec {
	const labels = days.map((d) => d.date);
	const names = days[0]?.features.map((f) => f.name) ?? [];
	// Eight feature colours, none of them the prediction's purple; all readable on light and dark backgrounds.
	const palette = ['#2f7fc1', '#e8590c', '#2b8a3e', '#868e96', '#1098ad', '#5c940d', '#d6336c', '#f59f00'];
	const datasets: ChartSpec['data']['datasets'] = names.map((name, i) => ({
		type: 'line' as const,
		label: name,
		data: days.map((d) => d.features.find((f) => f.name === name)?.psi ?? null),
		borderColor: palette[i % palette.length],
		backgroundColor: palette[i % palette.length],
		pointRadius: 1,
		borderWidth: 2,
		tension: 0
	}));
	if (days.some((d) => d.prediction)) {
		datasets.push({ type: 'line', label: 'prediction (score)', data: days.map((d) => d.prediction?.psi ?? null), borderColor: SERIES_COLOURS[3], backgroundColor: SERIES_COLOURS[3], borderWidth: 3, pointRadius: 2, tension: 0 });
	}
	for (const [value, label] of [
		[PSI_MODERATE, 'moderate (0.1)'],
		[PSI_SIGNIFICANT, 'significant (0.25)']
	] as const) {
		datasets.push({ type: 'line', label, data: days.map(() => value), borderColor: '#adb5bd', borderDash: value === PSI_MODERATE ? [3, 3] : [8, 4], borderWidth: 1, pointRadius: 0 });
	}
	return {
		type: 'line',
		data: { labels, datasets },
		options: {
			animation: false,
			maintainAspectRatio: false,
			scales: { x: axis('Day'), y: axis('PSI against training', { min: 0 }) },
			plugins: { legend: { display: true } }
		}
	};
}
