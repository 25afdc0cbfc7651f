// The model registry in IndexedDB: immutable versions 1, 2, 3… per model name.
import type { ModelDraft, ModelVersion } from '../ml/model-artifact';
import type { PrepLabDb } from './schema';

/**
 * Gives the draft the next version number and stores it. Reading the highest version and adding
 * the new one happen in one readwrite transaction, which IndexedDB runs one at a time even across
 * tabs, so two tabs registering at once still get distinct versions.
 */
export async function registerModel(db: PrepLabDb, draft: ModelDraft): Promise<ModelVersion> {
	const tx = db.transaction('models', 'readwrite');
	const cursor = await tx.store.index('by-name').openCursor(IDBKeyRange.only(draft.name), 'prev');
	// The index is ordered by name then primary key [name, version], so 'prev' yields the highest version.
	const version = (cursor?.value.version ?? 0) + 1;
	const stored: ModelVersion = { ...draft, version };
	await tx.store.add(stored);
	await tx.done;
	return stored;
}

/** All versions of a model, newest first. */
export async function listModelVersions(db: PrepLabDb, name: string): Promise<ModelVersion[]> {
	const all = await db.getAllFromIndex('models', 'by-name', name);
	return all.sort((a, b) => b.version - a.version);
}
