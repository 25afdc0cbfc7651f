// The exported MLflow model with pandas, as mlflow.pyfunc.load_model(folder).predict(pd.read_csv(file))
// runs it. MLflow itself is not installable here (no PyPI), so the test does MLflow's two steps itself:
// its column type check (a copy of the numeric rules of mlflow.models.utils._enforce_mlflow_datatype:
// same dtype passes, an integer column passes as double only when at most 6 bytes wide, a string column
// must be object) on the signature in MLmodel, then the flavor's loader_module._load_pyfunc(data).predict.
// No stand-in for mlflow.pyfunc.PythonModel is needed: the flavor uses a loader_module, not a pickled class.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { tableToCsv } from '../../../src/cli/main';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { scoreRows, type ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { findPython, runPython, writeExport } from './azureml-python';

const { python: PYTHON, skip } = findPython(['numpy', 'pandas']);

const training = generateDelinquencyTable(1500, 11);
const draft = trainModel(training, DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS, () => {}, () => Date.parse('2026-11-24T10:00:00Z')).draft;
const version: ModelVersion = { ...draft, version: 3, description: '', tags: { threshold: '0.35' } };
const { root, dir, remove } = writeExport(version);
afterAll(remove);
const mlmodel = parseYaml(readFileSync(join(root, 'model/MLmodel'), 'utf8')) as { flavors: { python_function: { code: string; data: string; loader_module: string } }; signature: { inputs: string } };
const flavor = mlmodel.flavors.python_function;

/** Python that loads the model as MLflow's loader_module flavor does and defines enforce(frame), MLflow's type check. */
const PRELUDE = [
	'import importlib, json, sys',
	'import numpy as np',
	'import pandas as pd',
	`sys.path.insert(0, ${JSON.stringify(join(root, 'model', flavor.code))})`,
	`model = importlib.import_module(${JSON.stringify(flavor.loader_module)})._load_pyfunc(${JSON.stringify(join(root, 'model', flavor.data))})`,
	`signature = json.loads(${JSON.stringify(mlmodel.signature.inputs)})`,
	'NUMPY = {"long": np.dtype("int64"), "double": np.dtype("float64")}',
	'def check(name, values, kind):',
	'    if kind == "string":',
	'        if values.dtype != object: raise TypeError(f"{name}: {values.dtype} is not a string column")',
	'        return values',
	'    want = NUMPY[kind]',
	'    if values.dtype == want: return values',
	'    if values.dtype.kind == want.kind: ok = values.dtype.itemsize <= want.itemsize',
	'    elif values.dtype.kind in "iu" and want == np.float64: ok = values.dtype.itemsize <= 6',
	'    else: ok = False',
	'    if not ok: raise TypeError(f"Incompatible input types for column {name}. Can not safely convert {values.dtype} to {want}.")',
	'    return values.astype(want)',
	'def enforce(frame):',
	'    missing = [c["name"] for c in signature if c["name"] not in frame.columns]',
	'    if missing: raise TypeError(f"Model is missing inputs {missing}")',
	'    return pd.DataFrame({c["name"]: check(c["name"], frame[c["name"]], c["type"]) for c in signature})',
	'def predict(frame):',
	'    out = model.predict(enforce(frame))',
	'    return {"prediction": out["prediction"].tolist(), "probability": out["probability"].tolist(), "columns": list(out.columns)}',
	''
].join('\n');

/** What the tests check, computed in one Python process (importing pandas takes seconds on a busy machine). */
interface Outcome {
	inferred: Record<string, string>;
	generated: { prediction: number[]; probability: number[]; columns: string[] };
	sample: { prediction: number[]; probability: number[]; columns: string[] };
	bad: [string, (string | null)[]];
	refused: Record<string, string>;
}

const generatedCsv = tableToCsv(generateDelinquencyTable(600, 12));
const trainingFile = join(dir, 'training.csv');
const generatedFile = join(dir, 'accounts.csv');
const sampleFile = join(root, 'sample-batch/accounts.csv');
let outcome: Outcome;

beforeAll(() => {
	if (PYTHON === null) return;
	writeFileSync(trainingFile, tableToCsv(training));
	writeFileSync(generatedFile, generatedCsv);
	const code = `${PRELUDE}
out = {}
types = pd.read_csv(${JSON.stringify(trainingFile)}).dtypes
out["inferred"] = {c["name"]: {"int64": "long", "float64": "double", "object": "string"}[str(types[c["name"]])] for c in signature}
out["generated"] = predict(pd.read_csv(${JSON.stringify(generatedFile)}))
out["sample"] = predict(pd.read_csv(${JSON.stringify(sampleFile)}))
f = pd.read_csv(${JSON.stringify(sampleFile)})
f.loc[0, "annual_income"] = float("inf")
scored = model.predict(enforce(f))
out["bad"] = [str(scored["prediction"][0]), scored["error"].tolist()]
def attempt(change):
    f = pd.read_csv(${JSON.stringify(sampleFile)})
    f = change(f)
    try:
        enforce(f)
        return "accepted"
    except TypeError as e:
        return str(e)
out["refused"] = {
    "integer double": attempt(lambda f: f.assign(credit_utilization=[1, 2])),
    "gap in long": attempt(lambda f: f.assign(days_past_due_12m=[None, 2])),
    "missing column": attempt(lambda f: f.drop(columns=["region"])),
    "as read": attempt(lambda f: f),
}
print(json.dumps(out))
`;
	outcome = JSON.parse(runPython(PYTHON, ['-c', code])) as Outcome;
}, 120_000);

describe.skipIf(PYTHON === null)(`the exported model with pandas, as MLflow loads it${skip ? ` (skipped: ${skip})` : ''}`, () => {
	it('declares each input with the type pandas reads from the training data (whole-number columns long)', () => {
		const declared = Object.fromEntries((JSON.parse(mlmodel.signature.inputs) as { name: string; type: string }[]).map((c) => [c.name, c.type]));
		expect(declared).toEqual(outcome.inferred);
		expect(declared).toMatchObject({ days_past_due_12m: 'long', num_open_accounts: 'long', credit_utilization: 'double', region: 'string' });
	});

	it("predicts pd.read_csv of a generated file, matching the app's scores and served threshold", () => {
		const [header, ...rows] = generatedCsv.trim().split('\n').map((l) => l.split(','));
		const app = scoreRows(version, header!, rows);
		const out = outcome.generated;
		expect(out.columns).toEqual(['prediction', 'probability']);
		expect(out.probability).toHaveLength(rows.length);
		out.probability.forEach((p, k) => expect(Math.abs(p - app.probabilities[k]!), `row ${k + 1}`).toBeLessThanOrEqual(1e-9));
		expect(out.prediction).toEqual(Array.from(app.probabilities, (p) => (p >= 0.35 ? 1 : 0)));
	});

	it("runs the export README's example on sample-batch/accounts.csv, and names rows it cannot score", () => {
		expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('print(model.predict(pd.read_csv("sample-batch/accounts.csv")))');
		expect(outcome.sample.probability).toHaveLength(2);
		expect(outcome.bad).toEqual(['<NA>', ['"annual_income" must be a number', null]]);
	});

	it('the type check refuses what MLflow refuses: integers for a double column, a gap in a long column, a missing column', () => {
		expect(outcome.refused).toEqual({
			'integer double': 'Incompatible input types for column credit_utilization. Can not safely convert int64 to float64.',
			'gap in long': 'Incompatible input types for column days_past_due_12m. Can not safely convert float64 to int64.',
			'missing column': "Model is missing inputs ['region']",
			'as read': 'accepted'
		});
	});
});
