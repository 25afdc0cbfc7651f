// Names and fixed choices of the Azure ML export: asset, folder, zip and endpoint names that Azure
// accepts whatever the model is called, the environment's base image and compute, and a YAML quote.
import type { ModelVersion } from './model-artifact';

/** Base image of both deployments' environments (Ubuntu 22.04 with conda, from Microsoft's registry). */
export const BASE_IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest';
export const ONLINE_INSTANCE_TYPE = 'Standard_DS3_v2';
export const BATCH_COMPUTE = 'cpu-cluster';
/** The MLmodel format this folder follows (written by Prep Lab, not by MLflow itself). */
export const MLFLOW_FORMAT_VERSION = '2.16.2';
export const PYTHON_VERSION = '3.10.14';

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
export const yamlText = (text: string) => JSON.stringify(text);

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
