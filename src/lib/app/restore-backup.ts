// Settings → Replace my data with this backup, and Delete all my data: the two workflows that
// discard this device's records. The page shows what is lost first (preview-merge.ts).
import type { Backup } from '../backup/backup-format';
import { clearAllData, restoreBackup } from '../db/backup-store';
import type { PrepLabDb } from '../db/schema';

/** Replaces every record with the backup's, in one transaction (this device's id stays). */
export const replaceWithBackup = (db: PrepLabDb, backup: Backup): Promise<void> => restoreBackup(db, backup);

/** Deletes every record of the learner's data, in one transaction. */
export const deleteAllData = (db: PrepLabDb): Promise<void> => clearAllData(db);
