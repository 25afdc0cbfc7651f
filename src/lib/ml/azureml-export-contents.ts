// What the Azure ML export holds, for the Models page to list before anything is built. Its own module
// so the page can show it without loading fflate and the scoring script; a unit test keeps it in step
// with exportFiles().
export const EXPORT_CONTENTS: readonly { path: string; what: string }[] = [
	{ path: 'README.md', what: 'the az ml commands to register, deploy, invoke and clean up' },
	{ path: 'model.yml', what: 'the model asset (custom_model) to register' },
	{ path: 'model/MLmodel', what: 'MLflow format: python_function flavor, the input signature (types of the training data) and the served threshold' },
	{ path: 'model/model.json', what: 'weights and preprocessing of this version' },
	{ path: 'model/code/score.py', what: 'init() and run() for online and batch scoring (400 for bad requests); needs only numpy' },
	{ path: 'model/conda.yaml', what: "the model's environment" },
	{ path: 'model/python_env.yaml', what: 'the same environment for virtualenv' },
	{ path: 'model/requirements.txt', what: 'pip requirements (numpy)' },
	{ path: 'model/input_example.json', what: 'two example accounts' },
	{ path: 'endpoints/online-endpoint.yml', what: 'managed online endpoint' },
	{ path: 'endpoints/online-deployment.yml', what: 'its deployment blue on Standard_DS3_v2' },
	{ path: 'endpoints/online-conda.yaml', what: 'environment of the online deployment' },
	{ path: 'endpoints/batch-endpoint.yml', what: 'batch endpoint' },
	{ path: 'endpoints/batch-deployment.yml', what: 'its deployment: mini_batch_size, error_threshold, append_row' },
	{ path: 'endpoints/batch-conda.yaml', what: 'environment of the batch deployment' },
	{ path: 'sample-request.json', what: 'a request for az ml online-endpoint invoke' },
	{ path: 'sample-batch/accounts.csv', what: 'input for az ml batch-endpoint invoke' }
];
