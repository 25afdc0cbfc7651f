// CLI v2 YAML of the Azure ML export's endpoints: a managed online endpoint with its deployment, and a
// batch endpoint with a model deployment (`type: model`, its options under `settings:`, as the
// modelBatchDeployment schema of the ml extension 1.7 and later requires), each with its conda file.
import { BASE_IMAGE, BATCH_COMPUTE, ONLINE_INSTANCE_TYPE, assetName, bundleFolder, endpointName, yamlText } from './azureml-names';
import type { ModelVersion } from './model-artifact';

export const BATCH_DEPLOYMENT_SCHEMA = 'https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json';

/** The files under endpoints/, by path inside the export folder. */
export function endpointFiles(version: ModelVersion): Record<string, string> {
	const name = assetName(version);
	const online = endpointName(version, 'online');
	const batch = endpointName(version, 'batch');
	return {
		'endpoints/online-endpoint.yml': `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
name: ${online}
description: ${yamlText(`Real-time ${version.target} predictions from ${version.name}:${version.version}.`)}
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
		// The online server (azureml-inference-server-http) also gives score.py its response type for
		// HTTP 400 answers; batch deployments need azureml-core.
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
description: ${yamlText(`Batch scoring of account CSV files with ${version.name}.`)}
`,
		'endpoints/batch-deployment.yml': `$schema: ${BATCH_DEPLOYMENT_SCHEMA}
name: ${bundleFolder(version)}
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
`
	};
}
