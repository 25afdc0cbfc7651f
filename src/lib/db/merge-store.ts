// Writing a merged backup: every record the merge adds or changes, across all stores, in one
// transaction, so a failure leaves the device exactly as it was.
import type { BackupStore } from '../backup/backup-format';
import type { PrepLabDb } from './schema';

/** Records to put, by store; records of auto-numbered stores come without an id and get a new one. */
export type MergeWrites = Partial<Record<BackupStore, readonly Record<string, unknown>[]>>;

export async function writeMerge(db: PrepLabDb, writes: MergeWrites): Promise<void> {
	const stores = (Object.keys(writes) as BackupStore[]).filter((s) => writes[s]!.length);
	if (!stores.length) return;
	const tx = db.transaction(stores, 'readwrite');
	const puts = stores.flatMap((s) => writes[s]!.map((record) => tx.objectStore(s).put(record as never)));
	try {
		await Promise.all([...puts, tx.done]);
	} catch (e) {
		// A failed put aborts the transaction, so nothing above was kept.
		try {
			tx.abort();
		} catch {
			/* already aborted */
		}
		throw e;
	}
}
