// Chart configs for the RAG lab: the chunk-size histogram, a sweep's quality against latency (point
// size = token cost per 1,000 questions), and a monitored metric over time with drift flags.
import { axis, SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';

const FLAGGED = '#e8590c';

export function chunkSizeChart(histogram: readonly { from: number; to: number; count: number }[]): ChartSpec {
	return {
		type: 'bar',
		data: {
			labels: histogram.map((b) => `${b.from}–${b.to - 1}`),
			datasets: [{ type: 'bar', label: 'Chunks', data: histogram.map((b) => b.count), backgroundColor: SERIES_COLOURS[0] }]
		},
		options: { animation: false, maintainAspectRatio: false, scales: { x: axis('Tokens per chunk'), y: axis('Chunks', { beginAtZero: true }) }, plugins: { legend: { display: false } } }
	};
}

export interface SweepPoint {
	label: string;
	quality: number;
	latencyMs: number;
	costPer1k: number;
}

/** Quality against p50 latency; each point's radius grows with its token cost per 1,000 questions. */
export function qualityLatencyCostChart(points: readonly SweepPoint[], quality: string): ChartSpec {
	const maxCost = Math.max(1e-9, ...points.map((p) => p.costPer1k));
	return {
		type: 'scatter',
		data: {
			datasets: points.map((p, i) => ({
				type: 'scatter' as const,
				label: `${p.label} ($${p.costPer1k.toFixed(3)} / 1,000 questions)`,
				data: [{ x: p.latencyMs, y: p.quality }],
				backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
				pointRadius: 4 + 10 * (p.costPer1k / maxCost)
			}))
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			parsing: false,
			scales: { x: axis('Latency p50 (ms)', { beginAtZero: true }), y: axis(quality) },
			plugins: { legend: { display: points.length <= 12, position: 'bottom' } }
		}
	};
}

/** One metric of the monitoring runs in order; flagged points (drift beyond tolerance) drawn as crosses. */
export function monitorChart(points: readonly { label: string; value: number; flagged: boolean }[], metric: string): ChartSpec {
	return {
		type: 'line',
		data: {
			labels: points.map((p) => p.label),
			datasets: [
				{
					type: 'line',
					label: metric,
					data: points.map((p) => p.value),
					borderColor: SERIES_COLOURS[0],
					backgroundColor: points.map((p) => (p.flagged ? FLAGGED : SERIES_COLOURS[0]!)),
					pointStyle: points.map((p) => (p.flagged ? 'crossRot' : 'circle')),
					pointRadius: points.map((p) => (p.flagged ? 8 : 3)),
					borderWidth: 2,
					tension: 0
				}
			]
		},
		options: { animation: false, maintainAspectRatio: false, scales: { x: axis('Monitoring check'), y: axis(metric) }, plugins: { legend: { display: false } } }
	};
}
