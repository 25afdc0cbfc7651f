import { strFromU8, unzipSync } from 'fflate';
import { EXPORT_CONTENTS } from '../../../src/lib/ml/azureml-export-contents';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportFiles, exportZip } from '../../../src/lib/ml/azureml-export';
import { mlflowSignature } from '../../../src/lib/ml/azureml-inputs';
import { bundleFileName, endpointName } from '../../../src/lib/ml/azureml-names';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { score, type ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const training = generateDelinquencyTable(800, 3);
const draft = trainModel(training, DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS, () => {}, () => Date.parse('2026-11-24T10:00:00Z')).draft;
const version: ModelVersion = { ...draft, version: 3, description: 'Nightly: "risk" model', tags: { owner: 'risk: team' } };
const files = exportFiles(version);
const file = (path: string) => {
	const text = files[`delinquency-v3/${path}`];
	if (text === undefined) throw new Error(`missing ${path}`);
	return text;
};
const yaml = (path: string) => parseYaml(file(path)) as Record<string, any>;

describe('exportFiles', () => {
	it('puts the model folder, endpoint YAML, samples and README under delinquency-v3/', () => {
		expect(Object.keys(files).sort()).toEqual(
			[
				'README.md',
				'endpoints/batch-conda.yaml',
				'endpoints/batch-deployment.yml',
				'endpoints/batch-endpoint.yml',
				'endpoints/online-conda.yaml',
				'endpoints/online-deployment.yml',
				'endpoints/online-endpoint.yml',
				'model.yml',
				'model/MLmodel',
				'model/code/score.py',
				'model/conda.yaml',
				'model/input_example.json',
				'model/model.json',
				'model/python_env.yaml',
				'model/requirements.txt',
				'sample-batch/accounts.csv',
				'sample-request.json'
			].map((p) => `delinquency-v3/${p}`)
		);
		expect(bundleFileName(version)).toBe('delinquency-v3-azureml.zip');
	});

	it('writes an MLmodel with a python_function flavor whose signature is the model inputs', () => {
		const mlmodel = yaml('model/MLmodel');
		expect(mlmodel.flavors.python_function).toMatchObject({ loader_module: 'score', code: 'code', data: 'model.json', env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' } });
		const inputs = JSON.parse(mlmodel.signature.inputs) as { name: string; type: string }[];
		expect(inputs.map((c) => c.name)).toEqual(version.signature.inputs.map((c) => c.name));
		expect(inputs.find((c) => c.name === 'region')?.type).toBe('string');
		expect(JSON.parse(mlmodel.signature.outputs)).toEqual(mlflowSignature(version).outputs);
		expect(mlmodel.utc_time_created).toBe('2026-11-24 10:00:00.000000');
		expect(mlmodel.model_uuid).toMatch(/^[0-9a-f]{32}$/);
		expect(mlmodel.mlflow_version).toMatch(/^\d+\.\d+\.\d+$/);
		// The files the MLmodel names exist in the folder.
		expect(file('model/conda.yaml')).toContain('numpy');
		expect(file('model/python_env.yaml')).toContain('-r requirements.txt');
		expect(file('model/code/score.py')).toContain('def _load_pyfunc(data_path');
	});

	it('types each numeric input as the training data holds it: long when every value is whole and none missing, else double', () => {
		const declared = Object.fromEntries(mlflowSignature(version).inputs.map((c) => [c.name, c.type]));
		const inferred: Record<string, string> = {};
		for (const c of training.columns) {
			if (!(c.name in declared)) continue;
			inferred[c.name] = c.kind === 'categorical' ? 'string' : Array.from(c.values).every(Number.isInteger) ? 'long' : 'double';
		}
		expect(declared).toEqual(inferred);
		expect(declared).toMatchObject({ days_past_due_12m: 'long', num_open_accounts: 'long', months_on_book: 'double', credit_utilization: 'double' });
		// A version registered before training profiles were kept has nothing to tell whole numbers by: double, as before.
		expect(new Set(mlflowSignature({ ...version, profile: undefined }).inputs.filter((c) => c.name !== 'region').map((c) => c.type))).toEqual(new Set(['double']));
	});

	it('writes samples whose columns pandas reads with their signature types: whole numbers for long, a decimal point for double', () => {
		const types = Object.fromEntries(mlflowSignature(version).inputs.map((c) => [c.name, c.type]));
		const [header, ...rows] = file('sample-batch/accounts.csv').trim().split('\n').map((l) => l.split(','));
		expect(rows).toHaveLength(2);
		header!.forEach((name, j) => {
			for (const row of rows) {
				if (types[name] === 'long') expect(row[j], name).toMatch(/^-?\d+$/);
				if (types[name] === 'double') expect(row[j], name).toMatch(/\.|e/);
			}
		});
		const example = JSON.parse(file('model/input_example.json')) as { columns: string[]; data: unknown[][] };
		expect(example.data.map((row) => Object.fromEntries(example.columns.map((c, j) => [c, row[j]])))).toEqual(JSON.parse(file('sample-request.json')).input_data);
	});

	it("writes the version's served threshold into score.py, the MLmodel and the README (0.5 without a threshold tag)", () => {
		const served = exportFiles({ ...version, tags: { threshold: '0.3' } });
		expect(served['delinquency-v3/model/code/score.py']).toContain('\nTHRESHOLD = 0.3\n');
		expect((parseYaml(served['delinquency-v3/model/MLmodel']!) as { metadata: { threshold: number } }).metadata.threshold).toBe(0.3);
		expect(served['delinquency-v3/README.md']).toContain('≥ 0.3, the threshold this version is served with');
		expect(file('model/code/score.py')).toContain('\nTHRESHOLD = 0.5\n');
		expect(exportFiles({ ...version, tags: { threshold: '7' } })['delinquency-v3/model/code/score.py']).toContain('\nTHRESHOLD = 0.5\n');
	});

	it('writes an input example in pandas split orientation with one column per input', () => {
		const example = JSON.parse(file('model/input_example.json')) as { columns: string[]; data: unknown[][] };
		expect(example.columns).toEqual(version.signature.inputs.map((c) => c.name));
		expect(example.data.length).toBeGreaterThan(0);
		expect(example.data.every((row) => row.length === example.columns.length)).toBe(true);
		const records = example.data.map((row) => Object.fromEntries(example.columns.map((c, j) => [c, row[j]])));
		const scored = score(version, records);
		expect(scored.errors).toEqual([]);
		expect(scored.unseenCategories).toEqual({});
	});

	it('keeps the registered version in model.json, unchanged', () => {
		expect(JSON.parse(file('model/model.json'))).toEqual(JSON.parse(JSON.stringify(version)));
	});

	it('writes CLI v2 YAML for a managed online endpoint and deployment', () => {
		const endpoint = yaml('endpoints/online-endpoint.yml');
		expect(endpoint).toMatchObject({ $schema: 'https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json', name: 'delinquency-v3-online', auth_mode: 'key' });
		const deployment = yaml('endpoints/online-deployment.yml');
		expect(deployment).toMatchObject({
			$schema: 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json',
			endpoint_name: endpoint.name,
			model: 'azureml:delinquency:3',
			code_configuration: { code: '../model/code', scoring_script: 'score.py' },
			environment: { conda_file: 'online-conda.yaml' },
			instance_type: 'Standard_DS3_v2',
			instance_count: 1
		});
		expect(deployment.environment.image).toMatch(/^mcr\.microsoft\.com\/azureml\//);
		expect(file('endpoints/online-conda.yaml')).toContain('azureml-inference-server-http');
	});

	it('writes CLI v2 YAML for a batch endpoint and a model deployment that appends rows', () => {
		expect(yaml('endpoints/batch-endpoint.yml')).toMatchObject({ $schema: 'https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json', name: 'delinquency-v3-batch' });
		const deployment = yaml('endpoints/batch-deployment.yml');
		expect(deployment).toMatchObject({
			$schema: 'https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json',
			endpoint_name: 'delinquency-v3-batch',
			type: 'model',
			model: 'azureml:delinquency:3',
			compute: 'azureml:cpu-cluster',
			settings: {
				max_concurrency_per_instance: 2,
				mini_batch_size: 10,
				error_threshold: -1,
				output_action: 'append_row',
				output_file_name: 'predictions.csv',
				retry_settings: { max_retries: 3, timeout: 300 },
				logging_level: 'info'
			}
		});
		// With type: model the CLI (ml extension 1.7 and later) reads these only under settings:, never at the top level.
		expect(Object.keys(deployment).sort()).toEqual(['$schema', 'code_configuration', 'compute', 'endpoint_name', 'environment', 'model', 'name', 'resources', 'settings', 'type']);
		expect(file('endpoints/batch-conda.yaml')).toContain('azureml-core');
	});

	it('registers the model folder as a custom model, with learner text kept as quoted text', () => {
		expect(yaml('model.yml')).toMatchObject({ name: 'delinquency', version: '3', type: 'custom_model', path: 'model', description: 'Nightly: "risk" model', tags: { owner: 'risk: team' } });
	});

	it('gives the exact az ml commands in the README', () => {
		const readme = file('README.md');
		for (const command of [
			'az ml model create -f model.yml',
			'az ml online-endpoint create -f endpoints/online-endpoint.yml',
			'az ml online-deployment create -f endpoints/online-deployment.yml --all-traffic',
			'az ml online-endpoint invoke --name delinquency-v3-online --request-file sample-request.json',
			'az ml batch-endpoint create -f endpoints/batch-endpoint.yml',
			'az ml batch-deployment create -f endpoints/batch-deployment.yml --set-default'
		]) {
			expect(readme).toContain(command);
		}
	});

	it('keeps every YAML file valid whatever the model name, target and tags hold', () => {
		const odd: ModelVersion = { ...version, name: 'risk model: "v2"', target: "late: 90d's", tags: { 'a: b': '- c', '#d': '{e}' }, description: 'line one\nline two' };
		const oddFiles = exportFiles(odd);
		const paths = Object.keys(oddFiles);
		expect(paths.every((p) => p.startsWith('risk-model-v2-v3/'))).toBe(true);
		for (const path of paths.filter((p) => /\.ya?ml$|MLmodel$/.test(p))) expect(() => parseYaml(oddFiles[path]!), path).not.toThrow();
		const model = parseYaml(oddFiles['risk-model-v2-v3/model.yml']!) as Record<string, any>;
		expect(model).toMatchObject({ name: 'risk-model-v2', description: 'line one\nline two', tags: { 'a: b': '- c', '#d': '{e}' } });
		expect(parseYaml(oddFiles['risk-model-v2-v3/endpoints/online-deployment.yml']!).model).toBe('azureml:risk-model-v2:3');
		expect(parseYaml(oddFiles['risk-model-v2-v3/model/MLmodel']!).metadata.target).toBe("late: 90d's");
	});

	it('makes valid endpoint names from any model name', () => {
		expect(endpointName({ name: '9 Risk_Model', version: 12 }, 'online')).toBe('risk-model-v12-online');
		const long = endpointName({ name: 'a'.repeat(60), version: 1234 }, 'batch');
		expect(long.length).toBeLessThanOrEqual(32);
		expect(long).toMatch(/^[a-z][a-z0-9-]{2,31}$/);
	});
});

describe('exportZip', () => {
	it('round-trips every file through fflate unzip and is the same bytes each time', () => {
		const zip = exportZip(version);
		const unzipped = unzipSync(zip);
		expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).sort());
		for (const [path, text] of Object.entries(files)) expect(strFromU8(unzipped[path]!)).toBe(text);
		expect(exportZip(version)).toEqual(zip);
	});
});

describe('EXPORT_CONTENTS', () => {
	it('lists exactly the files the export holds, so the Models page shows what is downloaded', () => {
		expect(EXPORT_CONTENTS.map((f) => `delinquency-v3/${f.path}`).sort()).toEqual(Object.keys(files).sort());
	});
});
