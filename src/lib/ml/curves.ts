// Curves for the evaluation page: ROC, precision–recall, calibration, lift/gains by decile, and
// the cost of each threshold. Pure data; charts only draw what these return.
import { forEachTieGroup, orderByScore } from './metrics';

type Labels = ArrayLike<number>;
type Scores = ArrayLike<number>;

export interface Point {
	x: number;
	y: number;
}

/** Thins a curve to at most `max` points, keeping both ends (charts need no more). */
function thin<T>(points: T[], max = 200): T[] {
	if (points.length <= max) return points;
	const step = (points.length - 1) / (max - 1);
	return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

/** Walks the thresholds from the highest score down, yielding cumulative counts after each tie group. */
function walkThresholds(y: Labels, p: Scores, visit: (tp: number, fp: number, threshold: number) => void): { positives: number; negatives: number } {
	const order = orderByScore(p);
	let positives = 0;
	for (let i = 0; i < y.length; i++) positives += y[i] === 1 ? 1 : 0;
	let tp = 0;
	let fp = 0;
	forEachTieGroup(order, p, (start, end) => {
		for (let k = start; k <= end; k++) (y[order[k]!] === 1 ? tp++ : fp++);
		visit(tp, fp, p[order[start]!]!);
	});
	return { positives, negatives: y.length - positives };
}

export function rocCurve(y: Labels, p: Scores): Point[] {
	const raw: [number, number][] = [];
	const { positives, negatives } = walkThresholds(y, p, (tp, fp) => raw.push([fp, tp]));
	return thin([{ x: 0, y: 0 }, ...raw.map(([fp, tp]) => ({ x: fp / negatives, y: tp / positives }))]);
}

export function precisionRecallCurve(y: Labels, p: Scores): Point[] {
	const raw: [number, number][] = [];
	const { positives } = walkThresholds(y, p, (tp, fp) => raw.push([tp, fp]));
	return thin(raw.map(([tp, fp]) => ({ x: tp / positives, y: tp / (tp + fp) })));
}

export interface CalibrationBin {
	meanPredicted: number;
	fractionPositive: number;
	count: number;
}

/** Reliability diagram with equal-width bins over [0, 1]; empty bins are left out. */
export function calibrationCurve(y: Labels, p: Scores, bins = 10): CalibrationBin[] {
	const sum = new Float64Array(bins);
	const pos = new Float64Array(bins);
	const count = new Float64Array(bins);
	for (let i = 0; i < y.length; i++) {
		const b = Math.min(bins - 1, Math.floor(p[i]! * bins));
		sum[b]! += p[i]!;
		pos[b]! += y[i]!;
		count[b]!++;
	}
	const out: CalibrationBin[] = [];
	for (let b = 0; b < bins; b++) if (count[b]) out.push({ meanPredicted: sum[b]! / count[b]!, fractionPositive: pos[b]! / count[b]!, count: count[b]! });
	return out;
}

export interface DecileRow {
	decile: number;
	rows: number;
	positives: number;
	/** Positive rate in this decile divided by the overall rate. */
	lift: number;
	/** Share of all positives found in deciles 1..this one (cumulative gains). */
	cumulativeCapture: number;
}

/** Deciles from riskiest (1) to safest (10): "what share of delinquents are in the riskiest 10 %". */
export function decileTable(y: Labels, p: Scores): DecileRow[] {
	const order = orderByScore(p);
	const n = order.length;
	let total = 0;
	for (let i = 0; i < n; i++) total += y[i]!;
	const overall = total / n;
	const rows: DecileRow[] = [];
	let cumulative = 0;
	for (let d = 0; d < 10; d++) {
		const from = Math.floor((d * n) / 10);
		const to = Math.floor(((d + 1) * n) / 10);
		let positives = 0;
		for (let k = from; k < to; k++) positives += y[order[k]!]!;
		cumulative += positives;
		const size = to - from;
		rows.push({ decile: d + 1, rows: size, positives, lift: size && overall ? positives / size / overall : 0, cumulativeCapture: total ? cumulative / total : 0 });
	}
	return rows;
}

export interface CostPoint {
	threshold: number;
	cost: number;
	calls: number;
	missed: number;
}

/**
 * Total cost at each threshold when every account scored at or above it gets an outreach call
 * (costPerCall) and every delinquent below it is missed (costPerMiss). Returns the curve and the cheapest point.
 */
export function costCurve(y: Labels, p: Scores, costPerMiss: number, costPerCall: number): { curve: CostPoint[]; best: CostPoint } {
	const points: CostPoint[] = [];
	let positivesTotal = 0;
	for (let i = 0; i < y.length; i++) positivesTotal += y[i]!;
	// Threshold above every score: nobody is called, every delinquent is missed.
	points.push({ threshold: 1, cost: positivesTotal * costPerMiss, calls: 0, missed: positivesTotal });
	walkThresholds(y, p, (tp, fp, threshold) => {
		const missed = positivesTotal - tp;
		points.push({ threshold, cost: (tp + fp) * costPerCall + missed * costPerMiss, calls: tp + fp, missed });
	});
	const best = points.reduce((a, b) => (b.cost < a.cost ? b : a));
	return { curve: thin(points), best };
}
