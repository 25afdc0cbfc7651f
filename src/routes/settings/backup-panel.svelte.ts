// Backup panel: export everything to one file; import with checks and a preview before anything
// changes: merge into this device's data (the default when it holds any) or replace it.
import { getDb } from '$lib/app/browser';
import { exportBackupFile, planBackupExport, type ExportPlan } from '$lib/app/export-backup';
import { mergeBackup } from '$lib/app/merge-backup';
import { previewMerge, type MergePreview } from '$lib/app/preview-merge';
import { deleteAllData, replaceWithBackup } from '$lib/app/restore-backup';
import { readBackupFile } from '$lib/backup/backup-file';
import type { Backup } from '$lib/backup/backup-format';
import { errorMessage } from '$lib/error-message';
import { formatBytes } from '$lib/format';
import { downloadBlob } from '$lib/ui/download';

export type ImportMode = 'merge' | 'replace';

export class BackupPanel {
	busy = $state(false);
	error = $state<string | null>(null);
	message = $state<string | null>(null);
	// Raw, not a deep proxy: the backup goes to IndexedDB as it is, and proxies cannot be stored.
	pending = $state.raw<{ backup: Backup; preview: MergePreview } | null>(null);
	/** Merge is chosen for a device that holds data; replace only when there is nothing to lose. */
	mode = $state<ImportMode>('merge');
	/** Ids of the differences (settings, aliases, endpoints) to take from the backup. */
	take = $state<string[]>([]);

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

	/** Reads and checks a file, then shows what a merge or a replace would change. Nothing is written yet. */
	async choose(file: File): Promise<void> {
		this.error = null;
		this.message = null;
		this.pending = null;
		this.busy = true;
		try {
			const backup = await readBackupFile(file);
			const preview = await previewMerge(await getDb(), backup, file.name, new Date());
			this.mode = preview.localEmpty ? 'replace' : 'merge';
			this.take = [];
			this.pending = { backup, preview };
		} catch (e) {
			this.error = `"${file.name}" cannot be restored: ${errorMessage(e)} Nothing was changed.`;
		} finally {
			this.busy = false;
		}
	}

	toggle(id: string, taken: boolean): void {
		this.take = taken ? [...this.take.filter((t) => t !== id), id] : this.take.filter((t) => t !== id);
	}

	async merge(): Promise<void> {
		await this.#write(async (backup) => (await mergeBackup(await getDb(), backup, this.take, new Date())).message, 'The merge failed and nothing was changed');
	}

	async restore(): Promise<void> {
		await this.#write(async (backup) => {
			await replaceWithBackup(await getDb(), backup);
			return `Restored the backup from ${backup.exportedAt.toLocaleString()}.`;
		}, 'The restore failed and nothing was changed');
	}

	async #write(write: (backup: Backup) => Promise<string>, failed: string): Promise<void> {
		if (!this.pending) return;
		this.busy = true;
		this.error = null;
		try {
			this.message = await write(this.pending.backup);
			this.pending = null;
		} catch (e) {
			this.error = `${failed}: ${errorMessage(e)}`;
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
			await deleteAllData(await getDb());
			this.message = 'All data on this device was deleted.';
		} catch (e) {
			this.error = `Nothing was deleted: ${errorMessage(e)}`;
		} finally {
			this.busy = false;
		}
	}
}
