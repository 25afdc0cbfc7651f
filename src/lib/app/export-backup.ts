// Exporting a backup (Settings → Export a backup). First a plan: if the datastore's files would make
// a file larger than restore accepts, the page warns and offers to leave the largest out. Then the
// file itself, assembled from parts and held to the same limit, so export never makes a file
// restore refuses.
import { backupBytesOfFile, backupToBlob, MAX_BACKUP_BYTES } from '../backup/backup-file';
import { BACKUP_STORES } from '../backup/backup-format';
import { datastoreFileSizes, exportBackup } from '../db/backup-store';
import { ensureDeviceId } from '../db/device-store';
import type { PrepLabDb } from '../db/schema';

/** Room kept for everything that is not a datastore file (schedules, runs, models…). */
const RECORDS_MARGIN = 0.1;

export interface ExportPlan {
	/** About how large the backup would be with every file in it. */
	estimatedBytes: number;
	limit: number;
	/** The fewest largest datastore files to leave out to fit under the limit; empty when all fit. */
	leaveOut: { path: string; size: number }[];
}

export async function planBackupExport(db: PrepLabDb, limit = MAX_BACKUP_BYTES): Promise<ExportPlan> {
	const files = await datastoreFileSizes(db);
	const budget = limit * (1 - RECORDS_MARGIN);
	let total = files.reduce((s, f) => s + backupBytesOfFile(f.size), 0);
	const estimatedBytes = total;
	const leaveOut: ExportPlan['leaveOut'] = [];
	for (const f of files) {
		if (total <= budget) break;
		leaveOut.push(f);
		total -= backupBytesOfFile(f.size);
	}
	return { estimatedBytes, limit, leaveOut };
}

export interface ExportedBackup {
	blob: Blob;
	fileName: string;
	records: number;
	leftOut: string[];
}

/** A short random id for this device, named in its backups (8 letters and digits). */
export const newDeviceId = (random: () => number = Math.random) => Array.from({ length: 8 }, () => Math.floor(random() * 36).toString(36)).join('');

/** The backup file, leaving out the datastore files named in `leaveOut` ("zone/name"); it names this device. */
export async function exportBackupFile(db: PrepLabDb, now: Date, leaveOut: readonly string[] = [], limit = MAX_BACKUP_BYTES, random: () => number = Math.random): Promise<ExportedBackup> {
	await ensureDeviceId(db, () => newDeviceId(random));
	const backup = await exportBackup(db, now, { leaveOut: new Set(leaveOut) });
	const blob = await backupToBlob(backup, limit);
	return {
		blob,
		fileName: `prep-lab-backup-${now.toISOString().slice(0, 10)}.json`,
		records: BACKUP_STORES.reduce((s, k) => s + backup.stores[k].length, 0),
		leftOut: [...leaveOut]
	};
}
