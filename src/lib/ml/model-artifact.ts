// The stored form of a trained model and the one scoring function every consumer uses (online
// predictions, batch scoring, the CLI, exports). Plain data, so IndexedDB, JSON files and the
// CLI keep it unchanged; formatVersion lets later releases read older artifacts.
import { isMissing, parseNumber } from './csv-schema';
import type { TrainingProfile } from './drift';
import type { MetricSet } from './metrics';
import { encodedWidth, type Preprocessor } from './preprocess';

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

type ScoringModel = Pick<ModelDraft, 'preprocessor' | 'weights' | 'intercept'>;

/**
 * A record's own field: feature names are user data, and `record["constructor"]` would otherwise
 * find Object's constructor on a record that has no such field.
 */
export const ownField = (record: FeatureRecord, name: string): unknown => (Object.hasOwn(record, name) ? record[name] : undefined);

/** A counter keyed by user data (feature names): no prototype, so "constructor" is just a key. */
export const counter = (): Record<string, number> => Object.create(null);

function readNumber(value: unknown): number | 'missing' | null {
	if (value === null || value === undefined) return 'missing';
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string') return isMissing(value) ? 'missing' : parseNumber(value);
	return null;
}

/** A category counts as missing when absent, null or empty: it then adds nothing to the score. */
const missingCategory = (raw: unknown) => raw === null || raw === undefined || raw === '';

/**
 * The model's inputs a record lacks (absent, null or a missing-value marker), numbers first, then categories:
 * numbers are filled with the training median and categories add nothing, as score() does.
 */
export function missingInputs(model: Pick<ModelDraft, 'preprocessor'>, record: FeatureRecord): string[] {
	if (record === null || typeof record !== 'object' || Array.isArray(record)) return [];
	const p = model.preprocessor;
	return [...p.numeric.filter((s) => readNumber(record[s.name]) === 'missing'), ...p.categorical.filter((s) => missingCategory(record[s.name]))].map((s) => s.name);
}

/** Scores records with a model. Bad fields are reported per record and field; other records still score. */
export function score(model: ScoringModel, records: readonly FeatureRecord[]): ScoreResult {
	return scoreWith(model, records.length, (r) => {
		const record = records[r];
		return record === null || typeof record !== 'object' || Array.isArray(record) ? null : (name) => ownField(record, name);
	});
}

/**
 * Scores CSV rows in place, without building an object per row (batch scoring of millions of rows).
 * Same arithmetic as score(): both run scoreWith.
 */
export function scoreRows(model: ScoringModel, header: readonly string[], rows: readonly (readonly string[])[]): ScoreResult {
	const index = new Map(header.map((h, j) => [h, j]));
	return scoreWith(model, rows.length, (r) => (name) => {
		const j = index.get(name);
		return j === undefined ? undefined : rows[r]![j];
	});
}

/** The one scoring implementation. `fieldsOf(r)` returns a field reader for record r, or null if r is not a record. */
function scoreWith(model: ScoringModel, count: number, fieldsOf: (r: number) => ((name: string) => unknown) | null): ScoreResult {
	const p = model.preprocessor;
	const probabilities = new Float64Array(count);
	const errors: FieldError[] = [];
	const unseenCategories = counter();
	const imputed = counter();
	const offsets: number[] = [];
	let offset = p.numeric.length;
	const indexes = p.categorical.map((s) => {
		offsets.push(offset);
		offset += s.categories.length;
		return new Map(s.categories.map((c, i) => [c, i]));
	});
	if (offset !== model.weights.length || encodedWidth(p) !== model.weights.length) {
		throw new RangeError('model artifact is inconsistent: weights do not match its preprocessor');
	}
	for (let r = 0; r < count; r++) {
		const field = fieldsOf(r);
		if (!field) {
			errors.push({ record: r, field: '', message: 'each record must be an object of feature values' });
			probabilities[r] = NaN;
			continue;
		}
		let z = model.intercept;
		let ok = true;
		p.numeric.forEach((s, j) => {
			const v = readNumber(field(s.name));
			if (v === null) {
				ok = false;
				errors.push({ record: r, field: s.name, message: `"${s.name}" must be a number` });
				return;
			}
			if (v === 'missing') imputed[s.name] = (imputed[s.name] ?? 0) + 1;
			z += (model.weights[j]! * ((v === 'missing' ? s.median : v) - s.mean)) / s.scale;
		});
		p.categorical.forEach((s, c) => {
			const raw = field(s.name);
			if (missingCategory(raw)) return;
			if (typeof raw !== 'string' && typeof raw !== 'number') {
				ok = false;
				errors.push({ record: r, field: s.name, message: `"${s.name}" must be text` });
				return;
			}
			const i = indexes[c]!.get(String(raw).trim());
			if (i === undefined) unseenCategories[s.name] = (unseenCategories[s.name] ?? 0) + 1;
			else z += model.weights[offsets[c]! + i]!;
		});
		probabilities[r] = ok ? 1 / (1 + Math.exp(-z)) : NaN;
	}
	return { probabilities, errors, unseenCategories, imputed };
}
