// Builds a folder a learner can deploy on Azure Machine Learning as it is (CLI v2 YAML, SDK v2 names):
// the registered model (an MLflow-style folder with a numpy-only score.py), a managed online endpoint +
// deployment and a batch endpoint + deployment. Pure: the same version always gives the same bytes.
import { zipSync, strToU8 } from 'fflate';
import { SCORE_PY } from './azureml-score-py';
import type { FeatureRecord, ModelVersion } from './model-artifact';

/** Base image of both deployments' environments (Ubuntu 22.04 with conda, from Microsoft's registry). */
export const BASE_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest';
export const ONLINE_INSTANCE_TYPE = 'Standard_DS3_v2';
export const BATCH_COMPUTE = 'cpu-cluster';
/** The MLmodel format this folder follows (written by Prep Lab, not by MLflow itself). */
export const MLFLOW_FORMAT_VERSION = '2.16.2';
const PYTHON_VERSION = '3.10.14';

/** Azure ML asset names allow letters, digits, `-` and `_`; anything else would also break the YAML. */
export const assetName = (version: Pick<ModelVersion, 'name'>) => version.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
/** `delinquency-v3`: the top folder in the zip. */
export const bundleFolder = (version: Pick<ModelVersion, 'name' | 'version'>) => `${assetName(version)}-v${version.version}`;
/** `delinquency-v3-azureml.zip` */
export const bundleFileName = (version: Pick<ModelVersion, 'name' | 'version'>) => `${bundleFolder(version)}-azureml.zip`;

/** Endpoint names are unique per Azure region: 3–32 letters, digits and hyphens, starting with a letter. */
export function endpointName(version: Pick<ModelVersion, 'name' | 'version'>, kind: 'online' | 'batch'): string {
	const base = version.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '') || 'model';
	const suffix = `-v${version.version}-${kind}`;
	return `${base.slice(0, 32 - suffix.length).replace(/-+$/, '')}${suffix}`;
}

/** A YAML double-quoted scalar; JSON's string syntax is valid YAML, so learner text cannot break the file. */
const q = (text: string) => JSON.stringify(text);

/** 32 hex digits from the version's identity: a stable stand-in for MLflow's random model_uuid. */
export function modelUuid(version: Pick<ModelVersion, 'name' | 'version' | 'createdAt' | 'dataFingerprint'>): string {
	const text = `${version.name}:${version.version}:${version.createdAt}:${version.dataFingerprint}`;
	let out = '';
	for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
		let h = seed >>> 0;
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
		out += h.toString(16).padStart(8, '0');
	}
	return out;
}

/** MLflow writes `2026-11-24 10:00:00.000000` (UTC). */
function mlflowTime(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? '1980-01-01 00:00:00.000000' : `${d.toISOString().slice(0, 19).replace('T', ' ')}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000`;
}

/** MLflow's column-based signature: the model's inputs, and the two fields score.py returns. */
export function mlflowSignature(version: Pick<ModelVersion, 'signature'>) {
	return {
		inputs: version.signature.inputs.map((c) => ({ type: c.type, name: c.name })),
		outputs: [
			{ type: 'long', name: 'prediction' },
			{ type: 'double', name: 'probability' }
		]
	};
}

const round = (x: number) => Number(x.toPrecision(6));

/** Two plausible accounts: every numeric input at its training median / one spread above its mean, and a known category. */
export function exampleRecords(version: Pick<ModelVersion, 'preprocessor'>): FeatureRecord[] {
	const { numeric, categorical } = version.preprocessor;
	return [0, 1].map((k) => {
		const record: FeatureRecord = {};
		for (const s of numeric) record[s.name] = round(k === 0 ? s.median : s.mean + s.scale);
		for (const c of categorical) record[c.name] = k === 0 ? (c.categories[0] ?? '') : (c.categories.at(-1) ?? '');
		return record;
	});
}

function csvCell(value: unknown): string {
	const text = String(value ?? '');
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function tagsYaml(tags: Record<string, string>, indent: string): string {
	const entries = Object.entries(tags);
	return entries.length ? entries.map(([k, v]) => `\n${indent}${q(k)}: ${q(v)}`).join('') : ' {}';
}

function readme(version: ModelVersion, folder: string): string {
	const name = assetName(version);
	const online = endpointName(version, 'online');
	const batch = endpointName(version, 'batch');
	return `# ${version.name} version ${version.version} for Azure Machine Learning

Exported from Prep Lab. Logistic regression predicting \`${version.target}\`; held-out ROC AUC ${version.metrics.rocAuc.toFixed(3)}.
Every command below uses the Azure CLI with the \`ml\` extension (CLI v2); run them from this folder.

## What is here

| Path | What it is |
| --- | --- |
| \`model/\` | The model folder registered as \`${name}:${version.version}\`: \`model.json\` (weights and preprocessing), \`MLmodel\` (MLflow format, \`python_function\` flavor with a signature), \`conda.yaml\`, \`python_env.yaml\`, \`requirements.txt\`, \`input_example.json\`, and \`code/score.py\`. |
| \`model/code/score.py\` | The scoring script: \`init()\` loads \`model.json\` from \`AZUREML_MODEL_DIR\`, \`run()\` scores a request or a batch of CSV files. Needs only numpy. |
| \`model.yml\` | The model asset. It is registered as \`custom_model\` because both deployments bring their own \`score.py\` and environment; the folder is still an MLflow model, so \`mlflow.pyfunc.load_model("model")\` loads it (its \`loader_module\` is \`code/score.py\`). |
| \`endpoints/\` | A managed online endpoint + deployment and a batch endpoint + deployment, with their conda files. |
| \`sample-request.json\` | A request for the online endpoint. |
| \`sample-batch/accounts.csv\` | Input for the batch endpoint. |

## Try the scoring script on your machine

\`\`\`sh
python3 model/code/score.py model/model.json sample-request.json
python3 model/code/score.py model/model.json sample-batch/accounts.csv
\`\`\`

## Before you start

\`\`\`sh
az extension add --name ml
az login
az configure --defaults group=<resource-group> workspace=<workspace-name>
\`\`\`

## Register the model

\`\`\`sh
az ml model create -f model.yml
\`\`\`

## Managed online endpoint

Endpoint names must be unique in an Azure region: if \`${online}\` is taken, change \`name\` in
\`endpoints/online-endpoint.yml\` and \`endpoint_name\` in \`endpoints/online-deployment.yml\`.

\`\`\`sh
az ml online-endpoint create -f endpoints/online-endpoint.yml
az ml online-deployment create -f endpoints/online-deployment.yml --all-traffic
az ml online-endpoint invoke --name ${online} --request-file sample-request.json
az ml online-deployment get-logs --name blue --endpoint-name ${online}
\`\`\`

The response has one entry per record: \`{"prediction": 0 or 1, "probability": P(${version.target} = 1)}\`, or
\`{"prediction": null, "probability": null, "errors": [...]}\` for a record with a field that is not a number.
Missing values are filled with the training median; a category never seen in training adds nothing.

## Batch endpoint

\`\`\`sh
az ml compute create --name ${BATCH_COMPUTE} --type amlcompute --size ${ONLINE_INSTANCE_TYPE} --min-instances 0 --max-instances 2
az ml batch-endpoint create -f endpoints/batch-endpoint.yml
az ml batch-deployment create -f endpoints/batch-deployment.yml --set-default
az ml batch-endpoint invoke --name ${batch} --input sample-batch --input-type uri_folder
\`\`\`

With \`output_action: append_row\` every scored row becomes one line of \`predictions.csv\`:
\`file,row,prediction,probability,error\` (row 1 is the first data row of the file).

## Clean up

\`\`\`sh
az ml online-endpoint delete --name ${online} --yes
az ml batch-endpoint delete --name ${batch} --yes
\`\`\`

Folder: \`${folder}/\`. Created ${version.createdAt}; data fingerprint \`${version.dataFingerprint}\`.
`;
}

/** Every file of the export, by path inside the zip (all under `<name>-v<version>/`). */
export function exportFiles(version: ModelVersion): Record<string, string> {
	const name = assetName(version);
	const folder = bundleFolder(version);
	const online = endpointName(version, 'online');
	const batch = endpointName(version, 'batch');
	const examples = exampleRecords(version);
	const columns = version.signature.inputs.map((c) => c.name);
	const signature = mlflowSignature(version);
	const description = version.description || `Logistic regression predicting ${version.target}, exported from Prep Lab.`;
	const files: Record<string, string> = {
		'README.md': readme(version, folder),
		'model.yml': `$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json
name: ${name}
version: ${q(String(version.version))}
type: custom_model
path: model
description: ${q(description)}
tags:${tagsYaml({ ...version.tags, data_fingerprint: version.dataFingerprint, exported_from: 'prep-lab' }, '  ')}
`,
		// Written by Prep Lab, not MLflow. loader_module points at code/score.py (numpy only) because a
		// cloudpickled python_model.pkl cannot be made here; mlflow.pyfunc.load_model adds "code" to sys.path
		// and calls score._load_pyfunc("model.json").
		'model/MLmodel': `artifact_path: model
flavors:
  python_function:
    code: code
    data: model.json
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: score
    python_version: ${PYTHON_VERSION}
metadata:
  name: ${q(version.name)}
  version: ${version.version}
  target: ${q(version.target)}
mlflow_version: ${MLFLOW_FORMAT_VERSION}
model_uuid: ${modelUuid(version)}
saved_input_example_info:
  artifact_path: input_example.json
  pandas_orient: split
  type: dataframe
signature:
  inputs: ${q(JSON.stringify(signature.inputs))}
  outputs: ${q(JSON.stringify(signature.outputs))}
  params: null
utc_time_created: '${mlflowTime(version.createdAt)}'
`,
		'model/conda.yaml': `name: ${folder}
channels:
  - conda-forge
dependencies:
  - python=${PYTHON_VERSION.split('.').slice(0, 2).join('.')}
  - pip
  - numpy>=1.24
`,
		'model/python_env.yaml': `python: ${PYTHON_VERSION}
build_dependencies:
  - pip
dependencies:
  - -r requirements.txt
`,
		'model/requirements.txt': 'numpy>=1.24\n',
		'model/input_example.json': `${JSON.stringify({ columns, data: examples.map((r) => columns.map((c) => r[c])) }, null, 2)}\n`,
		'model/model.json': `${JSON.stringify(version, null, 2)}\n`,
		'model/code/score.py': SCORE_PY,
		'endpoints/online-endpoint.yml': `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
name: ${online}
description: ${q(`Real-time ${version.target} predictions from ${version.name}:${version.version}.`)}
auth_mode: key
`,
		'endpoints/online-deployment.yml': `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: ${online}
model: azureml:${name}:${version.version}
code_configuration:
  code: ../model/code
  scoring_script: score.py
environment:
  name: ${name}-online-env
  image: ${BASE_IMAGE}
  conda_file: online-conda.yaml
instance_type: ${ONLINE_INSTANCE_TYPE}
instance_count: 1
`,
		// The online server needs azureml-inference-server-http; batch deployments need azureml-core.
		'endpoints/online-conda.yaml': `name: ${name}-online
channels:
  - conda-forge
dependencies:
  - python=3.10
  - pip
  - numpy>=1.24
  - pip:
      - azureml-inference-server-http
`,
		'endpoints/batch-endpoint.yml': `$schema: https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json
name: ${batch}
description: ${q(`Batch scoring of account CSV files with ${version.name}.`)}
`,
		'endpoints/batch-deployment.yml': `$schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json
name: ${folder}
endpoint_name: ${batch}
type: model
model: azureml:${name}:${version.version}
code_configuration:
  code: ../model/code
  scoring_script: score.py
environment:
  name: ${name}-batch-env
  image: ${BASE_IMAGE}
  conda_file: batch-conda.yaml
compute: azureml:${BATCH_COMPUTE}
resources:
  instance_count: 1
settings:
  max_concurrency_per_instance: 2
  mini_batch_size: 10
  output_action: append_row
  output_file_name: predictions.csv
  retry_settings:
    max_retries: 3
    timeout: 300
  error_threshold: -1
  logging_level: info
`,
		'endpoints/batch-conda.yaml': `name: ${name}-batch
channels:
  - conda-forge
dependencies:
  - python=3.10
  - pip
  - numpy>=1.24
  - pip:
      - azureml-core
`,
		'sample-request.json': `${JSON.stringify({ input_data: examples }, null, 2)}\n`,
		'sample-batch/accounts.csv': `${[columns, ...examples.map((r) => columns.map((c) => r[c]))].map((row) => row.map(csvCell).join(',')).join('\n')}\n`
	};
	return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${folder}/${path}`, text]));
}

/** The export as a zip. Entries carry the version's creation time, so the bytes depend only on the version. */
export function exportZip(version: ModelVersion): Uint8Array<ArrayBuffer> {
	const created = new Date(version.createdAt);
	// Zip times start in 1980; a missing or earlier date falls back to that.
	const mtime = Number.isNaN(created.getTime()) || created.getUTCFullYear() < 1980 ? new Date('1980-01-02T00:00:00Z') : created;
	const entries = Object.fromEntries(Object.entries(exportFiles(version)).map(([path, text]) => [path, strToU8(text)]));
	return zipSync(entries, { level: 6, mtime });
}
