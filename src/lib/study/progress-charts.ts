// Chart configs for the Progress page (pure; drawn by src/lib/ui/Chart.svelte).
import { SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';
import type { DomainForecast } from './progress-stats';

export function forecastChart(counts: readonly number[]): ChartSpec {
	return {
		type: 'bar',
		data: {
			labels: counts.map((_, i) => (i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : `+${i}`)),
			datasets: [{ type: 'bar', label: 'Cards due', data: [...counts], backgroundColor: SERIES_COLOURS[0] }]
		},
		options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Cards due' } } } }
	};
}

/** Predicted recall per domain next to the domain's share of the exam, both in percent. */
export function masteryChart(domains: readonly DomainForecast[]): ChartSpec {
	return {
		type: 'bar',
		data: {
			labels: domains.map((d) => d.title),
			datasets: [
				{ type: 'bar', label: 'Predicted recall (%)', data: domains.map((d) => Math.round(d.recall * 100)), backgroundColor: SERIES_COLOURS[0] },
				{ type: 'bar', label: 'Exam weight (%)', data: domains.map((d) => d.weight), backgroundColor: SERIES_COLOURS[4] }
			]
		},
		options: { animation: false, maintainAspectRatio: false, indexAxis: 'y', scales: { x: { min: 0, max: 100, title: { display: true, text: 'Percent' } } } }
	};
}

/**
 * Practice-exam scores (out of 1000) in the order taken, full exams and practice-by-domain sessions
 * as separate series (a short practice on one domain is not a mock exam), with the 700 pass mark.
 * Partial attempts (stopped early) are drawn as hollow points.
 */
export function examAttemptsChart(attempts: readonly { finishedAt: Date; score: number; mode: string; status?: string }[]): ChartSpec {
	const numbered = attempts.map((a, i) => ({ x: i + 1, y: Math.round(a.score), mode: a.mode, partial: a.status === 'partial' }));
	const series = (mode: string, label: string, colour: string) => {
		const points = numbered.filter((p) => p.mode === mode);
		return {
			type: 'line' as const,
			label,
			data: points.map(({ x, y }) => ({ x, y })),
			borderColor: colour,
			backgroundColor: points.map((p) => (p.partial ? 'transparent' : colour)),
			pointRadius: 4,
			showLine: points.length > 1
		};
	};
	return {
		type: 'scatter',
		data: {
			datasets: [
				series('full', 'Full exams', SERIES_COLOURS[0]!),
				series('domain', 'Practice by domain', SERIES_COLOURS[2]!),
				{ type: 'line', label: 'Pass mark (700)', data: [{ x: 1, y: 700 }, { x: Math.max(2, numbered.length), y: 700 }], borderColor: SERIES_COLOURS[1], borderDash: [6, 4], pointRadius: 0 }
			]
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			scales: { x: { title: { display: true, text: 'Attempt' }, ticks: { precision: 0 } }, y: { min: 0, max: 1000, title: { display: true, text: 'Score (of 1000)' } } }
		}
	};
}
