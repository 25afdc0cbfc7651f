// Writing a merged backup: every record the merge adds or changes, across all stores, in one
// transaction, so a failure leaves the device exactly as it was.
import type { BackupStore } from '../backup/backup-format';
import type { PrepLabDb } from './schema';
import { markServingChanged } from './serving-version';
import { abortOnError } from './transaction';

/** Records to put, by store; records of auto-numbered stores come without an id and get a new one. */
export type MergeWrites = Partial<Record<BackupStore, readonly Record<string, unknown>[]>>;

export async function writeMerge(db: PrepLabDb, writes: MergeWrites): Promise<void> {
	const stores = (Object.keys(writes) as BackupStore[]).filter((s) => writes[s]!.length);
	if (!stores.length) return;
	// Settings too, for the serving version: merged models and endpoints change what endpoints answer.
	const tx = db.transaction([...new Set([...stores, 'settings' as const])], 'readwrite');
	const queued: Promise<unknown>[] = [];
	// A record IndexedDB refuses can throw synchronously after earlier puts were queued: aborting drops
	// every put queued before it, so nothing is kept.
	await abortOnError(
		tx,
		async () => {
			for (const s of stores) for (const record of writes[s]!) queued.push(tx.objectStore(s).put(record as never));
			queued.push(markServingChanged(tx.objectStore('settings')));
			await Promise.all([...queued, tx.done]);
		},
		queued
	);
}
