// The one way from a record to a probability. Every consumer goes through `scoreWith`: online
// predictions and the CLI (`score`), batch scoring (`scoreRows`), training evaluation and
// cross-validation (`scoreTable`), and explanations (`recordInputs` + `logOdds`, which score() runs too).
// A field is read in one place, `score-inputs.ts` (`readInputs`, and `fieldColumns` by the same rules).
import type { FeatureRecord, FieldError, ScoreResult } from './model-artifact';
import { counter, fieldColumns, Layout, linear, numberMessage, ownField, readCategory, readInputs, sigmoid, textMessage, UNSEEN, type InputColumns, type ModelInputs, type ScoringModel } from './score-inputs';
import type { LabelledTable } from './table';

export { counter, missingInputs, ownField, sigmoid, UNSEEN, type InputColumns, type ModelInputs, type ScoringModel } from './score-inputs';

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
	const layout = new Layout(model);
	const isRecord = (r: number) => records[r] !== null && typeof records[r] === 'object' && !Array.isArray(records[r]);
	return scoreWith(layout, records.length, fieldColumns(layout, records.length, (r, k) => ownField(records[r]!, layout.names[k]!), isRecord));
}

/**
 * Scores CSV rows in place, without building an object per row.
 * Same arithmetic as score(): both run scoreWith.
 */
export function scoreRows(model: ScoringModel, header: readonly string[], rows: readonly (readonly string[])[]): ScoreResult {
	const layout = new Layout(model);
	const at = layout.names.map((name) => header.indexOf(name));
	return scoreWith(layout, rows.length, fieldColumns(layout, rows.length, (r, k) => (at[k]! < 0 ? undefined : rows[r]![at[k]!])));
}

/** Scores `count` records read an input at a time (batch scoring straight from CSV bytes: `score-csv.ts`). */
export function scoreColumns(model: ScoringModel, count: number, columns: InputColumns): ScoreResult {
	return scoreWith(new Layout(model), count, columns);
}

/** The model's inputs by name, numbers first: the order scoreColumns reads them in. */
export const inputNames = (model: ScoringModel): string[] => new Layout(model).names;

/** Per categorical input, a text's category position (-1 missing, UNSEEN never seen in training), as every scoring call reads it. */
export function categoryPositions(model: ScoringModel): ((text: string) => number)[] {
	const layout = new Layout(model);
	return layout.indexes.map((_, c) => (text: string) => readCategory(layout, c, text)!);
}

/** Scores rows of a parsed table (training evaluation and cross-validation folds); a NaN number is missing. */
export function scoreTable(model: ScoringModel, table: LabelledTable, rows: ArrayLike<number>): ScoreResult {
	const layout = new Layout(model);
	const byName = new Map(table.columns.map((c) => [c.name, c]));
	const columns = layout.names.map((name) => byName.get(name));
	return scoreWith(
		layout,
		rows.length,
		fieldColumns(layout, rows.length, (k, input) => {
			const column = columns[input];
			if (!column) return undefined;
			const v = column.values[rows[k]!];
			return typeof v === 'number' && Number.isNaN(v) ? null : v;
		})
	);
}

let scratchArrays = { z: new Float64Array(0), bad: new Uint8Array(0), values: new Float64Array(0), positions: new Int32Array(0) };

/**
 * Working arrays of scoreWith, kept from call to call (batch scoring calls it for every mini-batch,
 * and fresh arrays each time were most of its garbage). Never handed out: scoreWith is synchronous.
 */
function scratch(count: number, inputs: number) {
	if (scratchArrays.z.length < count || scratchArrays.bad.length < count * inputs) {
		const n = Math.max(count, scratchArrays.z.length);
		scratchArrays = { z: new Float64Array(n), bad: new Uint8Array(n * Math.max(inputs, 1)), values: new Float64Array(n), positions: new Int32Array(n) };
	}
	const s = scratchArrays;
	return { z: s.z.subarray(0, count), bad: s.bad.subarray(0, count * inputs), values: s.values.subarray(0, count), positions: s.positions.subarray(0, count) };
}

/**
 * The one scoring implementation, an input at a time over all records: the log-odds add up in the
 * order linear() adds them (intercept, numbers, categories), so each record gets the same sum.
 */
function scoreWith(layout: Layout, count: number, columns: InputColumns): ScoreResult {
	const { preprocessor: p, weights, intercept } = layout.model;
	const probabilities = new Float64Array(count);
	const errors: FieldError[] = [];
	const unseenCategories = counter();
	const imputed = counter();
	const inputs = layout.names.length;
	const { z, bad, values, positions } = scratch(count, inputs);
	z.fill(intercept);
	bad.fill(0);
	const skipped = columns.isRecord ? Uint8Array.from({ length: count }, (_, r) => (columns.isRecord!(r) ? 0 : 1)) : null;
	let anyBad = skipped !== null && skipped.includes(1);
	p.numeric.forEach((s, j) => {
		const badJ = bad.subarray(j * count, (j + 1) * count);
		columns.numbers(j, values, badJ);
		let missing = 0;
		for (let r = 0; r < count; r++) {
			if (skipped?.[r]) continue;
			if (badJ[r]) {
				anyBad = true;
				continue;
			}
			let v = values[r]!;
			if (Number.isNaN(v)) {
				missing++;
				v = s.median;
			}
			z[r] = z[r]! + (weights[j]! * (v - s.mean)) / s.scale;
		}
		if (missing) imputed[s.name] = (imputed[s.name] ?? 0) + missing;
	});
	p.categorical.forEach((s, c) => {
		const k = p.numeric.length + c;
		const badK = bad.subarray(k * count, (k + 1) * count);
		columns.categories(c, positions, badK);
		const offset = layout.offsets[c]!;
		let unseen = 0;
		for (let r = 0; r < count; r++) {
			if (skipped?.[r]) continue;
			if (badK[r]) {
				anyBad = true;
				continue;
			}
			const i = positions[r]!;
			if (i >= 0) z[r] = z[r]! + weights[offset + i]!;
			else if (i === UNSEEN) unseen++;
		}
		if (unseen) unseenCategories[s.name] = (unseenCategories[s.name] ?? 0) + unseen;
	});
	for (let r = 0; r < count; r++) {
		let ok = true;
		if (anyBad) {
			if (skipped?.[r]) {
				errors.push({ record: r, field: '', message: 'each record must be an object of feature values' });
				ok = false;
			} else {
				for (let k = 0; k < inputs; k++) {
					if (!bad[k * count + r]) continue;
					const name = layout.names[k]!;
					errors.push({ record: r, field: name, message: k < p.numeric.length ? numberMessage(name) : textMessage(name) });
					ok = false;
				}
			}
		}
		probabilities[r] = ok ? sigmoid(z[r]!) : NaN;
	}
	return { probabilities, errors, unseenCategories, imputed };
}
