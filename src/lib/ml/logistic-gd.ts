// Plain gradient descent with ml-logistic-regression, kept as a teaching contrast to Newton's method.
// Used correctly (see ARCHITECTURE.md, "Stack facts"): a column of ones for the intercept, a learning rate scaled to the
// data size (its gradient is a sum over rows), and a stopping rule. The library restarts from zero on
// every train() call, so the loss curve is measured at doubling step counts (1, 2, 4, …): the total
// work is under twice that of the final run, and training stops once doubling no longer helps.
import LogisticRegression from 'ml-logistic-regression';
import { Matrix } from 'ml-matrix';

export interface GradientDescentOptions {
	maxSteps?: number;
	/** Stop when doubling the steps improves the mean log loss by less than this fraction. */
	relativeTolerance?: number;
	/** Defaults to 1 / rows: the library sums the gradient over rows. */
	learningRate?: number;
	onCheckpoint?: (steps: number, loss: number) => void;
}

export interface GradientDescentFit {
	weights: number[];
	intercept: number;
	steps: number;
	converged: boolean;
	/** (steps, mean log loss) at each checkpoint. */
	lossCurve: { steps: number; loss: number }[];
}

function meanLogLoss(p: number[], y: Uint8Array): number {
	let s = 0;
	for (let i = 0; i < y.length; i++) {
		const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]!));
		s -= y[i] ? Math.log(q) : Math.log(1 - q);
	}
	return s / y.length;
}

export function fitLogisticGradientDescent(x: Float64Array, y: Uint8Array, d: number, options: GradientDescentOptions = {}): GradientDescentFit {
	const n = y.length;
	const { maxSteps = 512, relativeTolerance = 1e-3, learningRate = 1 / n } = options;
	const rows: number[][] = new Array(n);
	for (let i = 0; i < n; i++) {
		const row = new Array<number>(d + 1);
		for (let j = 0; j < d; j++) row[j] = x[i * d + j]!;
		row[d] = 1; // the library has no intercept: a constant feature stands in for it
		rows[i] = row;
	}
	const X = new Matrix(rows);
	const Y = Matrix.columnVector(Array.from(y));
	const lossCurve: { steps: number; loss: number }[] = [];
	let model: LogisticRegression | null = null;
	let converged = false;
	for (let steps = 1; steps <= maxSteps; steps *= 2) {
		const m = new LogisticRegression({ numSteps: steps, learningRate });
		m.train(X, Y);
		// classifiers[0] separates class 0 from the rest: its score is P(y = 1).
		const loss = meanLogLoss(m.classifiers[0]!.testScores(X), y);
		const previous = lossCurve.at(-1)?.loss;
		lossCurve.push({ steps, loss });
		options.onCheckpoint?.(steps, loss);
		model = m;
		if (previous !== undefined && previous - loss < relativeTolerance * previous) {
			converged = true;
			break;
		}
	}
	const w = model!.classifiers[0]!.weights.getRow(0);
	return { weights: w.slice(0, d), intercept: w[d]!, steps: lossCurve.at(-1)!.steps, converged, lossCurve };
}
