// The exported score.py as an online deployment runs it (init(), then run(body) with the body's text):
// bad bodies answered with HTTP 400 through the inference server's response type, and predictions equal
// to the app's endpoint for a version served with a threshold other than 0.5. The inference server
// (azureml-inference-server-http) is not installable here, so a stand-in module
// azureml.contrib.services.aml_response with its documented AMLResponse(message, status_code) is put on
// sys.path; without it run() raises score.BadRequest, which is checked too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredDeployment } from '../../../src/lib/db/schema';
import { scoreOnDeployment } from '../../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { score, type ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { findPython, generatedRecords, runPython, writeExport, type PyResult } from './azureml-python';

const { python: PYTHON, skip } = findPython(['numpy']);

const draft = trainModel(generateDelinquencyTable(1500, 11), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS, () => {}, () => Date.parse('2026-11-24T10:00:00Z')).draft;
const version: ModelVersion = { ...draft, version: 4, description: '', tags: { threshold: '0.3' } };
const { root, dir, remove } = writeExport(version);
afterAll(remove);

const stub = join(dir, 'stub');
mkdirSync(join(stub, 'azureml/contrib/services'), { recursive: true });
for (const pkg of ['azureml', 'azureml/contrib', 'azureml/contrib/services']) writeFileSync(join(stub, pkg, '__init__.py'), '');
writeFileSync(
	join(stub, 'azureml/contrib/services/aml_response.py'),
	['class AMLResponse:', '    def __init__(self, message, status_code, response_headers=None, json_str=False):', '        self.message, self.status_code = message, status_code', ''].join('\n')
);

/** Runs score.run() on each body in one Python process; answers are [status, JSON body] (200 for a list of results). */
function answers(bodies: string[], withServer = true): [number, unknown][] {
	const code = [
		'import json, sys',
		`sys.path.insert(0, ${JSON.stringify(join(root, 'model/code'))})`,
		...(withServer ? [`sys.path.insert(0, ${JSON.stringify(stub)})`] : []),
		'import score',
		`score.init(${JSON.stringify(join(root, 'model/model.json'))})`,
		'out = []',
		'for body in json.loads(sys.stdin.read()):',
		'    try:',
		'        r = score.run(body)',
		'    except score.BadRequest as e:',
		'        out.append([0, str(e)])',
		'        continue',
		'    out.append([r.status_code, json.loads(r.message)] if hasattr(r, "status_code") else [200, r])',
		'print(json.dumps(out))'
	].join('\n');
	return JSON.parse(runPython(PYTHON!, ['-c', code], { input: JSON.stringify(bodies) })) as [number, unknown][];
}

describe.skipIf(PYTHON === null)(`score.py as an online deployment runs it${skip ? ` (skipped: ${skip})` : ''}`, () => {
	it('answers bodies it cannot read with 400 and a message naming the problem, and still scores good ones', () => {
		const good = JSON.stringify({ input_data: generatedRecords(3, 2) });
		const bodies = ['this is not JSON', JSON.stringify({ data: generatedRecords(2, 2) }), '[]', JSON.stringify({ input_data: 5 }), '"north"', good];
		const [notJson, dataKey, empty, notList, text, ok] = answers(bodies);
		for (const answer of [notJson, dataKey, empty, notList, text]) {
			expect(answer![0]).toBe(400);
			expect(answer![1]).toMatchObject({ error: { code: 'BadRequest' } });
		}
		const message = (answer: [number, unknown] | undefined) => (answer![1] as { error: { message: string } }).error.message;
		expect(message(notJson)).toMatch(/^The request body is not valid JSON: Expecting value: line 1 column 1/);
		expect(message(dataKey)).toBe('The request body must be a JSON list of records, or an object {"input_data": [...]} holding that list.');
		expect(message(notList)).toBe(message(dataKey));
		expect(message(text)).toBe(message(dataKey));
		expect(message(empty)).toBe('The request holds no records; send at least one.');
		expect(ok![0]).toBe(200);
		expect(ok![1]).toHaveLength(3);
	});

	it('raises score.BadRequest with the same message where no inference server gives it a response type', () => {
		const [notJson, ok] = answers(['{"input_data": [', JSON.stringify(generatedRecords(2, 2))], false);
		expect(notJson![0]).toBe(0);
		expect(notJson![1]).toMatch(/^The request body is not valid JSON: /);
		expect(ok![0]).toBe(200);
	});

	it("predicts with the version's served threshold (0.3), as the app's endpoint does", async () => {
		const records = generatedRecords(400, 9);
		const [[status, results]] = answers([JSON.stringify({ input_data: records })]) as [[number, PyResult[]]];
		expect(status).toBe(200);
		const deployment: StoredDeployment = { name: 'blue', modelName: version.name, modelVersion: version.version, createdAt: version.createdAt };
		const app = await scoreOnDeployment(deployment, records, () => version);
		if (!app.ok) throw new Error(app.message);
		expect(results.map((r) => r.prediction)).toEqual(app.body.predictions.map((p) => p.prediction));
		results.forEach((r, i) => expect(Math.abs(r.probability! - app.body.predictions[i]!.probability)).toBeLessThanOrEqual(1e-9));
		// The threshold matters here: these records would be predicted 0 at 0.5.
		const between = Array.from(score(version, records).probabilities).filter((p) => p >= 0.3 && p < 0.5);
		expect(between.length).toBeGreaterThan(10);
	});
});
