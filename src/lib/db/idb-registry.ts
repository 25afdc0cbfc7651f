// The model registry in IndexedDB: immutable versions 1, 2, 3… per model name, plus aliases.
import type { HeldOutScores, ModelDraft, ModelVersion, VersionMeta } from '../ml/model-artifact';
import { checkVersionMeta, ModelArtifactError, parseModelVersion } from '../ml/model-check';
import { checkAlias, NotFoundError, type BrokenVersion, type ModelRegistry } from '../lab/storage';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { PrepLabDb, PrepLabSchema } from './schema';
import { markServingChanged } from './serving-version';
import { abortOnError, type Abortable } from './transaction';

const where = (name: string, version: unknown) => `Model ${name}:${String(version)}`;

/** Every stored version of a name, checked: the usable ones newest first, and the broken ones named. */
async function readAll(db: PrepLabDb, name: string): Promise<{ versions: ModelVersion[]; broken: BrokenVersion[] }> {
	const versions: ModelVersion[] = [];
	const broken: BrokenVersion[] = [];
	for (const record of await db.getAllFromIndex('models', 'by-name', name)) {
		try {
			versions.push(parseModelVersion(record, where(name, record.version)));
		} catch (e) {
			if (!(e instanceof ModelArtifactError)) throw e;
			broken.push({ version: Number(record.version), message: e.message });
		}
	}
	return { versions: versions.sort((a, b) => b.version - a.version), broken };
}

type Stores<S extends StoreNames<PrepLabSchema>> = IDBPObjectStore<PrepLabSchema, ArrayLike<StoreNames<PrepLabSchema>>, S, 'readwrite'>;

/**
 * Points aliases at versions (null removes one) inside the caller's transaction, so a workflow can
 * move aliases together with other writes (a promotion also shifts endpoint traffic). Every alias
 * and target version is checked before anything is written; on a problem the transaction is aborted.
 */
export async function writeAliases(
	{ aliases, models, tx }: { aliases: Stores<'aliases'>; models: Stores<'models'>; tx: Abortable },
	name: string,
	changes: Record<string, number | null>
): Promise<void> {
	const entries = Object.entries(changes);
	await abortOnError(tx, async () => {
		for (const [alias] of entries) checkAlias(alias);
		for (const [, version] of entries) {
			if (version !== null && !(await models.getKey([name, version]))) throw new NotFoundError(`Version ${version} of model "${name}"`);
		}
	});
	for (const [alias, version] of entries) {
		if (version === null) await aliases.delete([name, alias]);
		else await aliases.put({ name, alias, version });
	}
}

type WriteStore<Name extends StoreNames<PrepLabSchema>> = IDBPObjectStore<PrepLabSchema, ArrayLike<StoreNames<PrepLabSchema>>, Name, 'readwrite'>;

/**
 * Adds the draft as the next version of its name, inside the caller's readwrite transaction over
 * `models` and `heldOut` (a workflow that writes more, like recording which run produced it, uses the
 * same transaction). IndexedDB runs readwrite transactions one at a time, even across tabs, so two
 * registrations at once get distinct versions.
 */
export async function addNextVersion(models: WriteStore<'models'>, heldOutStore: WriteStore<'heldOut'>, draft: ModelDraft, meta: Partial<VersionMeta> = {}, heldOut?: HeldOutScores): Promise<ModelVersion> {
	// The index is ordered by name, then by primary key [name, version]: 'prev' yields the highest version.
	const cursor = await models.index('by-name').openCursor(IDBKeyRange.only(draft.name), 'prev');
	const version = (cursor?.value.version ?? 0) + 1;
	// Checked before it is stored, so nothing is registered that could not be read back.
	const stored = parseModelVersion({ ...draft, description: meta.description ?? '', tags: meta.tags ?? {}, version }, where(draft.name, version));
	await models.add(stored);
	if (heldOut) await heldOutStore.put({ name: draft.name, version: stored.version, y: heldOut.y, p: heldOut.p });
	return stored;
}

/** How many versions of a model are registered, counted by key: no record is read (the home page's figure). */
export const countVersions = (db: PrepLabDb, name: string): Promise<number> => db.countFromIndex('models', 'by-name', name);

export function idbRegistry(db: PrepLabDb): ModelRegistry {
	const registry: ModelRegistry = {
		/**
		 * Reading the highest version and adding the next happen in one readwrite transaction, which
		 * IndexedDB runs one at a time even across tabs: two tabs registering at once get distinct versions.
		 */
		async register(draft: ModelDraft, meta: Partial<VersionMeta> = {}, heldOut?: HeldOutScores, aliases: readonly string[] = []) {
			for (const alias of aliases) checkAlias(alias);
			const tx = db.transaction(['models', 'heldOut', 'aliases', 'settings'], 'readwrite');
			const stored = await addNextVersion(tx.objectStore('models'), tx.objectStore('heldOut'), draft, meta, heldOut);
			for (const alias of aliases) await tx.objectStore('aliases').put({ name: draft.name, alias, version: stored.version });
			await markServingChanged(tx.objectStore('settings'));
			await tx.done;
			return stored;
		},

		async heldOut(name, version) {
			const stored = await db.get('heldOut', [name, version]);
			return stored ? { y: stored.y, p: stored.p } : undefined;
		},

		list: async (name) => (await readAll(db, name)).versions,

		broken: async (name) => (await readAll(db, name)).broken,

		async get(name, version) {
			const record = await db.get('models', [name, version]);
			return record === undefined ? undefined : parseModelVersion(record, where(name, version));
		},

		async updateMeta(name, version, meta) {
			const tx = db.transaction(['models', 'settings'], 'readwrite');
			const next = await abortOnError(tx, async () => {
				const current = await tx.objectStore('models').get([name, version]);
				if (!current) throw new NotFoundError(`Version ${version} of model "${name}"`);
				const next: ModelVersion = { ...current, description: meta.description ?? current.description, tags: meta.tags ?? current.tags };
				checkVersionMeta(next, where(name, version));
				return next;
			});
			await Promise.all([tx.objectStore('models').put(next), markServingChanged(tx.objectStore('settings'))]);
			await tx.done;
			return next;
		},

		async aliases(name) {
			const all = await db.getAllFromIndex('aliases', 'by-name', name);
			return Object.fromEntries(all.map((a) => [a.alias, a.version]));
		},

		setAlias: (name, alias, version) => registry.setAliases(name, { [alias]: version }),

		/** Checks every target version first, then writes, all in one transaction: all changes or none. */
		async setAliases(name, changes) {
			const tx = db.transaction(['aliases', 'models'], 'readwrite');
			await writeAliases({ aliases: tx.objectStore('aliases'), models: tx.objectStore('models'), tx }, name, changes);
			await tx.done;
		},

		async delete(name, version) {
			const tx = db.transaction(['aliases', 'models', 'heldOut', 'settings'], 'readwrite');
			if (!(await tx.objectStore('models').get([name, version]))) throw new NotFoundError(`Version ${version} of model "${name}"`);
			await tx.objectStore('models').delete([name, version]);
			await tx.objectStore('heldOut').delete([name, version]);
			const aliases = await tx.objectStore('aliases').index('by-name').getAll(name);
			for (const a of aliases) if (a.version === version) await tx.objectStore('aliases').delete([name, a.alias]);
			await markServingChanged(tx.objectStore('settings'));
			await tx.done;
		}
	};
	return registry;
}
