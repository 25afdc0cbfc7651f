// Builds a folder a learner can deploy on Azure Machine Learning as it is (CLI v2 YAML, SDK v2 names):
// the registered model (an MLflow-style folder with a numpy-only score.py), a managed online endpoint +
// deployment and a batch endpoint + deployment. Pure: the same version always gives the same bytes.
import { zipSync, strToU8 } from 'fflate';
import { predictionThreshold } from './threshold-tag';
import { endpointFiles } from './azureml-endpoint-yaml';
import { sampleFiles } from './azureml-inputs';
import { modelFolderFiles } from './azureml-model-folder';
import { bundleFolder } from './azureml-names';
import { readme } from './azureml-readme';
import type { ModelVersion } from './model-artifact';

export { bundleFileName } from './azureml-names';

/** Every file of the export, by path inside the zip (all under `<name>-v<version>/`). */
export function exportFiles(version: ModelVersion): Record<string, string> {
	// The threshold the app's endpoints use for this version (its `threshold` tag, else 0.5), so score.py and MLflow predict the same.
	const threshold = predictionThreshold(version);
	const files: Record<string, string> = {
		'README.md': readme(version, threshold),
		...modelFolderFiles(version, threshold),
		...endpointFiles(version),
		...sampleFiles(version)
	};
	const folder = bundleFolder(version);
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
