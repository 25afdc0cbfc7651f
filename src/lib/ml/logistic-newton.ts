// Exact solver for L2-regularised logistic regression with an unpenalised intercept, the same
// problem scikit-learn's LogisticRegression(C) solves. Written here because it is the lab's core:
// Newton's method converges in a handful of iterations on standardised features, where plain gradient
// descent (logistic-gd.ts, the teaching contrast) needs hundreds of passes over the data.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

export interface NewtonOptions {
	/** Inverse regularisation strength, as scikit-learn's C. */
	C: number;
	maxIterations?: number;
	/** Stop when the largest gradient component (per row) falls below this. */
	tolerance?: number;
	/** Per-row weights (e.g. class_weight='balanced'); 1 for every row when absent. */
	sampleWeight?: Float64Array;
	/** Called after every iteration with the penalised objective per row. */
	onIteration?: (iteration: number, loss: number) => void;
}

export interface LogisticFit {
	weights: number[];
	intercept: number;
	iterations: number;
	converged: boolean;
	/** Penalised objective per row, per iteration (starting at the initial model). */
	lossHistory: number[];
}

/** Above this many rows, a warm start on a subsample saves most full-data iterations. */
const WARM_START_ROWS = 50_000;

interface Pass {
	objective: number;
	grad: Float64Array;
	hess: Float64Array;
}

/**
 * One pass over the data: the objective (Σ weighted log loss + ‖w‖²/2C, intercept unpenalised) and,
 * as needed, its gradient and Hessian (lower triangle). One exp per row serves the sigmoid and the
 * log loss. Gradient descent (logistic-gd.ts) takes the same objective and gradient from here.
 */
type Need = 'objective' | 'gradient' | 'hessian';

export function dataPass(x: Float64Array, y: Uint8Array, d: number, beta: Float64Array, C: number, sw: Float64Array | undefined, need: Need): Pass {
	const objectiveOnly = need === 'objective';
	const withHessian = need === 'hessian';
	const n = y.length;
	const p = d + 1;
	const grad = new Float64Array(p);
	const hess = new Float64Array(withHessian ? p * p : 0);
	const row = new Float64Array(p);
	row[d] = 1; // the intercept's constant input
	let loss = 0;
	for (let i = 0; i < n; i++) {
		const base = i * d;
		let z = beta[d]!;
		for (let j = 0; j < d; j++) {
			const v = x[base + j]!;
			row[j] = v;
			z += v * beta[j]!;
		}
		// e = exp(−|z|) gives both log(1 + e^z) and σ(z) without overflow.
		const e = Math.exp(-Math.abs(z));
		const softplus = (z > 0 ? z : 0) + Math.log1p(e);
		const mu = z >= 0 ? 1 / (1 + e) : e / (1 + e);
		const si = sw ? sw[i]! : 1;
		const yi = y[i]!;
		loss += si * (softplus - yi * z);
		if (objectiveOnly) continue;
		const r = si * (mu - yi);
		if (!withHessian) {
			for (let a = 0; a < p; a++) grad[a]! += r * row[a]!;
			continue;
		}
		const w = si * mu * (1 - mu);
		// Hot loop: lower triangle only (the Hessian is symmetric), no branches.
		for (let a = 0; a < p; a++) {
			const xa = row[a]!;
			grad[a]! += r * xa;
			const wa = w * xa;
			const offset = a * p;
			for (let b = 0; b <= a; b++) hess[offset + b]! += wa * row[b]!;
		}
	}
	let penalty = 0;
	for (let j = 0; j < d; j++) {
		penalty += beta[j]! ** 2;
		if (!objectiveOnly) grad[j]! += beta[j]! / C;
		if (withHessian) hess[j * p + j]! += 1 / C;
	}
	return { objective: loss + penalty / (2 * C), grad, hess };
}

/**
 * Cholesky factor of the Hessian. With almost no regularisation (C = 1e14) and separable or
 * collinear data the Hessian is numerically singular: a growing ridge is then added to its diagonal
 * (a Levenberg-style step), which still descends; only if even that fails is the learner told why.
 */
function factorHessian(hess: Float64Array, p: number): CholeskyDecomposition {
	let diagonal = 0;
	for (let a = 0; a < p; a++) diagonal += Math.abs(hess[a * p + a]!);
	const base = (diagonal / p || 1) * 1e-10;
	for (let ridge = 0, attempt = 0; attempt < 12; attempt++, ridge = ridge ? ridge * 100 : base) {
		const H = new Matrix(p, p);
		for (let a = 0; a < p; a++) {
			for (let b = 0; b <= a; b++) {
				H.set(a, b, hess[a * p + b]!);
				H.set(b, a, hess[a * p + b]!);
			}
			H.set(a, a, hess[a * p + a]! + ridge);
		}
		const factor = new CholeskyDecomposition(H);
		if (factor.isPositiveDefinite()) return factor;
	}
	throw new RangeError("Newton's method could not solve this problem: its curvature matrix is singular (features that duplicate each other, or classes that one feature separates perfectly, with too little regularisation). Use a smaller C (1 to 1,000), or gradient descent.");
}

const solve = (factor: CholeskyDecomposition, grad: Float64Array) => Float64Array.from(factor.solve(Matrix.columnVector(Array.from(grad))).getColumn(0));

const maxAbs = (g: Float64Array, n: number) => g.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / n;

/** Every k-th row: a deterministic subsample for the warm start. */
function strideSample(x: Float64Array, y: Uint8Array, d: number, sw: Float64Array | undefined, size: number) {
	const k = Math.floor(y.length / size);
	const m = Math.floor(y.length / k);
	const xs = new Float64Array(m * d);
	const ys = new Uint8Array(m);
	const ws = sw ? new Float64Array(m) : undefined;
	for (let i = 0; i < m; i++) {
		xs.set(x.subarray(i * k * d, i * k * d + d), i * d);
		ys[i] = y[i * k]!;
		if (ws) ws[i] = sw![i * k]!;
	}
	return { xs, ys, ws };
}

export function fitLogisticNewton(x: Float64Array, y: Uint8Array, d: number, options: NewtonOptions): LogisticFit {
	if (!(options.C > 0)) throw new RangeError('C must be positive');
	const n = y.length;
	if (n <= WARM_START_ROWS) return iterate(x, y, d, options, new Float64Array(d + 1), null).fit;
	// Solve the same per-row problem on a subsample (C scaled by m/n keeps the penalty's weight), then
	// finish on the full data from there, starting with the subsample's Hessian scaled up: the result
	// is the full-data optimum, reached with one or two cheap passes instead of several full ones.
	const { xs, ys, ws } = strideSample(x, y, d, options.sampleWeight, Math.max(10_000, n / 20));
	const m = ys.length;
	const cSub = (options.C * m) / n;
	const warm = iterate(xs, ys, d, { C: cSub, sampleWeight: ws, tolerance: 1e-6 }, new Float64Array(d + 1), null);
	const p = d + 1;
	const hess = warm.hess.map((h) => (h * n) / m);
	for (let j = 0; j < d; j++) hess[j * p + j] = hess[j * p + j]! - ((1 / cSub) * n) / m + 1 / options.C;
	return iterate(x, y, d, options, Float64Array.from([...warm.fit.weights, warm.fit.intercept]), hess).fit;
}

/** Newton iterations from `beta`; `startHessian` (lower triangle), if given, stands in for the first Hessian pass. */
function iterate(x: Float64Array, y: Uint8Array, d: number, options: NewtonOptions, beta: Float64Array, startHessian: Float64Array | null) {
	const { C, maxIterations = 50, tolerance = 1e-8, sampleWeight: sw } = options;
	const n = y.length;
	const p = d + 1;
	let pass = dataPass(x, y, d, beta, C, sw, startHessian ? 'gradient' : 'hessian');
	let hess = startHessian ?? pass.hess;
	let factor: CholeskyDecomposition | null = null;
	const lossHistory = [pass.objective / n];
	let converged = false;
	let iteration = 0;
	while (iteration < maxIterations) {
		const gmax = maxAbs(pass.grad, n);
		if (gmax < tolerance) {
			converged = true;
			break;
		}
		// The Hessian barely changes near the optimum, so a factor is reused while it keeps cutting
		// the gradient fast (passes without the Hessian cost about a quarter); otherwise it is renewed.
		if (pass.hess.length) hess = pass.hess;
		if (pass.hess.length || !factor) factor = factorHessian(hess, p);
		const step = solve(factor, pass.grad);
		let slope = 0;
		for (let a = 0; a < p; a++) slope += pass.grad[a]! * step[a]!;
		// Backtracking line search (Armijo); the full step is almost always accepted.
		let t = 1;
		let next = beta.map((b, a) => b - step[a]!);
		let trial = dataPass(x, y, d, next, C, sw, 'gradient');
		for (let tries = 0; tries < 30 && trial.objective > pass.objective - 1e-4 * t * slope; tries++) {
			t /= 2;
			next = beta.map((b, a) => b - t * step[a]!);
			trial = dataPass(x, y, d, next, C, sw, 'objective');
		}
		// Keep the factor only after a full step that cut the gradient at least twentyfold.
		const fast = t === 1 && maxAbs(trial.grad, n) < 0.05 * gmax;
		if (!fast) trial = dataPass(x, y, d, next, C, sw, 'hessian');
		beta = next;
		pass = trial;
		iteration++;
		lossHistory.push(pass.objective / n);
		options.onIteration?.(iteration, pass.objective / n);
	}
	const fit: LogisticFit = { weights: Array.from(beta.subarray(0, d)), intercept: beta[d]!, iterations: iteration, converged, lossHistory };
	return { fit, hess };
}
