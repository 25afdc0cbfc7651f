// Chart configs for a sweep: the primary metric of every trial by interval (cancelled trials end
// in a cross), and parallel coordinates of parameters against the metric, each axis scaled to 0–1.
import type { SearchSpace, Trial } from '../ml/sweep';
import type { ChartSpec } from '../charts/chart-spec';

const COMPLETED = '#2f7fc1';
const CANCELLED = '#e8590c';

export function trialMetricChart(trials: readonly Trial[], metric: string): ChartSpec {
	return {
		type: 'scatter',
		data: {
			datasets: trials.map((t) => {
				const colour = t.status === 'cancelled' ? CANCELLED : COMPLETED;
				return {
					type: 'line' as const,
					label: `Trial ${t.id}${t.status === 'cancelled' ? ' (cancelled)' : ''}`,
					data: t.metrics.map((y, i) => ({ x: i + 1, y })),
					borderColor: colour,
					backgroundColor: colour,
					borderDash: t.status === 'cancelled' ? [5, 4] : [],
					pointStyle: t.metrics.map((_, i) => (t.status === 'cancelled' && i === t.metrics.length - 1 ? 'crossRot' : 'circle')),
					pointRadius: t.metrics.map((_, i) => (t.status === 'cancelled' && i === t.metrics.length - 1 ? 7 : 3)),
					borderWidth: 1.5
				};
			})
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			parsing: false,
			scales: { x: { title: { display: true, text: 'Interval (cross-validation fold)' }, ticks: { stepSize: 1 } }, y: { title: { display: true, text: `${metric} (running mean)` } } },
			plugins: { legend: { display: false } }
		}
	};
}

/** A parameter's value on a 0–1 axis: choices by position, loguniform on the log scale. */
export function normalisedParam(space: SearchSpace, name: string, value: number | string): number {
	const e = space[name];
	if (!e) return 0.5;
	if (e.type === 'choice') return e.values.length > 1 ? e.values.indexOf(value) / (e.values.length - 1) : 0.5;
	const v = e.type === 'loguniform' ? Math.log(Number(value)) : Number(value);
	return Math.min(1, Math.max(0, (v - e.min) / (e.max - e.min)));
}

export function parallelCoordinatesChart(trials: readonly Trial[], space: SearchSpace, metric: string): ChartSpec {
	const names = Object.keys(space);
	const finals = trials.filter((t) => t.metrics.length).map((t) => t.metrics.at(-1)!);
	const lo = Math.min(...finals);
	const hi = Math.max(...finals);
	const scaleMetric = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
	return {
		type: 'line',
		data: {
			labels: [...names, metric],
			datasets: trials
				.filter((t) => t.metrics.length)
				.map((t) => {
					const m = scaleMetric(t.metrics.at(-1)!);
					// Colour runs from grey-blue (worst) to orange (best) so good regions stand out.
					const colour = `hsl(${Math.round(210 - 180 * m)} 70% 48%)`;
					return {
						label: `Trial ${t.id}`,
						data: [...names.map((n) => normalisedParam(space, n, t.params[n]!)), m],
						borderColor: colour,
						backgroundColor: colour,
						borderDash: t.status === 'cancelled' ? [5, 4] : [],
						pointRadius: 3,
						borderWidth: 1.5,
						tension: 0
					};
				})
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			scales: { y: { min: 0, max: 1, title: { display: true, text: 'Position within the range (0–1)' } } },
			plugins: { legend: { display: false } }
		}
	};
}
