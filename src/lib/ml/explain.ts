// Explanations for the linear models the lab trains: global importance (standardised coefficients
// and permutation importance), exact additive local explanations, and counterfactuals.
// Pure: the evaluation sample and every random seed are passed in.
import { AGE_BANDS, DELINQUENCY_NUMERIC, DELINQUENCY_REGIONS, generateDelinquencyTable } from './delinquency-data';
import { rocAuc } from './metrics';
import { ownField, score, type FeatureRecord, type ModelDraft } from './model-artifact';
import { logOdds, recordInputs, sigmoid } from './score';
import { seededRandom, shuffle } from './random';

type ExplainedModel = Pick<ModelDraft, 'preprocessor' | 'weights' | 'intercept'>;

/** Records with their labels and, per sensitive column, the group of each record. */
export interface EvaluationSample {
	records: FeatureRecord[];
	y: Uint8Array;
	sensitive: Record<string, (string | null)[]>;
}

const GENERATOR_COLUMNS = new Set([...DELINQUENCY_NUMERIC.map((f) => f.name), 'region']);

/**
 * Why a model cannot be evaluated on generator data, or null when it can: every input column must be
 * one the synthetic generator produces (CSV-trained models with other columns are out of scope).
 */
export function generatorIncompatibility(model: Pick<ModelDraft, 'signature'>): string | null {
	const unknown = model.signature.inputs.map((i) => i.name).filter((n) => !GENERATOR_COLUMNS.has(n));
	return unknown.length ? `This model uses columns the synthetic generator does not produce (${unknown.join(', ')}). The Responsible AI lab needs a model trained on generated accounts.` : null;
}

/** A fresh, seeded sample from the same generator the lab trains on: the evaluation data of every view. */
export function evaluationSample(rows: number, seed: number): EvaluationSample {
	const table = generateDelinquencyTable(rows, seed);
	const records: FeatureRecord[] = Array.from({ length: rows }, () => ({}));
	const sensitive: Record<string, (string | null)[]> = {};
	for (const c of table.columns) {
		if (c.name === 'account_id') continue;
		if (c.name === 'age_band' && c.kind === 'categorical') {
			sensitive.age_band = c.values;
			continue;
		}
		for (let i = 0; i < rows; i++) {
			const v = c.values[i];
			records[i]![c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
		}
	}
	sensitive.region = records.map((r) => (r.region as string | null) ?? null);
	return { records, y: table.target.values, sensitive };
}

/** Sensitive attributes the lab can analyse, with their groups in display order. */
export const SENSITIVE_GROUPS: Record<string, readonly string[]> = { age_band: AGE_BANDS, region: DELINQUENCY_REGIONS.map((r) => r.name) };

export interface ColumnImportance {
	column: string;
	importance: number;
}

/**
 * Standardised-coefficient importance per input column. Numeric inputs are standardised, so |w| is the
 * log-odds change per standard deviation. A one-hot column's importance is the range of its category
 * weights (largest log-odds change from switching category), which ignores the weights' common offset.
 */
export function coefficientImportance(model: ExplainedModel): ColumnImportance[] {
	const p = model.preprocessor;
	const out: ColumnImportance[] = p.numeric.map((s, j) => ({ column: s.name, importance: Math.abs(model.weights[j]!) }));
	let offset = p.numeric.length;
	for (const s of p.categorical) {
		const w = model.weights.slice(offset, offset + s.categories.length);
		offset += s.categories.length;
		out.push({ column: s.name, importance: w.length ? Math.max(...w) - Math.min(...w) : 0 });
	}
	return out.sort((a, b) => b.importance - a.importance);
}

export const inputColumns = (model: ExplainedModel) => [...model.preprocessor.numeric.map((s) => s.name), ...model.preprocessor.categorical.map((s) => s.name)];

/**
 * Permutation importance: the mean drop in ROC AUC when one input column is shuffled across the
 * sample (breaking its link to the label while keeping its distribution), over `repeats` seeded shuffles.
 */
export function permutationImportance(model: ExplainedModel, sample: Pick<EvaluationSample, 'records' | 'y'>, options: { repeats?: number; seed: number }): ColumnImportance[] {
	const repeats = options.repeats ?? 3;
	const base = rocAuc(sample.y, score(model, sample.records).probabilities);
	const random = seededRandom(options.seed);
	return inputColumns(model)
		.map((column) => {
			let drop = 0;
			for (let k = 0; k < repeats; k++) {
				const values = shuffle(sample.records.map((r) => r[column]), random);
				const shuffled = sample.records.map((r, i) => ({ ...r, [column]: values[i] }));
				drop += base - rocAuc(sample.y, score(model, shuffled).probabilities);
			}
			return { column, importance: drop / repeats };
		})
		.sort((a, b) => b.importance - a.importance);
}

export interface Contribution {
	column: string;
	/** The value used in scoring (a missing number shows as its imputed median). */
	value: string | number | null;
	/** Additive effect on the log-odds relative to the baseline. */
	contribution: number;
}

export interface LocalExplanation {
	/** Log-odds of the baseline record: training means for numbers, the average category weight for categories. */
	base: number;
	contributions: Contribution[];
	logOdds: number;
	probability: number;
}

/**
 * Exact additive explanation of one record's log-odds. With the baseline above, these are the SHAP
 * values of the linear model under feature independence: base + Σ contributions = the model's log-odds.
 * The record is read as score() reads it (a missing number is the training median, a missing or unseen
 * category adds nothing), and a value score() rejects throws a RecordValueError naming the field.
 */
export function explainRecord(model: ExplainedModel, record: FeatureRecord): LocalExplanation {
	const p = model.preprocessor;
	const inputs = recordInputs(model, record);
	let base = model.intercept;
	const contributions: Contribution[] = p.numeric.map((s, j) => {
		const x = inputs.numbers[j]!;
		return { column: s.name, value: x, contribution: (model.weights[j]! * (x - s.mean)) / s.scale };
	});
	let offset = p.numeric.length;
	p.categorical.forEach((s, c) => {
		const w = model.weights.slice(offset, offset + s.categories.length);
		offset += s.categories.length;
		const average = w.length ? w.reduce((a, b) => a + b, 0) / w.length : 0;
		base += average;
		const raw = ownField(record, s.name);
		const i = inputs.categories[c]!;
		// An unseen or missing category adds nothing in score(), so it sits below the average by `average`.
		contributions.push({ column: s.name, value: raw === null || raw === undefined ? null : String(raw), contribution: (i >= 0 ? w[i]! : 0) - average });
	});
	const z = logOdds(model, inputs);
	return { base, contributions, logOdds: z, probability: sigmoid(z) };
}

export interface Bounds {
	min: number;
	max: number;
}

export interface Counterfactual {
	/** New values of the changed features (raw units). */
	values: Record<string, number>;
	probability: number;
	/** Euclidean length of the change in standard units. */
	distance: number;
	/** False when the bounds do not allow crossing the threshold. */
	reached: boolean;
}

/**
 * The smallest change (L2 in standard units) to the chosen numeric features that moves the probability
 * across the threshold. For a linear model the optimum runs along the weight direction; a feature that
 * hits its bound is fixed there and the rest of the change is spread over the others (active set).
 * Values are continuous: an integer count may come back fractional. A record score() rejects throws
 * a RecordValueError, as explainRecord does.
 */
export function counterfactual(model: ExplainedModel, record: FeatureRecord, options: { features: string[]; threshold: number; bounds?: Record<string, Bounds>; margin?: number }): Counterfactual {
	const p = model.preprocessor;
	const margin = options.margin ?? 1e-3;
	const inputs = recordInputs(model, record);
	const current = logOdds(model, inputs);
	const target = Math.log(options.threshold / (1 - options.threshold));
	const above = 1 / (1 + Math.exp(-current)) >= options.threshold;
	// Aim just past the threshold on the other side.
	let needed = (above ? target - margin : target + margin) - current;
	const steps = p.numeric
		.map((s, j) => ({ s, w: model.weights[j]! / s.scale, x: inputs.numbers[j]! }))
		.filter((f) => options.features.includes(f.s.name) && f.w !== 0);
	const values: Record<string, number> = {};
	for (const f of steps) values[f.s.name] = f.x;
	let free = steps;
	// In raw units the log-odds change is Σ w_j Δx_j, and the L2 cost is Σ (Δx_j / scale_j)²:
	// the optimum is Δx_j ∝ w_j scale_j², which is the weight direction in standard units.
	for (let round = 0; round <= steps.length && free.length && Math.abs(needed) > 1e-12; round++) {
		const norm = free.reduce((s, f) => s + (f.w * f.s.scale) ** 2, 0);
		const t = needed / norm;
		const clipped: typeof free = [];
		for (const f of free) {
			const want = values[f.s.name]! + t * f.w * f.s.scale ** 2;
			const b = options.bounds?.[f.s.name];
			if (b && (want < b.min || want > b.max)) clipped.push(f);
		}
		if (!clipped.length) {
			for (const f of free) values[f.s.name] = values[f.s.name]! + t * f.w * f.s.scale ** 2;
			needed = 0;
			break;
		}
		// Pin the features that would overshoot their bounds, then solve again for the rest.
		for (const f of clipped) {
			const b = options.bounds![f.s.name]!;
			const want = values[f.s.name]! + t * f.w * f.s.scale ** 2;
			const pinned = Math.min(b.max, Math.max(b.min, want));
			needed -= f.w * (pinned - values[f.s.name]!);
			values[f.s.name] = pinned;
		}
		free = free.filter((f) => !clipped.includes(f));
	}
	const changed = { ...record, ...values };
	const probability = explainRecord(model, changed).probability;
	const distance = Math.sqrt(steps.reduce((s, f) => s + ((values[f.s.name]! - f.x) / f.s.scale) ** 2, 0));
	return { values, probability, distance, reached: above ? probability < options.threshold : probability >= options.threshold };
}
