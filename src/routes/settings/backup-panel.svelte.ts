// Backup panel: export everything to one file; import with checks and a preview before anything changes.
import { readBackupFile } from '$lib/backup/backup-file';
import { BACKUP_STORES, BackupError, type Backup, type BackupStore } from '$lib/backup/backup-format';
import { exportBackupFile, planBackupExport, type ExportPlan } from '$lib/app/export-backup';
import { clearAllData, restoreBackup, storeCounts } from '$lib/db/backup-store';
import { getDb } from '$lib/db/browser-db';
import { errorMessage } from '$lib/error-message';
import { formatBytes } from '$lib/format';
import { downloadBlob } from '$lib/ui/download';

export interface PreviewRow {
	store: BackupStore;
	now: number;
	backup: number;
}

export class BackupPanel {
	busy = $state(false);
	error = $state<string | null>(null);
	message = $state<string | null>(null);
	// Raw, not a deep proxy: the backup goes to IndexedDB as it is, and proxies cannot be stored.
	pending = $state.raw<{ fileName: string; backup: Backup; rows: PreviewRow[] } | null>(null);

	/** Set when the datastore's files would make a backup larger than restore accepts: the page asks first. */
	tooLarge = $state.raw<ExportPlan | null>(null);

	/** Exports everything, or first asks to leave large datastore files out when they would not fit. */
	async export(): Promise<void> {
		this.busy = true;
		this.error = null;
		this.message = null;
		try {
			const plan = await planBackupExport(await getDb());
			if (plan.leaveOut.length) this.tooLarge = plan;
			else await this.#download([]);
		} catch (e) {
			this.error = `The backup could not be made: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	/** The learner agreed to leave the large files the plan named out of this backup. */
	async exportWithoutLargeFiles(): Promise<void> {
		const plan = this.tooLarge;
		this.tooLarge = null;
		if (!plan) return;
		this.busy = true;
		try {
			await this.#download(plan.leaveOut.map((f) => f.path));
		} catch (e) {
			this.error = `The backup could not be made: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}

	cancelExport(): void {
		this.tooLarge = null;
	}

	async #download(leaveOut: string[]): Promise<void> {
		const file = await exportBackupFile(await getDb(), new Date(), leaveOut);
		downloadBlob(file.blob, file.fileName);
		this.message = `Exported ${file.records} records (${formatBytes(file.blob.size)})${file.leftOut.length ? `, without ${file.leftOut.join(', ')}` : ''}.`;
	}

	/** Reads and checks a file, then shows what a restore would change. Nothing is written yet. */
	async choose(file: File): Promise<void> {
		this.error = null;
		this.message = null;
		this.pending = null;
		this.busy = true;
		try {
			const backup = await readBackupFile(file);
			const now = await storeCounts(await getDb());
			this.pending = { fileName: file.name, backup, rows: BACKUP_STORES.map((store) => ({ store, now: now[store], backup: backup.stores[store].length })) };
		} catch (e) {
			this.error = `"${file.name}" cannot be restored: ${e instanceof BackupError ? e.message : (e as Error).message} Nothing was changed.`;
		} finally {
			this.busy = false;
		}
	}

	async restore(): Promise<void> {
		if (!this.pending) return;
		this.busy = true;
		this.error = null;
		try {
			await restoreBackup(await getDb(), this.pending.backup);
			this.message = `Restored the backup from ${this.pending.backup.exportedAt.toLocaleString()}.`;
			this.pending = null;
		} catch (e) {
			this.error = `The restore failed and nothing was changed: ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}

	cancel(): void {
		this.pending = null;
	}

	async clear(): Promise<void> {
		this.busy = true;
		this.error = null;
		try {
			await clearAllData(await getDb());
			this.message = 'All data on this device was deleted.';
		} catch (e) {
			this.error = `Nothing was deleted: ${(e as Error).message}`;
		} finally {
			this.busy = false;
		}
	}
}
