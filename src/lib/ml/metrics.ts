export function accuracy(y: ArrayLike<number>, p: ArrayLike<number>, threshold = 0.5): number {
	let right = 0;
	for (let i = 0; i < y.length; i++) if ((p[i]! >= threshold ? 1 : 0) === y[i]) right++;
	return y.length ? right / y.length : NaN;
}

/**
 * ROC AUC as the probability that a random positive scores above a random negative
 * (Mann–Whitney U), with tied scores counted as half: the same value as scikit-learn's roc_auc_score.
 */
export function rocAuc(y: ArrayLike<number>, p: ArrayLike<number>): number {
	const order = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
	let positives = 0;
	let rankSum = 0;
	for (let start = 0; start < order.length; ) {
		let end = start;
		while (end + 1 < order.length && p[order[end + 1]!] === p[order[start]!]) end++;
		const midRank = (start + end) / 2 + 1;
		for (let k = start; k <= end; k++) {
			if (y[order[k]!] === 1) {
				positives++;
				rankSum += midRank;
			}
		}
		start = end + 1;
	}
	const negatives = y.length - positives;
	if (positives === 0 || negatives === 0) return NaN;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
