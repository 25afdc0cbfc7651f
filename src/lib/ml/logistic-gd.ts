// Plain full-batch gradient descent, kept as a teaching contrast to Newton's method: it minimises the
// same objective (weighted log loss plus ‖w‖²/2C, intercept unpenalised; `dataPass` in
// logistic-newton.ts), so C and class weights take effect exactly as they do for Newton, but with a
// fixed learning rate it needs hundreds of passes where Newton needs a handful. The loss is recorded at
// doubling step counts (1, 2, 4, …) and training stops once doubling no longer helps.
import { dataPass } from './logistic-newton';

export interface GradientDescentOptions {
	/** Inverse regularisation strength, as scikit-learn's C; no penalty when absent. */
	C?: number;
	/** Per-row weights (e.g. class_weight='balanced'); 1 for every row when absent. */
	sampleWeight?: Float64Array;
	maxSteps?: number;
	/** Stop when doubling the steps improves the objective by less than this fraction. */
	relativeTolerance?: number;
	/** Step size on the gradient of the mean objective; 1 by default (standardised features keep it stable). */
	learningRate?: number;
	onCheckpoint?: (steps: number, loss: number) => void;
}

export interface GradientDescentFit {
	weights: number[];
	intercept: number;
	steps: number;
	converged: boolean;
	/** (steps, objective per row) at each checkpoint: the mean log loss when there is no penalty and no weights. */
	lossCurve: { steps: number; loss: number }[];
}

export function fitLogisticGradientDescent(x: Float64Array, y: Uint8Array, d: number, options: GradientDescentOptions = {}): GradientDescentFit {
	const n = y.length;
	const { C = Infinity, sampleWeight, maxSteps = 512, relativeTolerance = 1e-3, learningRate = 1 } = options;
	if (!(C > 0)) throw new RangeError('C must be positive');
	const beta = new Float64Array(d + 1);
	const lossCurve: { steps: number; loss: number }[] = [];
	let converged = false;
	let steps = 0;
	for (let checkpoint = 1; ; steps++) {
		const pass = dataPass(x, y, d, beta, C, sampleWeight, steps === maxSteps ? 'objective' : 'gradient');
		if (steps === checkpoint || steps === maxSteps) {
			const loss = pass.objective / n;
			const previous = lossCurve.at(-1)?.loss;
			lossCurve.push({ steps, loss });
			options.onCheckpoint?.(steps, loss);
			checkpoint *= 2;
			if (previous !== undefined && previous - loss < relativeTolerance * previous) {
				converged = true;
				break;
			}
		}
		if (steps === maxSteps) break;
		for (let a = 0; a <= d; a++) beta[a]! -= (learningRate * pass.grad[a]!) / n;
	}
	return { weights: Array.from(beta.subarray(0, d)), intercept: beta[d]!, steps, converged, lossCurve };
}
