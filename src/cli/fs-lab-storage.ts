// Lab storage on disk, laid out like the seed project:
//   <root>/raw/  <root>/curated/  <root>/logs/  <root>/registry/<name>/model_v001/{model,metrics,metadata}.json
// so version 3 in the browser and registry/delinquency/model_v003/ on disk are the same thing.
import { appendFile, mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { versionFiles, versionFolder, versionFromFiles } from '../lib/lab/registry';
import { checkAlias, checkFileName, NotFoundError, ZONES, type BrokenVersion, type Datastore, type LabStorage, type ModelRegistry, type Zone } from '../lib/lab/storage';
import type { HeldOutScores, ModelDraft, ModelVersion, VersionMeta } from '../lib/ml/model-artifact';
import { checkVersionMeta, ModelArtifactError, parseModelVersion } from '../lib/ml/model-check';
import { fsCsvInput, isMissing, readUtf8 } from './fs-read';
import { checkWriteTarget, describeWriteError, ensureFolder, removeStaleTemporaries, safeFileWriter, safeWriteFile, tempName } from './safe-write';

function fsDatastore(root: string): Datastore {
	const path = (zone: Zone, name: string) => {
		checkFileName(name);
		return join(root, zone, name);
	};
	const ensure = (zone: Zone) => ensureFolder(join(root, zone));
	return {
		async list(zone) {
			let names: string[] = [];
			try {
				names = await readdir(join(root, zone));
			} catch (e) {
				if (!isMissing(e)) throw e;
			}
			const files = await Promise.all(
				names.filter((n) => !n.startsWith('.')).map(async (name) => {
					const s = await stat(join(root, zone, name));
					return { zone, name, size: s.size, modifiedAt: s.mtime.toISOString(), file: s.isFile() };
				})
			);
			return files.filter((f) => f.file).map(({ file: _file, ...info }) => info).sort((a, b) => a.name.localeCompare(b.name));
		},
		async exists(zone, name) {
			try {
				return (await stat(path(zone, name))).isFile();
			} catch (e) {
				if (isMissing(e)) return false;
				throw e;
			}
		},
		async readText(zone, name) {
			try {
				return await readUtf8(path(zone, name), `${zone}/${name}`);
			} catch (e) {
				if (isMissing(e)) throw new NotFoundError(`${zone}/${name}`);
				throw e;
			}
		},
		async openCsv(zone, name) {
			try {
				return await fsCsvInput(path(zone, name));
			} catch (e) {
				if (isMissing(e)) throw new NotFoundError(`${zone}/${name}`);
				throw e;
			}
		},
		async writeText(zone, name, text) {
			await ensure(zone);
			await safeWriteFile(path(zone, name), text);
		},
		async writeBlob(zone, name, blob) {
			await ensure(zone);
			await safeWriteFile(path(zone, name), new Uint8Array(await blob.arrayBuffer()));
		},
		/** Appending is not replacing, so no temporary: but the target is checked like any other write. */
		async appendText(zone, name, text) {
			await ensure(zone);
			const file = path(zone, name);
			await checkWriteTarget(file);
			await appendFile(file, text).catch((e: unknown) => {
				throw describeWriteError(e, file);
			});
		},
		async createWriter(zone, name) {
			await ensure(zone);
			return safeFileWriter(path(zone, name));
		},
		async delete(zone, name) {
			await rm(path(zone, name), { force: true });
		}
	};
}

function fsRegistry(root: string): ModelRegistry {
	const modelDir = (name: string) => {
		checkFileName(name);
		return join(root, 'registry', name);
	};
	const shown = (name: string, version?: number) => `registry/${name}${version === undefined ? '' : `/${versionFolder(version)}`}`;
	const aliasFile = (name: string) => join(modelDir(name), 'aliases.json');
	/** aliases.json, checked: a JSON object of alias → version number (never another alias). */
	const readAliases = async (name: string): Promise<Record<string, number>> => {
		let text: string;
		try {
			text = await readUtf8(aliasFile(name), `${shown(name)}/aliases.json`);
		} catch (e) {
			if (isMissing(e)) return {};
			throw e;
		}
		const where = `${shown(name)}/aliases.json`;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (e) {
			throw new ModelArtifactError(where, '', `is not valid JSON (${(e as Error).message}).`);
		}
		if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ModelArtifactError(where, '', 'must be a JSON object of alias → version number.');
		// Null prototype: an alias named "constructor" or "__proto__" is just a key.
		const aliases: Record<string, number> = Object.create(null);
		for (const [alias, version] of Object.entries(value)) {
			if (!Number.isInteger(version) || (version as number) < 1) throw new ModelArtifactError(where, alias, `points to ${JSON.stringify(version)}; an alias must point to a version number.`);
			aliases[alias] = version as number;
		}
		return aliases;
	};
	const writeAliases = (name: string, aliases: Record<string, number>) => safeWriteFile(aliasFile(name), JSON.stringify(aliases, null, 2));
	const versionsOnDisk = async (name: string) => {
		try {
			return (await readdir(modelDir(name))).map((d) => /^model_v(\d+)$/.exec(d)).filter((m) => m !== null).map((m) => Number(m[1]));
		} catch (e) {
			if (isMissing(e)) return [];
			throw e;
		}
	};
	/** A version from its folder, checked; undefined when there is no such folder. */
	const load = async (name: string, version: number): Promise<ModelVersion | undefined> => {
		const dir = join(modelDir(name), versionFolder(version));
		try {
			if (!(await stat(dir)).isDirectory()) return undefined;
		} catch (e) {
			if (isMissing(e)) return undefined;
			throw e;
		}
		const files: Record<string, string> = {};
		for (const f of ['model.json', 'metrics.json', 'metadata.json']) {
			try {
				files[f] = await readUtf8(join(dir, f), `${shown(name, version)}/${f}`);
			} catch (e) {
				if (!isMissing(e)) throw new ModelArtifactError(`${shown(name, version)}/${f}`, '', (e as Error).message);
			}
		}
		const v = versionFromFiles(files, shown(name, version));
		if (v.version !== version) throw new ModelArtifactError(`${shown(name, version)}/metadata.json`, 'version', `is ${v.version}, but the folder is ${versionFolder(version)}.`);
		return v;
	};
	const scan = async (name: string): Promise<{ versions: ModelVersion[]; broken: BrokenVersion[] }> => {
		const versions: ModelVersion[] = [];
		const broken: BrokenVersion[] = [];
		for (const number of (await versionsOnDisk(name)).sort((a, b) => b - a)) {
			try {
				const v = await load(name, number);
				if (v) versions.push(v);
			} catch (e) {
				if (!(e instanceof ModelArtifactError)) throw e;
				broken.push({ version: number, message: e.message });
			}
		}
		return { versions, broken };
	};
	/**
	 * The version's files are written into a hidden temporary folder, which is then renamed to
	 * model_vNNN: a killed run leaves no half-written or empty version folder. rename() fails when
	 * model_vNNN exists and is not empty, which claims the number: two processes registering at
	 * once still get distinct versions.
	 */
	const placeVersion = async (draft: ModelDraft, meta: Partial<VersionMeta>, heldOut: HeldOutScores | undefined): Promise<ModelVersion> => {
		const dir = modelDir(draft.name);
		await ensureFolder(dir);
		await removeStaleTemporaries(dir);
		let version = Math.max(0, ...(await versionsOnDisk(draft.name))) + 1;
		const temp = tempName(join(dir, 'model_new'));
		await mkdir(temp);
		try {
			if (heldOut) await safeWriteFile(join(temp, 'held_out.json'), JSON.stringify({ y: Array.from(heldOut.y), p: Array.from(heldOut.p) }));
			for (;;) {
				// Checked before it is stored, so nothing is registered that could not be read back.
				const stored = parseModelVersion({ ...draft, description: meta.description ?? '', tags: meta.tags ?? {}, version }, shown(draft.name, version));
				for (const [file, text] of Object.entries(versionFiles(stored))) await safeWriteFile(join(temp, file), text);
				try {
					await rename(temp, join(dir, versionFolder(version)));
					return stored;
				} catch (e) {
					const code = (e as NodeJS.ErrnoException).code;
					if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw e;
					version++;
				}
			}
		} finally {
			await rm(temp, { recursive: true, force: true });
		}
	};
	const registry: ModelRegistry = {
		async register(draft, meta = {}, heldOut, aliases = []) {
			for (const alias of aliases) checkAlias(alias);
			const stored = await placeVersion(draft, meta, heldOut);
			// A folder has no transactions: the aliases file is written right after the version appears.
			if (aliases.length) await registry.setAliases(draft.name, Object.fromEntries(aliases.map((a) => [a, stored.version])));
			return stored;
		},
		async heldOut(name, version) {
			try {
				const { y, p } = JSON.parse(await readFile(join(modelDir(name), versionFolder(version), 'held_out.json'), 'utf8'));
				return { y: Uint8Array.from(y), p: Float64Array.from(p) };
			} catch (e) {
				if (isMissing(e)) return undefined;
				throw e;
			}
		},
		list: async (name) => (await scan(name)).versions,
		broken: async (name) => (await scan(name)).broken,
		get: load,
		async updateMeta(name, version, meta) {
			const current = await load(name, version);
			if (!current) throw new NotFoundError(`Version ${version} of model "${name}"`);
			const next = { ...current, description: meta.description ?? current.description, tags: meta.tags ?? current.tags };
			checkVersionMeta(next, shown(name, version));
			await safeWriteFile(join(modelDir(name), versionFolder(version), 'metadata.json'), versionFiles(next)['metadata.json']);
			return next;
		},
		aliases: readAliases,
		setAlias: (name, alias, version) => registry.setAliases(name, { [alias]: version }),
		/** Every target version is checked before the aliases file is written once. */
		async setAliases(name, changes) {
			const entries = Object.entries(changes);
			for (const [alias] of entries) checkAlias(alias);
			for (const [, version] of entries) {
				if (version !== null && !(await load(name, version))) throw new NotFoundError(`Version ${version} of model "${name}"`);
			}
			const aliases = await readAliases(name);
			for (const [alias, version] of entries) {
				if (version === null) delete aliases[alias];
				else aliases[alias] = version;
			}
			await writeAliases(name, aliases);
		},
		async delete(name, version) {
			if (!(await versionsOnDisk(name)).includes(version)) throw new NotFoundError(`Version ${version} of model "${name}"`);
			await rm(join(modelDir(name), versionFolder(version)), { recursive: true });
			const aliases = await readAliases(name);
			const kept = Object.fromEntries(Object.entries(aliases).filter(([, v]) => v !== version));
			if (Object.keys(kept).length !== Object.keys(aliases).length) await writeAliases(name, kept);
		}
	};
	return registry;
}

/** Opens a lab folder; temporaries left by killed runs (in the zones and model folders) are removed. */
export async function fsLabStorage(root: string): Promise<LabStorage> {
	for (const zone of ZONES) {
		await ensureFolder(join(root, zone));
		await removeStaleTemporaries(join(root, zone));
	}
	const registryDir = join(root, 'registry');
	try {
		for (const name of await readdir(registryDir)) {
			await removeStaleTemporaries(join(registryDir, name));
			// Versions appear only by renaming a complete folder into place, so an empty model_vNNN is
			// what an older, killed run left; rmdir removes only empty folders.
			for (const folder of await readdir(join(registryDir, name)).catch(() => [])) {
				if (/^model_v\d+$/.test(folder)) await rmdir(join(registryDir, name, folder)).catch(() => undefined);
			}
		}
	} catch (e) {
		if (!isMissing(e)) throw e;
	}
	return { datastore: fsDatastore(root), registry: fsRegistry(root) };
}
