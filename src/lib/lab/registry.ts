// Registry operations built on the storage interface: resolving a version reference, and the
// on-disk layout of a version (model.json, metrics.json, metadata.json) shared by the CLI and exports.
import type { ModelVersion } from '../ml/model-artifact';
import { NotFoundError, type ModelRegistry } from './storage';

/** `3`, `"3"`, `"latest"` or an alias such as `"champion"`. */
export type VersionRef = number | string;

export async function resolveVersion(registry: ModelRegistry, name: string, ref: VersionRef = 'latest'): Promise<ModelVersion> {
	if (typeof ref === 'number' || /^\d+$/.test(ref)) {
		const v = await registry.get(name, Number(ref));
		if (!v) throw new NotFoundError(`Version ${ref} of model "${name}"`);
		return v;
	}
	if (ref === 'latest') {
		const [newest] = await registry.list(name);
		if (!newest) throw new NotFoundError(`A registered version of model "${name}"`);
		return newest;
	}
	const version = (await registry.aliases(name))[ref];
	if (version === undefined) throw new NotFoundError(`Alias "${ref}" of model "${name}"`);
	return resolveVersion(registry, name, version);
}

export const versionFolder = (version: number) => `model_v${String(version).padStart(3, '0')}`;

/** The three files of a registered version, as MLflow-style JSON documents. */
export function versionFiles(v: ModelVersion): Record<'model.json' | 'metrics.json' | 'metadata.json', string> {
	const { metrics, description, tags, version, ...artifact } = v;
	return {
		'model.json': JSON.stringify(artifact, null, 2),
		'metrics.json': JSON.stringify(metrics, null, 2),
		'metadata.json': JSON.stringify(
			{
				name: v.name,
				version,
				registered_at: v.createdAt,
				description,
				tags,
				params: v.params,
				seed: v.params.seed,
				data_fingerprint: v.dataFingerprint,
				signature: v.signature,
				training_duration_ms: v.trainingMs,
				format_version: v.formatVersion
			},
			null,
			2
		)
	};
}

export function versionFromFiles(files: Record<string, string>): ModelVersion {
	const artifact = JSON.parse(files['model.json']!);
	const metrics = JSON.parse(files['metrics.json']!);
	const meta = JSON.parse(files['metadata.json']!);
	return { ...artifact, metrics, version: meta.version, description: meta.description ?? '', tags: meta.tags ?? {} };
}
