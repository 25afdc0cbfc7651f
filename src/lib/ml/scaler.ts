/** Standard scaler (mean 0, unit variance), fitted on training rows only to avoid leaking the test set. */
export interface StandardScaler {
	mean: number[];
	scale: number[];
}

export function fitScaler(x: Float64Array, d: number, rows: ArrayLike<number>): StandardScaler {
	const mean = new Array<number>(d).fill(0);
	const sq = new Array<number>(d).fill(0);
	for (let k = 0; k < rows.length; k++) {
		const base = rows[k]! * d;
		for (let j = 0; j < d; j++) mean[j]! += x[base + j]!;
	}
	for (let j = 0; j < d; j++) mean[j]! /= rows.length;
	for (let k = 0; k < rows.length; k++) {
		const base = rows[k]! * d;
		for (let j = 0; j < d; j++) sq[j]! += (x[base + j]! - mean[j]!) ** 2;
	}
	// Population variance, as scikit-learn's StandardScaler; a constant column keeps scale 1.
	const scale = sq.map((s) => Math.sqrt(s / rows.length) || 1);
	return { mean, scale };
}

/** Returns the selected rows, scaled, as a new row-major matrix. */
export function transformRows(scaler: StandardScaler, x: Float64Array, d: number, rows: ArrayLike<number>): Float64Array {
	const out = new Float64Array(rows.length * d);
	for (let k = 0; k < rows.length; k++) {
		const base = rows[k]! * d;
		for (let j = 0; j < d; j++) out[k * d + j] = (x[base + j]! - scaler.mean[j]!) / scaler.scale[j]!;
	}
	return out;
}

export function pickLabels(y: Uint8Array, rows: ArrayLike<number>): Uint8Array {
	const out = new Uint8Array(rows.length);
	for (let k = 0; k < rows.length; k++) out[k] = y[rows[k]!]!;
	return out;
}
