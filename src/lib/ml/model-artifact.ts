// The stored form of a trained model and the one scoring function every consumer uses (online
// predictions, batch scoring, the CLI, exports). Plain data, so IndexedDB, JSON files and the
// CLI keep it unchanged; formatVersion lets later releases read older artifacts.
import type { TrainingProfile } from './drift';
import type { MetricSet } from './metrics';
import type { Preprocessor } from './preprocess';

export const ARTIFACT_FORMAT_VERSION = 1;

export type SolverName = 'newton' | 'gd';

export interface TrainParams {
	C: number;
	solver: SolverName;
	classWeight: 'none' | 'balanced';
	testFraction: number;
	seed: number;
	/** Folds for cross-validation on the training part; 0 = none. */
	cvFolds: number;
}

export interface CvSummary {
	folds: number;
	mean: MetricSet;
	std: MetricSet;
}

export interface ModelMetrics extends MetricSet {
	trainRows: number;
	testRows: number;
	positiveRate: number;
	cv?: CvSummary;
}

/** The input columns a model expects, with their kinds: the model's signature. */
export interface ModelSignature {
	inputs: { name: string; type: 'double' | 'string' }[];
	output: { name: string; type: 'double' };
	/** Columns kept for fairness analysis, never used as inputs. */
	sensitive: string[];
}

/** A trained model before the registry gives it a version. */
export interface ModelDraft {
	formatVersion: number;
	name: string;
	target: string;
	signature: ModelSignature;
	preprocessor: Preprocessor;
	/** One weight per encoded feature (numeric columns, then one-hot categories). */
	weights: number[];
	intercept: number;
	metrics: ModelMetrics;
	params: TrainParams;
	solver: { name: SolverName; iterations: number; converged: boolean };
	dataFingerprint: string;
	trainingMs: number;
	createdAt: string;
	/** Distributions of the inputs in the training split: the reference for data drift. Versions registered before it existed have none. */
	profile?: TrainingProfile;
}

/** Held-out labels and scores of a version, kept so its curves can be drawn and compared later. */
export interface HeldOutScores {
	y: Uint8Array;
	p: Float64Array;
}

/** Editable registry metadata; everything else about a version is immutable. */
export interface VersionMeta {
	description: string;
	tags: Record<string, string>;
}

export interface ModelVersion extends ModelDraft, VersionMeta {
	version: number;
}

export type FeatureRecord = Record<string, unknown>;

export interface FieldError {
	/** Index of the record in the request or batch. */
	record: number;
	field: string;
	message: string;
}

export interface ScoreResult {
	/** P(target = 1) per record; NaN where the record had errors. */
	probabilities: Float64Array;
	errors: FieldError[];
	/** Per categorical feature, how many records had a category the model never saw in training. */
	unseenCategories: Record<string, number>;
	/** Per numeric feature, how many records had it missing (filled with the training median). */
	imputed: Record<string, number>;
}

// The one way from a record to a probability lives in score.ts; re-exported here, where the model is.
export { counter, logOdds, missingInputs, ownField, recordInputs, RecordValueError, score, scoreRows, scoreTable, sigmoid, type ModelInputs, type ScoringModel } from './score';
