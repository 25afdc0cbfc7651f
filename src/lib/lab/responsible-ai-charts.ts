// Chart configs for the Responsible AI lab: a global importance bar chart and a local waterfall.
// Pure, so what each chart shows is unit-tested without a canvas.
import type { ColumnImportance, LocalExplanation } from '../ml/explain';
import { SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';

const RISE = SERIES_COLOURS[1]!;
const FALL = SERIES_COLOURS[0]!;
const BASE = SERIES_COLOURS[4]!;

/** Horizontal bars, most important first. */
export function importanceChart(items: ColumnImportance[], valueLabel: string): ChartSpec {
	return {
		type: 'bar',
		data: {
			labels: items.map((i) => i.column),
			datasets: [{ type: 'bar', label: valueLabel, data: items.map((i) => i.importance), backgroundColor: SERIES_COLOURS[0] }]
		},
		options: {
			indexAxis: 'y',
			animation: false,
			maintainAspectRatio: false,
			scales: { x: { title: { display: true, text: valueLabel } } },
			plugins: { legend: { display: false } }
		}
	};
}

/**
 * Waterfall of one record's log-odds: the base value, then each contribution as a floating bar from
 * the running total, then the model's log-odds. Rises are orange, falls blue.
 */
export function waterfallChart(e: LocalExplanation): ChartSpec {
	const labels = ['base value', ...e.contributions.map((c) => c.column), 'model log-odds'];
	const bars: [number, number][] = [[0, e.base]];
	let total = e.base;
	for (const c of e.contributions) {
		bars.push([total, total + c.contribution]);
		total += c.contribution;
	}
	bars.push([0, e.logOdds]);
	const colours = [BASE, ...e.contributions.map((c) => (c.contribution >= 0 ? RISE : FALL)), BASE];
	return {
		type: 'bar',
		data: { labels, datasets: [{ type: 'bar', label: 'Log-odds', data: bars, backgroundColor: colours }] },
		options: {
			indexAxis: 'y',
			animation: false,
			maintainAspectRatio: false,
			scales: { x: { title: { display: true, text: 'Log-odds of delinquency' } } },
			plugins: { legend: { display: false } }
		}
	};
}
