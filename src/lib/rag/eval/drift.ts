// Metric drift for monitoring: a new evaluation's metrics against a baseline's (the promoted
// configuration's earlier run), per metric the change and whether it moved the wrong way by more
// than a tolerance. "Wrong way" follows METRIC_INFO: a drop for a higher-is-better metric, a rise for
// latency, tokens and cost. Works on flat metric records (`EvalReport.metrics`, or a logged run's).
import { metricInfo } from './metric-info';

export interface DriftTolerance {
	/** Largest allowed worsening of a 0–1 metric, in absolute points (default 0.05). */
	absolute: number;
	/** Largest allowed worsening of an unbounded metric (latency, tokens, cost), as a share of the baseline (default 0.25). */
	relative: number;
	/** Per-metric absolute tolerances, overriding the two above. */
	perMetric?: Record<string, number>;
}

export const DEFAULT_DRIFT_TOLERANCE: DriftTolerance = { absolute: 0.05, relative: 0.25 };

export interface MetricDrift {
	metric: string;
	baseline: number;
	current: number;
	/** current − baseline. */
	delta: number;
	/** delta / |baseline|; null when the baseline is 0. */
	relativeDelta: number | null;
	/** The change goes the wrong way (any amount). */
	worse: boolean;
	/** Worse by more than the tolerance. */
	flagged: boolean;
	/** The tolerance applied, in the metric's own units. */
	tolerance: number;
}

export interface DriftReport {
	/** Metrics present in both, in the baseline's order. */
	metrics: MetricDrift[];
	/** Keys of the flagged metrics. */
	flagged: string[];
	/** Metrics measured on one side only. */
	missing: { inBaseline: string[]; inCurrent: string[] };
}

/** Compares two flat metric records; metrics unknown to METRIC_INFO are treated as higher-is-better 0–1 scores. */
export function compareMetrics(baseline: Readonly<Record<string, number>>, current: Readonly<Record<string, number>>, tolerance: DriftTolerance = DEFAULT_DRIFT_TOLERANCE): DriftReport {
	const metrics: MetricDrift[] = [];
	for (const [metric, base] of Object.entries(baseline)) {
		const now = current[metric];
		if (now === undefined || !Number.isFinite(now) || !Number.isFinite(base)) continue;
		const info = metricInfo(metric);
		const higherIsBetter = info?.higherIsBetter ?? true;
		const bounded = info ? info.range[1] !== null : true;
		const delta = now - base;
		const worseBy = higherIsBetter ? -delta : delta;
		const allowed = tolerance.perMetric?.[metric] ?? (bounded ? tolerance.absolute : tolerance.relative * Math.abs(base));
		metrics.push({
			metric,
			baseline: base,
			current: now,
			delta,
			relativeDelta: base === 0 ? null : delta / Math.abs(base),
			worse: worseBy > 0,
			flagged: worseBy > allowed,
			tolerance: allowed
		});
	}
	return {
		metrics,
		flagged: metrics.filter((m) => m.flagged).map((m) => m.metric),
		missing: {
			inBaseline: Object.keys(current).filter((k) => !(k in baseline)),
			inCurrent: Object.keys(baseline).filter((k) => !(k in current))
		}
	};
}

/** A monitored series: each run's drift against the first (the baseline), for the monitoring chart. */
export function driftSeries(runs: readonly Readonly<Record<string, number>>[], tolerance: DriftTolerance = DEFAULT_DRIFT_TOLERANCE): DriftReport[] {
	if (runs.length === 0) return [];
	return runs.map((run) => compareMetrics(runs[0]!, run, tolerance));
}
