// The page's lab storage: the shared connection wrapped in the storage interface.
import type { LabStorage } from '../lab/storage';
import { getDb } from './browser-db';
import { idbDatastore } from './idb-datastore';
import { idbRegistry } from './idb-registry';

export async function getLabStorage(): Promise<LabStorage> {
	const db = await getDb();
	return { datastore: idbDatastore(db), registry: idbRegistry(db) };
}
