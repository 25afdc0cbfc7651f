// What the service worker keeps in memory to answer online endpoints: endpoints by name and checked
// model versions, each read from IndexedDB once. Every request first reads the serving version (one
// small record, `serving-version.ts`); when it differs from the one the memory was filled under,
// everything is forgotten and read again. A change commits together with its new serving version, so
// the first request after a committed change (from any tab, the lab worker or a restored backup)
// sees it.
import type { ModelVersion } from '../ml/model-artifact';
import { loadEndpoint } from './endpoint-store';
import { idbRegistry } from './idb-registry';
import type { PrepLabDb, StoredEndpoint } from './schema';
import { readServingVersion } from './serving-version';

export interface ServingCache {
	/** Reads the serving version and forgets what it holds if that changed. Once per request, before the lookups. */
	refresh(): Promise<void>;
	endpoint(name: string): Promise<StoredEndpoint | undefined>;
	/** The version through the registry's check (finite weights…), as `ModelLookup` wants it; a broken one rejects. */
	model(name: string, version: number): Promise<ModelVersion | undefined>;
}

export function servingCache(db: PrepLabDb): ServingCache {
	const registry = idbRegistry(db);
	/** The serving version the maps were filled under; null before the first read. */
	let filledUnder: string | undefined | null = null;
	const endpoints = new Map<string, Promise<StoredEndpoint | undefined>>();
	const models = new Map<string, Promise<ModelVersion | undefined>>();
	/** One read per key; a failed read (a broken version included) is not kept, so it is tried again. */
	function remember<T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
		let found = map.get(key);
		if (!found) {
			found = read();
			map.set(key, found);
			found.catch(() => {
				if (map.get(key) === found) map.delete(key);
			});
		}
		return found;
	}
	return {
		async refresh() {
			const current = await readServingVersion(db);
			if (current === filledUnder) return;
			// Anything read before this point may predate the change: read it all again.
			endpoints.clear();
			models.clear();
			filledUnder = current;
		},
		endpoint: (name) => remember(endpoints, name, () => loadEndpoint(db, name)),
		model: (name, version) => remember(models, `${name}\u0000${version}`, () => registry.get(name, version))
	};
}
