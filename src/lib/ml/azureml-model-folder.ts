// The registered model of the Azure ML export: model.yml (the asset) and the model/ folder, an MLflow
// model whose python_function flavor loads code/score.py (numpy only) with the version's model.json.
import { mlflowSignature } from './azureml-inputs';
import { MLFLOW_FORMAT_VERSION, PYTHON_VERSION, assetName, bundleFolder, modelUuid, yamlText } from './azureml-names';
import { scorePy } from './azureml-score-py';
import type { ModelVersion } from './model-artifact';

/** MLflow writes `2026-11-24 10:00:00.000000` (UTC). */
function mlflowTime(iso: string): string {
	const d = new Date(iso);
	return Number.isNaN(d.getTime()) ? '1980-01-01 00:00:00.000000' : `${d.toISOString().slice(0, 19).replace('T', ' ')}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000`;
}

function tagsYaml(tags: Record<string, string>, indent: string): string {
	const entries = Object.entries(tags);
	return entries.length ? entries.map(([k, v]) => `\n${indent}${yamlText(k)}: ${yamlText(v)}`).join('') : ' {}';
}

/** model.yml and the files under model/, by path inside the export folder. `threshold` is the one the version is served with. */
export function modelFolderFiles(version: ModelVersion, threshold: number): Record<string, string> {
	const name = assetName(version);
	const signature = mlflowSignature(version);
	const description = version.description || `Logistic regression predicting ${version.target}, exported from Prep Lab.`;
	return {
		'model.yml': `$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json
name: ${name}
version: ${yamlText(String(version.version))}
type: custom_model
path: model
description: ${yamlText(description)}
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
  name: ${yamlText(version.name)}
  version: ${version.version}
  target: ${yamlText(version.target)}
  threshold: ${threshold}
mlflow_version: ${MLFLOW_FORMAT_VERSION}
model_uuid: ${modelUuid(version)}
saved_input_example_info:
  artifact_path: input_example.json
  pandas_orient: split
  type: dataframe
signature:
  inputs: ${yamlText(JSON.stringify(signature.inputs))}
  outputs: ${yamlText(JSON.stringify(signature.outputs))}
  params: null
utc_time_created: '${mlflowTime(version.createdAt)}'
`,
		'model/conda.yaml': `name: ${bundleFolder(version)}
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
		'model/model.json': `${JSON.stringify(version, null, 2)}\n`,
		'model/code/score.py': scorePy(threshold)
	};
}
