// The RAG lab's configuration versions (PromptOps): save the current configuration as the next
// version of a name, list the versions, and promote one to `production`. The page confirms a promotion
// first, naming the version it replaces; the move is one transaction.
import { getDb } from '../db/browser-db';
import { addRagConfigVersion, getRagConfig, listRagConfigs, moveRagConfigAlias } from '../db/rag-config-store';
import type { PrepLabDb, StoredRagConfig } from '../db/schema';
import { validateRagConfig } from '../rag/config';
import { PRODUCTION_ALIAS, RAG_CONFIG_NAME } from '../rag/config-version';
import type { RagConfig } from '../rag/types';
import { skippedMessage } from './skipped-records';

export type { StoredRagConfig };

export interface RagConfigList {
	/** By name, newest version first. */
	versions: StoredRagConfig[];
	/** The sentence naming versions stored in a shape the page cannot show, or null. */
	skipped: string | null;
}

export async function readRagConfigs(db: PrepLabDb): Promise<RagConfigList> {
	const skipped: string[] = [];
	const versions = await listRagConfigs(db, skipped);
	return { versions, skipped: skippedMessage(skipped) };
}

/** Saves `config` as the next version of `name`; a bad name or configuration is refused, naming the problem. */
export async function saveRagConfig(db: PrepLabDb, name: string, config: RagConfig, description: string, now: Date): Promise<StoredRagConfig> {
	const trimmed = name.trim();
	if (!RAG_CONFIG_NAME.test(trimmed)) throw new Error(`"${trimmed}" cannot name a configuration: use a letter first, then letters, digits, "-" or "_" (at most 40).`);
	const problem = validateRagConfig(config);
	if (problem) throw new Error(`This configuration cannot be saved: ${problem}.`);
	return addRagConfigVersion(db, trimmed, config, description.trim(), now);
}

/** The version holding `production` for `name` (or for the first name that has one), or null. */
export function productionVersion(versions: readonly StoredRagConfig[], name?: string): StoredRagConfig | null {
	return versions.find((v) => (name === undefined || v.name === name) && v.aliases.includes(PRODUCTION_ALIAS)) ?? null;
}

/** Points `production` at `name`:`version`; returns the version it replaced (null when none held it). */
export const promoteRagConfig = (db: PrepLabDb, name: string, version: number): Promise<number | null> => moveRagConfigAlias(db, name, version, PRODUCTION_ALIAS);

/** One version, or null when it does not exist or cannot be read. */
export const readRagConfig = (db: PrepLabDb, name: string, version: number) => getRagConfig(db, name, version);

/** The page's calls, on the browser's database. */
export const browserRagConfigs = {
	read: async () => readRagConfigs(await getDb()),
	save: async (name: string, config: RagConfig, description: string) => saveRagConfig(await getDb(), name, config, description, new Date()),
	promote: async (name: string, version: number) => promoteRagConfig(await getDb(), name, version)
};
