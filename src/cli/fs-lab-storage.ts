// Lab storage on disk, laid out like the seed project:
//   <root>/raw/  <root>/curated/  <root>/logs/  <root>/registry/<name>/model_v001/{model,metrics,metadata}.json
// so version 3 in the browser and registry/delinquency/model_v003/ on disk are the same thing.
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { versionFiles, versionFolder, versionFromFiles } from '../lib/lab/registry';
import { checkAlias, checkFileName, NotFoundError, ZONES, type Datastore, type FileWriter, type LabStorage, type ModelRegistry, type Zone } from '../lib/lab/storage';
import type { CsvInput } from '../lib/ml/csv-read';
import type { ModelVersion } from '../lib/ml/model-artifact';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** Writes to a hidden temporary file and renames it on close: readers never see half a file. */
export function fsFileWriter(final: string): FileWriter {
	const temp = join(dirname(final), `.${basename(final)}.${process.pid}.partial`);
	const stream = createWriteStream(temp);
	const write = (text: string) =>
		new Promise<void>((resolve, reject) => {
			const ok = stream.write(text, (e) => e && reject(e));
			if (ok) resolve();
			else stream.once('drain', resolve);
		});
	const end = () => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
	return {
		write,
		async close() {
			await end();
			await rename(temp, final);
		},
		async abort() {
			await end();
			await rm(temp, { force: true });
		}
	};
}

/** A CSV file on disk as a streaming parser input. */
export async function fsCsvInput(file: string): Promise<{ input: CsvInput; size: number }> {
	const size = (await stat(file)).size;
	return { input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as CsvInput, size };
}

function fsDatastore(root: string): Datastore {
	const path = (zone: Zone, name: string) => {
		checkFileName(name);
		return join(root, zone, name);
	};
	const ensure = (zone: Zone) => mkdir(join(root, zone), { recursive: true });
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
				return await readFile(path(zone, name), 'utf8');
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
			await writeFile(path(zone, name), text);
		},
		async writeBlob(zone, name, blob) {
			await ensure(zone);
			await writeFile(path(zone, name), Buffer.from(await blob.arrayBuffer()));
		},
		async appendText(zone, name, text) {
			await ensure(zone);
			await appendFile(path(zone, name), text);
		},
		async createWriter(zone, name) {
			await ensure(zone);
			return fsFileWriter(path(zone, name));
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
	const aliasFile = (name: string) => join(modelDir(name), 'aliases.json');
	const readAliases = async (name: string): Promise<Record<string, number>> => {
		try {
			return JSON.parse(await readFile(aliasFile(name), 'utf8'));
		} catch (e) {
			if (isMissing(e)) return {};
			throw e;
		}
	};
	const writeAliases = async (name: string, aliases: Record<string, number>) => {
		const temp = `${aliasFile(name)}.partial`;
		await writeFile(temp, JSON.stringify(aliases, null, 2));
		await rename(temp, aliasFile(name));
	};
	const versionsOnDisk = async (name: string) => {
		try {
			return (await readdir(modelDir(name))).map((d) => /^model_v(\d+)$/.exec(d)).filter((m) => m !== null).map((m) => Number(m[1]));
		} catch (e) {
			if (isMissing(e)) return [];
			throw e;
		}
	};
	const load = async (name: string, version: number): Promise<ModelVersion | undefined> => {
		const dir = join(modelDir(name), versionFolder(version));
		try {
			const files: Record<string, string> = {};
			for (const f of ['model.json', 'metrics.json', 'metadata.json']) files[f] = await readFile(join(dir, f), 'utf8');
			return versionFromFiles(files);
		} catch (e) {
			if (isMissing(e)) return undefined;
			throw e;
		}
	};
	const save = async (v: ModelVersion, dir: string) => {
		for (const [file, text] of Object.entries(versionFiles(v))) await writeFile(join(dir, file), text);
	};
	const registry: ModelRegistry = {
		async register(draft, meta = {}, heldOut) {
			await mkdir(modelDir(draft.name), { recursive: true });
			let version = Math.max(0, ...(await versionsOnDisk(draft.name))) + 1;
			// mkdir without `recursive` fails if the folder exists: that claims the version number,
			// so two processes registering at once still get distinct versions.
			for (;;) {
				try {
					await mkdir(join(modelDir(draft.name), versionFolder(version)));
					break;
				} catch (e) {
					if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
					version++;
				}
			}
			const stored: ModelVersion = { ...draft, description: meta.description ?? '', tags: meta.tags ?? {}, version };
			const dir = join(modelDir(draft.name), versionFolder(version));
			if (heldOut) await writeFile(join(dir, 'held_out.json'), JSON.stringify({ y: Array.from(heldOut.y), p: Array.from(heldOut.p) }));
			await save(stored, dir);
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
		async list(name) {
			const versions = (await versionsOnDisk(name)).sort((a, b) => b - a);
			return (await Promise.all(versions.map((v) => load(name, v)))).filter((v): v is ModelVersion => v !== undefined);
		},
		get: load,
		async updateMeta(name, version, meta) {
			const current = await load(name, version);
			if (!current) throw new NotFoundError(`Version ${version} of model "${name}"`);
			const next = { ...current, description: meta.description ?? current.description, tags: meta.tags ?? current.tags };
			await writeFile(join(modelDir(name), versionFolder(version), 'metadata.json'), versionFiles(next)['metadata.json']);
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
			if (!(await load(name, version))) throw new NotFoundError(`Version ${version} of model "${name}"`);
			await rm(join(modelDir(name), versionFolder(version)), { recursive: true });
			const aliases = await readAliases(name);
			const kept = Object.fromEntries(Object.entries(aliases).filter(([, v]) => v !== version));
			if (Object.keys(kept).length !== Object.keys(aliases).length) await writeAliases(name, kept);
		}
	};
	return registry;
}

export async function fsLabStorage(root: string): Promise<LabStorage> {
	for (const zone of ZONES) await mkdir(join(root, zone), { recursive: true });
	return { datastore: fsDatastore(root), registry: fsRegistry(root) };
}
