// The serving version: one small settings record that changes, in the same transaction, with every
// write that can change what an online endpoint answers (endpoints, model versions, a restored or
// merged backup). The service worker keeps endpoints and checked models in memory and reads only this
// record per request (`serving-cache.ts`); a new value means "read them again".
import type { PrepLabDb } from './schema';

/** The settings key of the serving version. It belongs to this device: never in a backup (`DEVICE_SETTINGS` names it). */
export const SERVING_VERSION_KEY = 'endpoint-serving-version';

/** The settings store of a readwrite transaction, whatever its other stores. */
interface SettingsWriter {
	put(record: { key: string; value: unknown }): Promise<unknown>;
}

/**
 * Gives the serving version a new value inside the caller's readwrite transaction (which must include
 * `settings`): the change and the new value commit together, or neither does. Queue it after the
 * transaction's other writes (a restore clears the settings store first).
 */
export const markServingChanged = (settings: SettingsWriter): Promise<unknown> => settings.put({ key: SERVING_VERSION_KEY, value: crypto.randomUUID() });

/** The current serving version (undefined before the first change): one read by key. */
export async function readServingVersion(db: PrepLabDb): Promise<string | undefined> {
	const value = (await db.get('settings', SERVING_VERSION_KEY))?.value;
	return typeof value === 'string' ? value : undefined;
}
