// ml-logistic-regression 2.0.0 ships no types; this covers the part Prep Lab uses.
declare module 'ml-logistic-regression' {
	import type { Matrix } from 'ml-matrix';

	export default class LogisticRegression {
		constructor(options?: { numSteps?: number; learningRate?: number });
		classifiers: { weights: Matrix; testScores(features: Matrix): number[] }[];
		train(features: Matrix, target: Matrix): void;
		predict(features: Matrix): number[];
		toJSON(): object;
		static load(model: object): LogisticRegression;
	}
}
