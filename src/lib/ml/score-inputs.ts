// How a scoring call reads a record's fields, in one place for every caller of score.ts: a missing
// number takes the training median, a missing or unseen category adds nothing, and a value that is
// neither a number nor missing is rejected. `Layout` is the model's shape, checked once per call.
import { isMissing, parseNumber } from './csv-schema';
import type { FeatureRecord, ModelDraft } from './model-artifact';
import { encodedWidth } from './preprocess';

export type ScoringModel = Pick<ModelDraft, 'preprocessor' | 'weights' | 'intercept'>;

/** Reads one model input of one record (its index in Layout.names); undefined when absent. */
export type FieldReader = (record: number, input: number) => unknown;

/**
 * A record as the model reads it: per numeric input the value used (the training median when it was
 * missing), per categorical input the index of its category (-1 when missing or unseen).
 */
export interface ModelInputs {
	numbers: Float64Array;
	categories: Int32Array;
}

/**
 * A record's own field: feature names are user data, and `record["constructor"]` would otherwise
 * find Object's constructor on a record that has no such field.
 */
export const ownField = (record: FeatureRecord, name: string): unknown => (Object.hasOwn(record, name) ? record[name] : undefined);

/** A counter keyed by user data (feature names): no prototype, so "constructor" is just a key. */
export const counter = (): Record<string, number> => Object.create(null);

export function readNumber(value: unknown): number | 'missing' | null {
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

/** The model's shape, checked once per call: category indexes and where each category's weights start. */
export class Layout {
	readonly indexes: Map<string, number>[];
	readonly offsets: number[] = [];
	/** The inputs' names, numbers first: what a FieldReader's `input` indexes. */
	readonly names: string[];

	constructor(readonly model: ScoringModel) {
		const p = model.preprocessor;
		this.names = [...p.numeric.map((s) => s.name), ...p.categorical.map((s) => s.name)];
		let offset = p.numeric.length;
		this.indexes = p.categorical.map((s) => {
			this.offsets.push(offset);
			offset += s.categories.length;
			return new Map(s.categories.map((c, i) => [c, i]));
		});
		if (offset !== model.weights.length || encodedWidth(p) !== model.weights.length) {
			throw new RangeError('model artifact is inconsistent: weights do not match its preprocessor');
		}
	}

	inputs(): ModelInputs {
		return { numbers: new Float64Array(this.model.preprocessor.numeric.length), categories: new Int32Array(this.indexes.length) };
	}
}

interface ReadReport {
	reject(field: string, message: string): void;
	imputed(name: string): void;
	unseen(name: string): void;
}

/** A category's position among the model's (-1 missing, UNSEEN never seen in training), null when it is not text. */
export function readCategory(layout: Layout, c: number, raw: unknown): number | null {
	if (missingCategory(raw)) return -1;
	if (typeof raw !== 'string' && typeof raw !== 'number') return null;
	return layout.indexes[c]!.get(String(raw).trim()) ?? UNSEEN;
}
export const UNSEEN = -2;

export const numberMessage = (name: string) => `"${name}" must be a number`;
export const textMessage = (name: string) => `"${name}" must be text`;

/** Reads record r into `into`; false when a field was rejected (each one reported). */
export function readInputs(layout: Layout, r: number, field: FieldReader, into: ModelInputs, report: ReadReport): boolean {
	const p = layout.model.preprocessor;
	const k = p.numeric.length;
	let ok = true;
	p.numeric.forEach((s, j) => {
		const v = readNumber(field(r, j));
		if (v === null) {
			ok = false;
			report.reject(s.name, numberMessage(s.name));
		} else if (v === 'missing') {
			report.imputed(s.name);
			into.numbers[j] = s.median;
		} else into.numbers[j] = v;
	});
	p.categorical.forEach((s, c) => {
		const i = readCategory(layout, c, field(r, k + c));
		into.categories[c] = i !== null && i >= 0 ? i : -1;
		if (i === null) {
			ok = false;
			report.reject(s.name, textMessage(s.name));
		} else if (i === UNSEEN) report.unseen(s.name);
	});
	return ok;
}

export function linear(layout: Layout, inputs: ModelInputs): number {
	const { preprocessor: p, weights, intercept } = layout.model;
	let z = intercept;
	p.numeric.forEach((s, j) => (z += (weights[j]! * (inputs.numbers[j]! - s.mean)) / s.scale));
	for (let c = 0; c < layout.indexes.length; c++) {
		const i = inputs.categories[c]!;
		if (i >= 0) z += weights[layout.offsets[c]! + i]!;
	}
	return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * How one scoring call reads its records, a whole input at a time: numbers(j) fills numeric input j
 * (NaN where missing, bad[r] = 1 where not a number), categories(c) fills categorical input c's
 * positions (-1 missing, UNSEEN; bad where not text). Records that are not objects are skipped.
 */
export interface InputColumns {
	numbers(j: number, values: Float64Array, bad: Uint8Array): void;
	categories(c: number, positions: Int32Array, bad: Uint8Array): void;
	isRecord?: (r: number) => boolean;
}

/** Input columns read value by value through a FieldReader, by the same rules as readInputs. */
export function fieldColumns(layout: Layout, count: number, field: FieldReader, isRecord?: (r: number) => boolean): InputColumns {
	const k = layout.model.preprocessor.numeric.length;
	return {
		isRecord,
		numbers(j, values, bad) {
			for (let r = 0; r < count; r++) {
				if (isRecord && !isRecord(r)) continue;
				const v = readNumber(field(r, j));
				if (v === null) bad[r] = 1;
				values[r] = typeof v === 'number' ? v : NaN;
			}
		},
		categories(c, positions, bad) {
			for (let r = 0; r < count; r++) {
				if (isRecord && !isRecord(r)) continue;
				const i = readCategory(layout, c, field(r, k + c));
				if (i === null) bad[r] = 1;
				positions[r] = i ?? -1;
			}
		}
	};
}
