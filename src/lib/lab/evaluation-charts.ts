// Chart data for the lab's evaluation views: pure functions from curves to chart.js configs
// (types only from chart.js), so what a chart shows is unit-tested without a canvas.
import { axis, SERIES_COLOURS, type ChartSpec } from '../charts/chart-spec';
import type { CalibrationBin, CostPoint, DecileRow, Point } from '../ml/curves';

const unit = { min: 0, max: 1 };

export interface NamedCurve {
	label: string;
	points: Point[];
}

function lines(curves: NamedCurve[], x: string, y: string, options: { diagonal?: boolean; logX?: boolean; unitAxes?: boolean } = {}): ChartSpec {
	const datasets: ChartSpec['data']['datasets'] = curves.map((c, i) => ({
		type: 'line',
		label: c.label,
		data: c.points,
		borderColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
		backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
		pointRadius: c.points.length > 40 ? 0 : 2,
		borderWidth: 2,
		tension: 0
	}));
	if (options.diagonal) {
		datasets.push({ type: 'line', label: 'Chance / perfect calibration', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], borderColor: '#adb5bd', borderDash: [6, 4], pointRadius: 0, borderWidth: 1 });
	}
	return {
		type: 'scatter',
		data: { datasets },
		options: {
			animation: false,
			maintainAspectRatio: false,
			parsing: false,
			scales: {
				x: axis(x, { type: options.logX ? 'logarithmic' : 'linear', ...(options.unitAxes ? unit : {}) }),
				y: axis(y, options.unitAxes ? unit : {})
			},
			plugins: { legend: { display: datasets.length > 1 } }
		}
	};
}

export const rocChart = (curves: NamedCurve[]) => lines(curves, 'False-positive rate', 'True-positive rate (recall)', { diagonal: true, unitAxes: true });

export const precisionRecallChart = (curves: NamedCurve[]) => lines(curves, 'Recall', 'Precision', { unitAxes: true });

export function calibrationChart(bins: CalibrationBin[]): ChartSpec {
	return lines([{ label: 'Model', points: bins.map((b) => ({ x: b.meanPredicted, y: b.fractionPositive })) }], 'Mean predicted probability', 'Observed delinquency rate', { diagonal: true, unitAxes: true });
}

/** Cumulative gains: share of delinquents found when working down the riskiest deciles. */
export function gainsChart(deciles: DecileRow[]): ChartSpec {
	const points = [{ x: 0, y: 0 }, ...deciles.map((d) => ({ x: d.decile / 10, y: d.cumulativeCapture }))];
	return lines([{ label: 'Model', points }], 'Share of accounts contacted (riskiest first)', 'Share of delinquents found', { diagonal: true, unitAxes: true });
}

export function costChart(curve: CostPoint[], best: CostPoint): ChartSpec {
	const spec = lines([{ label: 'Total cost', points: curve.map((c) => ({ x: c.threshold, y: c.cost })) }], 'Threshold', 'Total cost');
	spec.data.datasets.push({ type: 'scatter', label: 'Cheapest', data: [{ x: best.threshold, y: best.cost }], backgroundColor: SERIES_COLOURS[1], pointRadius: 6 });
	return spec;
}

/**
 * Training loss per solver: Newton iterations against gradient-descent steps on a log scale, so
 * six iterations and five hundred steps fit one chart. The starting point (step 0) has no place on
 * a log axis and is left out; both solvers start from the same all-zero model.
 */
export function lossChart(curves: NamedCurve[]): ChartSpec {
	return lines(curves.map((c) => ({ ...c, points: c.points.filter((p) => p.x >= 1) })), 'Iterations or steps (log scale)', 'Training loss (mean log loss)', { logX: true });
}
