// The model registry in IndexedDB: immutable versions 1, 2, 3… per model name, plus aliases.
import type { ModelDraft, ModelVersion, VersionMeta } from '../ml/model-artifact';
import { checkAlias, NotFoundError, type ModelRegistry } from '../lab/storage';
import type { PrepLabDb } from './schema';

export function idbRegistry(db: PrepLabDb): ModelRegistry {
	return {
		/**
		 * Reading the highest version and adding the next happen in one readwrite transaction, which
		 * IndexedDB runs one at a time even across tabs: two tabs registering at once get distinct versions.
		 */
		async register(draft: ModelDraft, meta: Partial<VersionMeta> = {}) {
			const tx = db.transaction('models', 'readwrite');
			// The index is ordered by name, then by primary key [name, version]: 'prev' yields the highest version.
			const cursor = await tx.store.index('by-name').openCursor(IDBKeyRange.only(draft.name), 'prev');
			const stored: ModelVersion = { ...draft, description: meta.description ?? '', tags: meta.tags ?? {}, version: (cursor?.value.version ?? 0) + 1 };
			await tx.store.add(stored);
			await tx.done;
			return stored;
		},

		async list(name) {
			const all = await db.getAllFromIndex('models', 'by-name', name);
			return all.sort((a, b) => b.version - a.version);
		},

		get: (name, version) => db.get('models', [name, version]),

		async updateMeta(name, version, meta) {
			const tx = db.transaction('models', 'readwrite');
			const current = await tx.store.get([name, version]);
			if (!current) throw new NotFoundError(`Version ${version} of model "${name}"`);
			const next: ModelVersion = { ...current, description: meta.description ?? current.description, tags: meta.tags ?? current.tags };
			await tx.store.put(next);
			await tx.done;
			return next;
		},

		async aliases(name) {
			const all = await db.getAllFromIndex('aliases', 'by-name', name);
			return Object.fromEntries(all.map((a) => [a.alias, a.version]));
		},

		async setAlias(name, alias, version) {
			checkAlias(alias);
			const tx = db.transaction(['aliases', 'models'], 'readwrite');
			if (version === null) await tx.objectStore('aliases').delete([name, alias]);
			else {
				if (!(await tx.objectStore('models').get([name, version]))) throw new NotFoundError(`Version ${version} of model "${name}"`);
				await tx.objectStore('aliases').put({ name, alias, version });
			}
			await tx.done;
		},

		async delete(name, version) {
			const tx = db.transaction(['aliases', 'models'], 'readwrite');
			if (!(await tx.objectStore('models').get([name, version]))) throw new NotFoundError(`Version ${version} of model "${name}"`);
			await tx.objectStore('models').delete([name, version]);
			const aliases = await tx.objectStore('aliases').index('by-name').getAll(name);
			for (const a of aliases) if (a.version === version) await tx.objectStore('aliases').delete([name, a.alias]);
			await tx.done;
		}
	};
}
