// The RAG lab's saved configurations (`ragConfigs`): immutable versions 1, 2, 3… per name, each
// carrying the aliases that point at it. This is the only module that touches the store.
import { PRODUCTION_ALIAS } from '../rag/config-version';
import type { RagConfig } from '../rag/types';
import { keepReadable } from './record-checks';
import type { PrepLabDb, StoredRagConfig } from './schema';
import { abortOnError } from './transaction';

/** Every readable saved configuration, by name then newest version first; unreadable ones are named in `skipped`. */
export async function listRagConfigs(db: PrepLabDb, skipped?: string[]): Promise<StoredRagConfig[]> {
	const all = keepReadable<StoredRagConfig>('ragConfigs', await db.getAll('ragConfigs'), skipped);
	return all.sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
}

/** One version, checked, or null when it does not exist or cannot be read. */
export async function getRagConfig(db: PrepLabDb, name: string, version: number): Promise<StoredRagConfig | null> {
	const record = await db.get('ragConfigs', [name, version]);
	return record ? (keepReadable<StoredRagConfig>('ragConfigs', [record])[0] ?? null) : null;
}

/** Saves the configuration as the next version of `name` (read and write in one transaction). */
export async function addRagConfigVersion(db: PrepLabDb, name: string, config: RagConfig, description: string, now: Date): Promise<StoredRagConfig> {
	const tx = db.transaction('ragConfigs', 'readwrite');
	return abortOnError(tx, async () => {
		const keys = await tx.store.index('by-name').getAllKeys(name);
		const version = keys.reduce((max, [, v]) => Math.max(max, v), 0) + 1;
		const record: StoredRagConfig = { name, version, config, description, createdAt: now, aliases: [] };
		await Promise.all([tx.store.add(record), tx.done]);
		return record;
	});
}

/**
 * Points `alias` (default `production`) at one version of `name`, taking it from the version that held
 * it, in one transaction. Returns the version it replaced, or null when no version held it.
 */
export async function moveRagConfigAlias(db: PrepLabDb, name: string, version: number, alias = PRODUCTION_ALIAS): Promise<number | null> {
	const tx = db.transaction('ragConfigs', 'readwrite');
	return abortOnError(tx, async () => {
		const versions = await tx.store.index('by-name').getAll(name);
		const target = versions.find((v) => v.version === version);
		if (!target) throw new Error(`Version ${version} of the RAG configuration "${name}" does not exist.`);
		const holder = versions.find((v) => v.version !== version && Array.isArray(v.aliases) && v.aliases.includes(alias));
		const writes: Promise<unknown>[] = [];
		if (holder) writes.push(tx.store.put({ ...holder, aliases: holder.aliases.filter((a) => a !== alias) }));
		if (!target.aliases.includes(alias)) writes.push(tx.store.put({ ...target, aliases: [...target.aliases, alias] }));
		await Promise.all([...writes, tx.done]);
		return holder?.version ?? null;
	});
}
