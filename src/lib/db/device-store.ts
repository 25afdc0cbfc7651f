// This device's id: made once, kept in the settings store, never exported as a setting nor
// replaced by a restore. Backups carry it so a merge can say where a renumbered version came from.
import type { PrepLabDb } from './schema';

const KEY = 'deviceId';

/** The stored id, or a new one from `makeId` stored first (read and write in one transaction). */
export async function ensureDeviceId(db: PrepLabDb, makeId: () => string): Promise<string> {
	const tx = db.transaction('settings', 'readwrite');
	const stored = (await tx.store.get(KEY))?.value;
	if (typeof stored === 'string') {
		await tx.done;
		return stored;
	}
	const id = makeId();
	await Promise.all([tx.store.put({ key: KEY, value: id }), tx.done]);
	return id;
}

export async function storedDeviceId(db: PrepLabDb): Promise<string | undefined> {
	const value = (await db.get('settings', KEY))?.value;
	return typeof value === 'string' ? value : undefined;
}
