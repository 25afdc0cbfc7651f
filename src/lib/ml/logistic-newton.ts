// Exact solver for L2-regularised logistic regression with an unpenalised intercept, the same
// problem scikit-learn's LogisticRegression(C) solves. Written here because it is the lab's core:
// ml-logistic-regression has no intercept, no penalty and no convergence test (see STACK.md),
// while Newton's method converges in a handful of iterations on standardised features.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

export interface NewtonOptions {
	/** Inverse regularisation strength, as scikit-learn's C. */
	C: number;
	maxIterations?: number;
	/** Stop when the largest gradient component falls below this. */
	tolerance?: number;
	/** Per-row weights (e.g. class_weight='balanced'); 1 for every row when absent. */
	sampleWeight?: Float64Array;
	/** Called after every iteration with the penalised mean log loss. */
	onIteration?: (iteration: number, loss: number) => void;
}

export interface LogisticFit {
	weights: number[];
	intercept: number;
	iterations: number;
	converged: boolean;
	/** Penalised objective divided by the number of rows, per iteration (starting at the zero model). */
	lossHistory: number[];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z), stable for large |z|. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/** Objective: weighted sum of log losses + ||w||² / (2C), with the intercept left out of the penalty. */
function objective(x: Float64Array, y: Uint8Array, d: number, beta: Float64Array, C: number, sw: Float64Array | undefined): number {
	const n = y.length;
	let loss = 0;
	for (let i = 0; i < n; i++) {
		let z = beta[d]!;
		for (let j = 0; j < d; j++) z += x[i * d + j]! * beta[j]!;
		loss += (sw ? sw[i]! : 1) * (softplus(z) - y[i]! * z);
	}
	let penalty = 0;
	for (let j = 0; j < d; j++) penalty += beta[j]! ** 2;
	return loss + penalty / (2 * C);
}

export function fitLogisticNewton(x: Float64Array, y: Uint8Array, d: number, options: NewtonOptions): LogisticFit {
	const { C, maxIterations = 50, tolerance = 1e-8, sampleWeight: sw } = options;
	if (!(C > 0)) throw new RangeError('C must be positive');
	const n = y.length;
	const p = d + 1; // weights then intercept
	let beta = new Float64Array(p);
	let current = objective(x, y, d, beta, C, sw);
	const lossHistory = [current / n];
	let converged = false;
	let iteration = 0;

	while (iteration < maxIterations) {
		const grad = new Float64Array(p);
		const hess = new Float64Array(p * p);
		for (let i = 0; i < n; i++) {
			const row = i * d;
			let z = beta[d]!;
			for (let j = 0; j < d; j++) z += x[row + j]! * beta[j]!;
			const mu = sigmoid(z);
			const si = sw ? sw[i]! : 1;
			const r = si * (mu - y[i]!);
			const w = si * mu * (1 - mu);
			for (let a = 0; a < p; a++) {
				const xa = a === d ? 1 : x[row + a]!;
				grad[a]! += r * xa;
				for (let b = 0; b <= a; b++) hess[a * p + b]! += w * xa * (b === d ? 1 : x[row + b]!);
			}
		}
		for (let j = 0; j < d; j++) {
			grad[j]! += beta[j]! / C;
			hess[j * p + j]! += 1 / C;
		}
		let gmax = 0;
		for (let a = 0; a < p; a++) gmax = Math.max(gmax, Math.abs(grad[a]!) / n);
		if (gmax < tolerance) {
			converged = true;
			break;
		}
		const H = new Matrix(p, p);
		for (let a = 0; a < p; a++) {
			for (let b = 0; b <= a; b++) {
				H.set(a, b, hess[a * p + b]!);
				H.set(b, a, hess[a * p + b]!);
			}
		}
		const step = new CholeskyDecomposition(H).solve(Matrix.columnVector(Array.from(grad))).getColumn(0);
		// Backtracking line search (Armijo) keeps each step a descent even far from the optimum.
		let slope = 0;
		for (let a = 0; a < p; a++) slope += grad[a]! * step[a]!;
		let t = 1;
		let next = beta;
		let value = current;
		for (let tries = 0; tries < 30; tries++) {
			next = beta.map((b, a) => b - t * step[a]!);
			value = objective(x, y, d, next, C, sw);
			if (value <= current - 1e-4 * t * slope) break;
			t /= 2;
		}
		beta = next;
		current = value;
		iteration++;
		lossHistory.push(current / n);
		options.onIteration?.(iteration, current / n);
	}
	return { weights: Array.from(beta.subarray(0, d)), intercept: beta[d]!, iterations: iteration, converged, lossHistory };
}
