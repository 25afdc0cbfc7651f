// Registry operations built on the storage interface: resolving a version reference, and the
// on-disk layout of a version (model.json, metrics.json, metadata.json) shared by the CLI and exports.
import type { ModelVersion } from '../ml/model-artifact';
import { checkArtifact, checkMetrics, checkVersionMeta, ModelArtifactError } from '../ml/model-check';
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
		const [[newest], broken] = await Promise.all([registry.list(name), registry.broken(name)]);
		// A newer version that cannot be read is named, not silently skipped for an older one.
		const newestBroken = broken.reduce<(typeof broken)[number] | undefined>((b, x) => (!b || x.version > b.version ? x : b), undefined);
		if (newestBroken && (!newest || newestBroken.version > newest.version)) throw new RangeError(newestBroken.message);
		if (!newest) throw new NotFoundError(`A registered version of model "${name}"`);
		return newest;
	}
	// Own keys only ("__proto__", "constructor" are not aliases), and an alias names a version
	// number, never another alias: resolution is one step, so a cycle cannot spin.
	const aliases = await registry.aliases(name);
	const version = Object.hasOwn(aliases, ref) ? aliases[ref] : undefined;
	if (version === undefined) throw new NotFoundError(`Alias "${ref}" of model "${name}"`);
	if (!Number.isInteger(version) || version < 1) throw new RangeError(`Alias "${ref}" of model "${name}" points to ${JSON.stringify(version)}; an alias must point to a version number.`);
	const v = await registry.get(name, version);
	if (!v) throw new NotFoundError(`Version ${version} of model "${name}" (alias "${ref}")`);
	return v;
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

const FILES = ['model.json', 'metrics.json', 'metadata.json'] as const;

/** Parses one JSON file of a version folder, naming the file when it is empty or cut short. */
function parseFile(text: string | undefined, where: string): unknown {
	if (text === undefined) throw new ModelArtifactError(where, '', 'is missing.');
	if (text.trim() === '') throw new ModelArtifactError(where, '', 'is empty.');
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new ModelArtifactError(where, '', `is not valid JSON (${(e as Error).message}); it may be truncated.`);
	}
}

/**
 * A version from its three files, each checked (schema and finite numbers) and named when wrong.
 * @param folder where the files live, for messages (`registry/delinquency/model_v003`)
 */
export function versionFromFiles(files: Partial<Record<string, string>>, folder = 'model'): ModelVersion {
	const [artifact, metrics, meta] = FILES.map((f) => parseFile(files[f], `${folder}/${f}`));
	const checked = checkArtifact(artifact, `${folder}/model.json`);
	const checkedMetrics = checkMetrics(metrics, `${folder}/metrics.json`);
	const { version, description, tags } = checkVersionMeta(meta, `${folder}/metadata.json`);
	return { ...(checked as Omit<ModelVersion, 'metrics' | 'version' | 'description' | 'tags'>), metrics: checkedMetrics, version, description, tags };
}
