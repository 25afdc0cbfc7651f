// Classification metrics, defined as scikit-learn defines them (verified against its fixtures).
type Labels = ArrayLike<number>;
type Scores = ArrayLike<number>;

export interface Confusion {
	tp: number;
	fp: number;
	tn: number;
	fn: number;
}

/** Predicted positive when the score is at or above the threshold. */
export function confusionAt(y: Labels, p: Scores, threshold: number): Confusion {
	const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
	for (let i = 0; i < y.length; i++) {
		const predicted = p[i]! >= threshold;
		if (y[i] === 1) predicted ? c.tp++ : c.fn++;
		else predicted ? c.fp++ : c.tn++;
	}
	return c;
}

export function accuracy(y: Labels, p: Scores, threshold = 0.5): number {
	const c = confusionAt(y, p, threshold);
	return y.length ? (c.tp + c.tn) / y.length : NaN;
}

/** Precision, recall and F1 at a threshold; 0 where the denominator is 0 (scikit-learn's zero_division). */
export function thresholdMetrics(c: Confusion) {
	const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
	const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	const total = c.tp + c.fp + c.tn + c.fn;
	return { accuracy: total ? (c.tp + c.tn) / total : NaN, precision, recall, f1 };
}

/** Row indices sorted by score, highest first. */
export function orderByScore(p: Scores): Uint32Array {
	const order = new Uint32Array(p.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	return order.sort((a, b) => p[b]! - p[a]!);
}

/**
 * Visits the runs of equal scores ("tie groups") of rows sorted by score: `visit(start, end)` gets the
 * positions in `order` of each group, first to last inclusive. Every ranking metric and curve counts a
 * tie group at once, as scikit-learn does, so rows with the same score never get different ranks.
 */
export function forEachTieGroup(order: ArrayLike<number>, p: Scores, visit: (start: number, end: number) => void): void {
	for (let start = 0; start < order.length; ) {
		let end = start;
		while (end + 1 < order.length && p[order[end + 1]!] === p[order[start]!]) end++;
		visit(start, end);
		start = end + 1;
	}
}

/**
 * ROC AUC as the probability that a random positive scores above a random negative
 * (Mann–Whitney U), ties counted as half: the same value as scikit-learn's roc_auc_score.
 */
export function rocAuc(y: Labels, p: Scores): number {
	const order = orderByScore(p).reverse();
	let positives = 0;
	let rankSum = 0;
	forEachTieGroup(order, p, (start, end) => {
		const midRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (y[order[k]!] === 1) {
				positives++;
				rankSum += midRank;
			}
		}
	});
	const negatives = y.length - positives;
	if (positives === 0 || negatives === 0) return NaN;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Average precision (PR AUC) as scikit-learn computes it: Σ (Rₙ − Rₙ₋₁) · Pₙ over distinct thresholds. */
export function averagePrecision(y: Labels, p: Scores): number {
	const order = orderByScore(p);
	let positives = 0;
	for (let i = 0; i < y.length; i++) positives += y[i] === 1 ? 1 : 0;
	if (positives === 0) return NaN;
	let tp = 0;
	let seen = 0;
	let previousRecall = 0;
	let ap = 0;
	forEachTieGroup(order, p, (start, end) => {
		for (let k = start; k <= end; k++) tp += y[order[k]!] === 1 ? 1 : 0;
		seen += end - start + 1;
		const recall = tp / positives;
		ap += (recall - previousRecall) * (tp / seen);
		previousRecall = recall;
	});
	return ap;
}

/** Mean log loss with probabilities clipped to [1e-15, 1 − 1e-15], as scikit-learn 1.2. */
export function logLoss(y: Labels, p: Scores): number {
	let s = 0;
	for (let i = 0; i < y.length; i++) {
		const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]!));
		s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
	}
	return s / y.length;
}

export function brierScore(y: Labels, p: Scores): number {
	let s = 0;
	for (let i = 0; i < y.length; i++) s += (p[i]! - y[i]!) ** 2;
	return s / y.length;
}

export interface MetricSet {
	accuracy: number;
	precision: number;
	recall: number;
	f1: number;
	rocAuc: number;
	prAuc: number;
	logLoss: number;
	brier: number;
}

export const METRIC_LABELS: Record<keyof MetricSet, string> = {
	accuracy: 'Accuracy',
	precision: 'Precision',
	recall: 'Recall',
	f1: 'F1',
	rocAuc: 'ROC AUC',
	prAuc: 'PR AUC',
	logLoss: 'Log loss',
	brier: 'Brier score'
};

export function evaluate(y: Labels, p: Scores, threshold = 0.5): MetricSet {
	return {
		...thresholdMetrics(confusionAt(y, p, threshold)),
		rocAuc: rocAuc(y, p),
		prAuc: averagePrecision(y, p),
		logLoss: logLoss(y, p),
		brier: brierScore(y, p)
	};
}
