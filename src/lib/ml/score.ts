// The one way from a record to a probability. Every consumer goes through `scoreWith`: online
// predictions and the CLI (`score`), batch scoring (`scoreRows`), training evaluation and
// cross-validation (`scoreTable`), and explanations (`recordInputs` + `logOdds`, which score() runs too).
// A field is read in one place (`readInputs`): a missing number takes the training median, a missing or
// unseen category adds nothing, and a value that is neither a number nor missing is rejected everywhere.
import type { CsvRows, FieldTexts } from './csv-rows';
import { isMissing, parseNumber } from './csv-schema';
import type { FeatureRecord, FieldError, ModelDraft, ScoreResult } from './model-artifact';
import { encodedWidth } from './preprocess';
import type { LabelledTable } from './table';

export type ScoringModel = Pick<ModelDraft, 'preprocessor' | 'weights' | 'intercept'>;

/** Reads one model input of one record (its index in Layout.names); undefined when absent. */
type FieldReader = (record: number, input: number) => unknown;

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

/** The model's shape, checked once per call: category indexes and where each category's weights start. */
class Layout {
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

/** Reads record r into `into`; false when a field was rejected (each one reported). */
function readInputs(layout: Layout, r: number, field: FieldReader, into: ModelInputs, report: ReadReport): boolean {
	const p = layout.model.preprocessor;
	const k = p.numeric.length;
	let ok = true;
	p.numeric.forEach((s, j) => {
		const v = readNumber(field(r, j));
		if (v === null) {
			ok = false;
			report.reject(s.name, `"${s.name}" must be a number`);
		} else if (v === 'missing') {
			report.imputed(s.name);
			into.numbers[j] = s.median;
		} else into.numbers[j] = v;
	});
	p.categorical.forEach((s, c) => {
		into.categories[c] = -1;
		const raw = field(r, k + c);
		if (missingCategory(raw)) return;
		if (typeof raw !== 'string' && typeof raw !== 'number') {
			ok = false;
			report.reject(s.name, `"${s.name}" must be text`);
			return;
		}
		const i = layout.indexes[c]!.get(String(raw).trim());
		if (i === undefined) report.unseen(s.name);
		else into.categories[c] = i;
	});
	return ok;
}

function linear(layout: Layout, inputs: ModelInputs): number {
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

/** A record score() would reject, with the same message per field. */
export class RecordValueError extends Error {
	constructor(readonly problems: readonly { field: string; message: string }[]) {
		super(problems.length ? `${problems.map((p) => p.message).join('; ')}.` : 'each record must be an object of feature values.');
		this.name = 'RecordValueError';
	}
}

/** One record's inputs as score() reads them; throws a RecordValueError where score() reports errors. */
export function recordInputs(model: ScoringModel, record: FeatureRecord): ModelInputs {
	if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new RecordValueError([]);
	const layout = new Layout(model);
	const inputs = layout.inputs();
	const problems: { field: string; message: string }[] = [];
	const ignore = () => undefined;
	const ok = readInputs(layout, 0, (_, k) => ownField(record, layout.names[k]!), inputs, { reject: (field, message) => problems.push({ field, message }), imputed: ignore, unseen: ignore });
	if (!ok) throw new RecordValueError(problems);
	return inputs;
}

/** The log-odds of inputs read by recordInputs: the same sum score() takes. */
export const logOdds = (model: ScoringModel, inputs: ModelInputs): number => linear(new Layout(model), inputs);

/** Scores records with a model. Bad fields are reported per record and field; other records still score. */
export function score(model: ScoringModel, records: readonly FeatureRecord[]): ScoreResult {
	const names = new Layout(model).names;
	const isRecord = (r: number) => records[r] !== null && typeof records[r] === 'object' && !Array.isArray(records[r]);
	return scoreWith(model, records.length, (r, k) => ownField(records[r]!, names[k]!), isRecord);
}

/**
 * Scores CSV rows in place, without building an object per row (batch scoring of millions of rows).
 * Same arithmetic as score(): both run scoreWith.
 */
export function scoreRows(model: ScoringModel, header: readonly string[], rows: readonly (readonly string[])[]): ScoreResult {
	const at = columnsOf(model, header);
	return scoreWith(model, rows.length, (r, k) => (at[k]! < 0 ? undefined : rows[r]![at[k]!]));
}

/** Per model input, its column in `header` (-1 when absent). */
const columnsOf = (model: ScoringModel, header: readonly string[]) => new Layout(model).names.map((name) => header.indexOf(name));

/**
 * Scores rows of a CSV chunk straight from its bytes (batch scoring of millions of rows): numbers are
 * read without making strings, categories are made once per distinct value. `which` lists the rows
 * to score; result k is row which[k]. Same arithmetic as score(): both run scoreWith.
 */
export function scoreCsvRows(model: ScoringModel, header: readonly string[], rows: CsvRows, which: ArrayLike<number>, texts: FieldTexts[]): ScoreResult {
	const at = columnsOf(model, header);
	const numeric = model.preprocessor.numeric.length;
	return scoreWith(model, which.length, (k, input) => {
		const c = at[input]!;
		if (c < 0) return undefined;
		const r = which[k]!;
		if (input >= numeric) return texts[input - numeric]!.text(rows, r, c);
		const v = rows.number(r, c);
		// A missing value reads as null; a field that is not a number is passed as its text, to be refused.
		return v === null ? rows.text(r, c) : Number.isNaN(v) ? null : v;
	});
}

/** Scores rows of a parsed table (training evaluation and cross-validation folds); a NaN number is missing. */
export function scoreTable(model: ScoringModel, table: LabelledTable, rows: ArrayLike<number>): ScoreResult {
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	const columns = new Layout(model).names.map((name) => byName.get(name));
	return scoreWith(model, rows.length, (k, input) => {
		const column = columns[input];
		if (!column) return undefined;
		const v = column.values[rows[k]!];
		return typeof v === 'number' && Number.isNaN(v) ? null : v;
	});
}

/** The one scoring implementation. `isRecord(r)` is false for a record that is not an object of fields. */
function scoreWith(model: ScoringModel, count: number, field: FieldReader, isRecord?: (r: number) => boolean): ScoreResult {
	const layout = new Layout(model);
	const inputs = layout.inputs();
	const probabilities = new Float64Array(count);
	const errors: FieldError[] = [];
	const unseenCategories = counter();
	const imputed = counter();
	let record = 0;
	const report: ReadReport = {
		reject: (field, message) => errors.push({ record, field, message }),
		imputed: (name) => (imputed[name] = (imputed[name] ?? 0) + 1),
		unseen: (name) => (unseenCategories[name] = (unseenCategories[name] ?? 0) + 1)
	};
	for (let r = 0; r < count; r++) {
		record = r;
		if (isRecord && !isRecord(r)) {
			errors.push({ record: r, field: '', message: 'each record must be an object of feature values' });
			probabilities[r] = NaN;
			continue;
		}
		probabilities[r] = readInputs(layout, r, field, inputs, report) ? sigmoid(linear(layout, inputs)) : NaN;
	}
	return { probabilities, errors, unseenCategories, imputed };
}
