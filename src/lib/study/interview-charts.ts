// Chart data for the interview page: CATER-part scores across attempts, as a pure chart.js config
// (types only from chart.js), so what the chart shows is unit-tested without a canvas.
import { CATER_PARTS } from '../content/schema';
import { SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';
import { PART_TITLES, type PartTrend } from './interview-grading';

/**
 * One line per CATER part: x is the attempt number (oldest first) rather than a date, so attempts
 * made minutes apart stay readable and no date adapter ships; y is the share of points covered.
 */
export function partTrendChart(trend: PartTrend): ChartSpec {
	return {
		type: 'scatter',
		data: {
			datasets: CATER_PARTS.map((part, i) => ({
				type: 'line' as const,
				label: PART_TITLES[part],
				data: trend.series[part].map((p, n) => ({ x: n + 1, y: Math.round(p.score * 100) })),
				borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				pointRadius: 3,
				borderWidth: 2,
				tension: 0
			}))
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			parsing: false,
			scales: {
				// offset keeps the first and last points clear of the chart's edges.
				x: { type: 'linear', offset: true, title: { display: true, text: 'Attempt (oldest first)' }, min: 1, max: Math.max(2, trend.attempts), ticks: { stepSize: 1, precision: 0 } },
				y: { title: { display: true, text: 'Checklist points covered (%)' }, min: 0, max: 100 }
			},
			plugins: { legend: { display: true } }
		}
	};
}
