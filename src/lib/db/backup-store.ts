// Backup and restore of every store, through the schema's owner. Restore is one transaction:
// it either replaces everything or, on any failure, leaves every store as it was.
import { base64ToBytes } from '../backup/base64';
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION, type Backup, type BackupStore } from '../backup/backup-format';
import { DEVICE_SETTINGS } from '../backup/merge-choices';
import { storedDeviceId } from './device-store';
import { markServingChanged } from './serving-version';
import type { PrepLabDb, StoredFile } from './schema';
import { abortOnError } from './transaction';

/** A datastore file as exported: its bytes stay a Blob until the backup file is assembled. */
export interface ExportedFile {
	zone: StoredFile['zone'];
	name: string;
	modifiedAt: string;
	type: string;
	blob: Blob;
}

export interface ExportOptions {
	/** Datastore files ("zone/name") the learner chose to leave out of this backup. */
	leaveOut?: ReadonlySet<string>;
}

/** Everything to back up; `stores.files` holds ExportedFile records (see backup-file-writer.ts). */
export async function exportBackup(db: PrepLabDb, now = new Date(), options: ExportOptions = {}): Promise<Backup> {
	const tx = db.transaction([...BACKUP_STORES], 'readonly');
	const lists = await Promise.all(BACKUP_STORES.map((s) => tx.objectStore(s).getAll()));
	await tx.done;
	const stores = Object.fromEntries(BACKUP_STORES.map((s, i) => [s, lists[i] as unknown as Record<string, unknown>[]])) as Backup['stores'];
	// This device's own settings (its id, its request counter) never travel as settings.
	stores.settings = stores.settings.filter((r) => !DEVICE_SETTINGS.includes(String(r.key)));
	const files = lists[BACKUP_STORES.indexOf('files')] as StoredFile[];
	stores.files = files
		.filter((f) => !options.leaveOut?.has(`${f.zone}/${f.name}`))
		.map(({ zone, name, modifiedAt, blob }) => ({ zone, name, modifiedAt, type: blob.type, blob }) satisfies ExportedFile as unknown as Record<string, unknown>);
	const deviceId = await storedDeviceId(db);
	return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, ...(deviceId ? { deviceId } : {}), stores };
}

/** Datastore files with their sizes, largest first: what the export warning offers to leave out. */
export async function datastoreFileSizes(db: PrepLabDb): Promise<{ path: string; size: number }[]> {
	const files = await db.getAll('files');
	return files.map((f) => ({ path: `${f.zone}/${f.name}`, size: f.blob?.size ?? f.size ?? 0 })).sort((a, b) => b.size - a.size);
}

/** Records a backup carries, by store: a device's own settings (its id, its serving version…) never travel, so they are not counted. */
export async function storeCounts(db: PrepLabDb): Promise<Record<BackupStore, number>> {
	const tx = db.transaction([...BACKUP_STORES], 'readonly');
	const [counts, settingKeys] = await Promise.all([Promise.all(BACKUP_STORES.map((s) => tx.objectStore(s).count())), tx.objectStore('settings').getAllKeys()]);
	await tx.done;
	const out = Object.fromEntries(BACKUP_STORES.map((s, i) => [s, counts[i]!])) as Record<BackupStore, number>;
	out.settings = settingKeys.filter((key) => !DEVICE_SETTINGS.includes(key)).length;
	return out;
}

/** A backup's file record as a stored file: base64 bytes (format 2) exactly, or format-1 text as UTF-8. */
function storedFile(record: Record<string, unknown>, exportedAt: Date): StoredFile {
	const { zone, name, modifiedAt, type, base64, text, blob: exported } = record as { zone: StoredFile['zone']; name: string; modifiedAt?: string; type?: string; base64?: string; text?: string; blob?: Blob };
	const blob =
		exported instanceof Blob
			? exported
			: typeof base64 === 'string'
				? new Blob([base64ToBytes(base64) as Uint8Array<ArrayBuffer>], { type: type ?? '' })
				: new Blob([text ?? ''], { type: type ?? 'text/csv' });
	return { zone, name, blob, size: blob.size, modifiedAt: modifiedAt ?? exportedAt.toISOString() };
}

/** Replaces all data with the backup's, in one transaction. The exam in progress is local to this
 * device and not in backups; it is removed too, so it cannot point at attempts and mistakes that
 * the restore replaced. */
export async function restoreBackup(db: PrepLabDb, backup: Backup): Promise<void> {
	// Decoded before the transaction opens: an IndexedDB transaction closes if it waits on other work.
	const files = backup.stores.files.map((r) => storedFile(r, backup.exportedAt));
	const tx = db.transaction([...BACKUP_STORES, 'examSessions'], 'readwrite');
	const writes: Promise<unknown>[] = [];
	// A record IndexedDB refuses throws synchronously after the clears were queued: aborting drops the
	// clears and puts queued before it, so nothing is lost.
	await abortOnError(
		tx,
		async () => {
			// This device's own settings stay: a restored backup does not make it another device.
			const own = (await Promise.all(DEVICE_SETTINGS.map((key) => tx.objectStore('settings').get(key)))).filter((r) => r !== undefined);
			writes.push(tx.objectStore('examSessions').clear());
			for (const store of BACKUP_STORES) {
				const os = tx.objectStore(store);
				writes.push(os.clear());
				const records = store === 'files' ? files : store === 'settings' ? [...backup.stores.settings.filter((r) => !DEVICE_SETTINGS.includes(String(r.key))), ...own] : backup.stores[store];
				// A record IndexedDB refuses throws here, synchronously, after the clears were queued.
				for (const record of records) writes.push(os.put(record as never));
			}
			// After the settings were cleared and rewritten: endpoints and models may all have changed.
			writes.push(markServingChanged(tx.objectStore('settings')));
			await Promise.all([...writes, tx.done]);
		},
		writes
	);
}

/** Deletes every record of the learner's data, in one transaction. */
export async function clearAllData(db: PrepLabDb): Promise<void> {
	const tx = db.transaction([...BACKUP_STORES, 'examSessions'], 'readwrite');
	const clears = [...BACKUP_STORES.map((s) => tx.objectStore(s).clear()), tx.objectStore('examSessions').clear()];
	await Promise.all([...clears, markServingChanged(tx.objectStore('settings')), tx.done]);
}
