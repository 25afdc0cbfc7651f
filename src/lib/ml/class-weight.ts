/** scikit-learn's class_weight='balanced': weight n / (2 · n_class) for each row of that class. */
export function balancedSampleWeight(y: Uint8Array): Float64Array {
	let positives = 0;
	for (let i = 0; i < y.length; i++) positives += y[i]!;
	const negatives = y.length - positives;
	const wPos = y.length / (2 * positives);
	const wNeg = y.length / (2 * negatives);
	return Float64Array.from(y, (v) => (v ? wPos : wNeg));
}
