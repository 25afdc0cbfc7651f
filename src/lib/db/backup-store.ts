// Backup and restore of every store, through the schema's owner. Restore is one transaction:
// it either replaces everything or, on any failure, leaves every store as it was.
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION, type Backup, type BackupStore } from '../backup/backup-format';
import type { PrepLabDb, StoredFile } from './schema';

export async function exportBackup(db: PrepLabDb, now = new Date()): Promise<Backup> {
	const tx = db.transaction([...BACKUP_STORES], 'readonly');
	const lists = await Promise.all(BACKUP_STORES.map((s) => tx.objectStore(s).getAll()));
	await tx.done;
	const stores = Object.fromEntries(BACKUP_STORES.map((s, i) => [s, lists[i] as unknown as Record<string, unknown>[]])) as Backup['stores'];
	// Files are Blobs: read them as text once the transaction has finished.
	stores.files = await Promise.all(
		(lists[BACKUP_STORES.indexOf('files')] as StoredFile[]).map(async ({ zone, name, modifiedAt, blob }) => ({ zone, name, modifiedAt, text: await blob.text() }))
	);
	return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, stores };
}

export async function storeCounts(db: PrepLabDb): Promise<Record<BackupStore, number>> {
	const tx = db.transaction([...BACKUP_STORES], 'readonly');
	const counts = await Promise.all(BACKUP_STORES.map((s) => tx.objectStore(s).count()));
	await tx.done;
	return Object.fromEntries(BACKUP_STORES.map((s, i) => [s, counts[i]!])) as Record<BackupStore, number>;
}

/** Replaces all data with the backup's, in one transaction. The exam in progress is local to this
 * device and not in backups; it is removed too, so it cannot point at attempts and mistakes that
 * the restore replaced. */
export async function restoreBackup(db: PrepLabDb, backup: Backup): Promise<void> {
	const tx = db.transaction([...BACKUP_STORES, 'examSessions'], 'readwrite');
	const writes: Promise<unknown>[] = [tx.objectStore('examSessions').clear()];
	for (const store of BACKUP_STORES) {
		const os = tx.objectStore(store);
		writes.push(os.clear());
		for (const record of backup.stores[store]) {
			if (store === 'files') {
				const { zone, name, text, modifiedAt } = record as { zone: StoredFile['zone']; name: string; text: string; modifiedAt?: string };
				const blob = new Blob([text], { type: 'text/csv' });
				writes.push(os.put({ zone, name, blob, size: blob.size, modifiedAt: modifiedAt ?? backup.exportedAt.toISOString() } as never));
			} else {
				writes.push(os.put(record as never));
			}
		}
	}
	try {
		await Promise.all([...writes, tx.done]);
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

/** Deletes every record of the learner's data, in one transaction. */
export async function clearAllData(db: PrepLabDb): Promise<void> {
	const tx = db.transaction([...BACKUP_STORES, 'examSessions'], 'readwrite');
	await Promise.all([...BACKUP_STORES.map((s) => tx.objectStore(s).clear()), tx.objectStore('examSessions').clear(), tx.done]);
}
