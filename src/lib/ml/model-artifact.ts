// The stored form of a trained model: everything score() needs, plus what the registry shows.
// Plain data (numbers, strings, arrays) so IndexedDB, JSON export and the CLI keep it unchanged.
import type { StandardScaler } from './scaler';

export const ARTIFACT_FORMAT_VERSION = 1;

export interface ModelMetrics {
	accuracy: number;
	rocAuc: number;
	trainRows: number;
	testRows: number;
	positiveRate: number;
}

export interface TrainParams {
	seed: number;
	rows: number;
	C: number;
	testFraction: number;
}

/** A trained model before the registry gives it a version. */
export interface ModelDraft {
	formatVersion: number;
	name: string;
	features: string[];
	target: string;
	scaler: StandardScaler;
	weights: number[];
	intercept: number;
	metrics: ModelMetrics;
	params: TrainParams;
	solver: { name: string; iterations: number; converged: boolean };
	dataFingerprint: string;
	createdAt: string;
}

/** A registered, immutable model version. */
export interface ModelVersion extends ModelDraft {
	version: number;
}

export type FeatureRecord = Record<string, number>;

/** Probability of the positive class for one record. The one scoring function everything uses. */
export function score(model: Pick<ModelDraft, 'features' | 'scaler' | 'weights' | 'intercept'>, record: FeatureRecord): number {
	let z = model.intercept;
	model.features.forEach((name, j) => {
		const value = record[name];
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new TypeError(`feature "${name}" must be a finite number`);
		}
		z += (model.weights[j]! * (value - model.scaler.mean[j]!)) / model.scaler.scale[j]!;
	});
	return 1 / (1 + Math.exp(-z));
}
