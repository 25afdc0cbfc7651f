// README.md of the Azure ML export: what each file is, and the exact commands to try the model with
// MLflow and score.py, register it, deploy it behind online and batch endpoints, and clean up.
import { inputTypes } from './azureml-inputs';
import { BATCH_COMPUTE, ONLINE_INSTANCE_TYPE, assetName, bundleFolder, endpointName } from './azureml-names';
import type { ModelVersion } from './model-artifact';

const PANDAS_DTYPES = { long: 'int64', double: 'float64', string: 'text (object)' } as const;

export function readme(version: ModelVersion, threshold: number): string {
	const name = assetName(version);
	const online = endpointName(version, 'online');
	const batch = endpointName(version, 'batch');
	const types = inputTypes(version);
	const columns = Object.entries(types)
		.map(([column, type]) => `| \`${column}\` | \`${type}\` | ${PANDAS_DTYPES[type]} |`)
		.join('\n');
	const doubles = Object.entries(types).filter(([, type]) => type === 'double').map(([column]) => `"${column}": "float64"`);
	return `# ${version.name} version ${version.version} for Azure Machine Learning

Exported from Prep Lab. Logistic regression predicting \`${version.target}\`; held-out ROC AUC ${version.metrics.rocAuc.toFixed(3)}.
A record is predicted 1 when P(${version.target} = 1) ≥ ${threshold}, the threshold this version is served with in Prep Lab.
Every command below uses the Azure CLI with the \`ml\` extension (CLI v2); run them from this folder.

## What is here

| Path | What it is |
| --- | --- |
| \`model/\` | The model folder registered as \`${name}:${version.version}\`: \`model.json\` (weights and preprocessing), \`MLmodel\` (MLflow format, \`python_function\` flavor with a signature), \`conda.yaml\`, \`python_env.yaml\`, \`requirements.txt\`, \`input_example.json\`, and \`code/score.py\`. |
| \`model/code/score.py\` | The scoring script: \`init()\` loads \`model.json\` from \`AZUREML_MODEL_DIR\`, \`run()\` scores a request or a batch of CSV files. Needs only numpy. |
| \`model.yml\` | The model asset. It is registered as \`custom_model\` because both deployments bring their own \`score.py\` and environment; the folder is still an MLflow model (its \`loader_module\` is \`code/score.py\`). |
| \`endpoints/\` | A managed online endpoint + deployment and a batch endpoint + deployment, with their conda files. |
| \`sample-request.json\` | A request for the online endpoint. |
| \`sample-batch/accounts.csv\` | Input for the batch endpoint, and for MLflow below. |

## Load it with MLflow

\`\`\`python
import mlflow.pyfunc
import pandas as pd

model = mlflow.pyfunc.load_model("model")
print(model.predict(pd.read_csv("sample-batch/accounts.csv")))
\`\`\`

\`predict\` takes a pandas DataFrame holding these columns (others are ignored). MLflow checks each column's
type against the signature in \`MLmodel\` before the model sees it: the types are those of the training data.

| Column | Signature type | pandas dtype |
| --- | --- | --- |
${columns}

A \`long\` column cannot hold a missing value (pandas reads such a column as float64, which MLflow refuses);
a \`double\` column read from a file where it holds only whole numbers comes back int64, so read such files with
\`pd.read_csv(path, dtype={${doubles.join(', ')}})\`. Missing doubles are filled with the training median.
The answer is a DataFrame with \`prediction\` and \`probability\`, plus \`error\` when a row could not be scored.
MLflow does not take the online request shapes below (\`{"input_data": ...}\` or \`{"columns", "data"}\`).

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

The request body is JSON: \`{"input_data": [record, ...]}\`, a bare list \`[record, ...]\`, or
\`{"input_data": {"columns": [...], "data": [[...], ...]}}\`; a record is an object such as the ones in
\`sample-request.json\`. The response has one entry per record: \`{"prediction": 0 or 1, "probability": P(${version.target} = 1)}\`, or
\`{"prediction": null, "probability": null, "errors": [...]}\` for a record with a field that is not a number.
Missing values are filled with the training median; a category never seen in training adds nothing.
A body that is not JSON, has no records or has another shape gets HTTP 400 with
\`{"error": {"code": "BadRequest", "message": ...}}\` naming the problem.

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

Folder: \`${bundleFolder(version)}/\`. Created ${version.createdAt}; data fingerprint \`${version.dataFingerprint}\`.
`;
}
