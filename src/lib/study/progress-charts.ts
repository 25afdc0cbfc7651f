// Chart configs for the Progress page (pure; drawn by src/lib/ui/Chart.svelte).
import type { ChartSpec } from '../lab/evaluation-charts';
import { SERIES_COLOURS } from '../lab/evaluation-charts';
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
