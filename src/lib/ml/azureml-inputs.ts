// The model's inputs as MLflow sees them: the signature's column types (the types MLflow infers from the
// training data read with pandas), two example accounts of those types, and the sample files built
// from them, written so that pandas reads each column back with its signature type.
import type { FeatureRecord, ModelVersion } from './model-artifact';

export type MlflowColumnType = 'long' | 'double' | 'string';

type InputsOf = Pick<ModelVersion, 'signature' | 'preprocessor' | 'profile'>;

/**
 * The type MLflow's `infer_signature` gives a numeric training column read with pandas: `long` (int64)
 * when every value is a whole number and none is missing, else `double` (float64; one missing value
 * makes pandas read a whole-number column as floats). A version keeps its training split's profile,
 * not its rows: whole-number deciles and median, a whole-number sum (mean × rows) and no missing value
 * mark a whole-number column. A version without a profile (registered before profiles) says `double`.
 */
export function numericColumnType(version: Pick<ModelVersion, 'preprocessor' | 'profile'>, name: string): 'long' | 'double' {
	const profile = version.profile?.features.find((f) => f.name === name);
	const step = version.preprocessor.numeric.find((s) => s.name === name);
	if (!profile || profile.kind !== 'numeric' || !step || profile.missing !== 0 || !version.profile) return 'double';
	const sum = step.mean * version.profile.rows;
	const wholeSum = Math.abs(sum - Math.round(sum)) <= 1e-9 * Math.max(1, Math.abs(sum));
	return wholeSum && Number.isInteger(2 * step.median) && profile.edges.every(Number.isInteger) ? 'long' : 'double';
}

/** Each input's MLflow type, by name. */
export function inputTypes(version: InputsOf): Record<string, MlflowColumnType> {
	const types: Record<string, MlflowColumnType> = Object.create(null);
	for (const c of version.signature.inputs) types[c.name] = c.type === 'string' ? 'string' : numericColumnType(version, c.name);
	return types;
}

/** MLflow's column-based signature: the model's inputs, and the two fields score.py returns. */
export function mlflowSignature(version: InputsOf) {
	const types = inputTypes(version);
	return {
		inputs: version.signature.inputs.map((c) => ({ type: types[c.name]!, name: c.name })),
		outputs: [
			{ type: 'long', name: 'prediction' },
			{ type: 'double', name: 'probability' }
		]
	};
}

const round = (x: number) => Number(x.toPrecision(6));

/** Two plausible accounts: every number at its training median / one spread above its mean (whole for `long` inputs), and a known category. */
export function exampleRecords(version: InputsOf): FeatureRecord[] {
	const { numeric, categorical } = version.preprocessor;
	const types = inputTypes(version);
	return [0, 1].map((k) => {
		const record: FeatureRecord = {};
		for (const s of numeric) {
			const value = k === 0 ? s.median : s.mean + s.scale;
			record[s.name] = types[s.name] === 'long' ? Math.round(value) : round(value);
		}
		for (const c of categorical) record[c.name] = k === 0 ? (c.categories[0] ?? '') : (c.categories.at(-1) ?? '');
		return record;
	});
}

/** A number as text pandas reads with the column's type: a whole `double` keeps a decimal point (61.0), so the column stays float64. */
function numberText(value: number, type: MlflowColumnType): string {
	return type === 'double' && Number.isInteger(value) && Math.abs(value) < 1e15 ? `${value}.0` : String(value);
}

function csvCell(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `model/input_example.json` (pandas split orientation), `sample-batch/accounts.csv` and `sample-request.json`. */
export function sampleFiles(version: InputsOf): Record<string, string> {
	const examples = exampleRecords(version);
	const types = inputTypes(version);
	const columns = version.signature.inputs.map((c) => c.name);
	const cells = (record: FeatureRecord, text: (s: string) => string) =>
		columns.map((c) => {
			const value = record[c];
			return typeof value === 'number' ? numberText(value, types[c]!) : text(String(value ?? ''));
		});
	const rows = examples.map((r) => `    [${cells(r, (s) => JSON.stringify(s)).join(', ')}]`);
	return {
		'model/input_example.json': `{\n  "columns": ${JSON.stringify(columns)},\n  "data": [\n${rows.join(',\n')}\n  ]\n}\n`,
		'sample-batch/accounts.csv': `${[columns.map(csvCell).join(','), ...examples.map((r) => cells(r, csvCell).join(','))].join('\n')}\n`,
		'sample-request.json': `${JSON.stringify({ input_data: examples }, null, 2)}\n`
	};
}
