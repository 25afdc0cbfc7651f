// State of the Data page: the files of each datastore zone, storage used against quota, uploads
// (asking before a file is replaced), the preview of one file, and the sample generator.
import { browserDatastoreFiles as datastoreFiles, type FilePreview, type ZoneFiles } from '$lib/app/datastore-files';
import { browserGenerateSampleFile } from '$lib/app/generate-sample-file';
import { browserStoreFiles, planUpload } from '$lib/app/upload-files';
import { errorMessage as describe } from '$lib/error-message';
import { checkSampleRows } from '$lib/lab/sample-accounts';
import type { Zone } from '$lib/lab/storage';
import { downloadBlob } from '$lib/ui/download';
import { storageStatus, type StorageStatus } from '$lib/ui/storage-persistence';

export class DatastoreView {
	files = $state<ZoneFiles>({ raw: [], curated: [], logs: [] });
	loaded = $state(false);
	storage = $state<StorageStatus | null>(null);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	busy = $state(false);
	preview = $state<FilePreview | null>(null);
	/** Uploads whose names already exist in their zone, waiting for the learner to confirm. */
	replacing = $state<{ zone: Zone; files: File[] } | null>(null);
	sampleRows = $state(5000);
	sampleSeed = $state(1);

	async load(): Promise<void> {
		try {
			this.files = await datastoreFiles.list();
			this.storage = await storageStatus();
		} catch (e) {
			this.error = `The datastore could not be read: ${describe(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	/** Uploads files with usable names at once; those that would replace a file wait for confirmation. */
	async upload(chosen: File[], zone: Zone): Promise<void> {
		this.error = null;
		this.notice = null;
		// Renamed files ("dup name.csv" → dup_name.csv, dup_name-2.csv) are each said once.
		const { fresh, clashing, renamed } = planUpload(chosen, zone, this.files[zone].map((f) => f.name));
		if (fresh.length) await this.write(fresh, zone);
		if (renamed.length && !this.error) this.notice = [this.notice, ...renamed].filter(Boolean).join(' ');
		this.replacing = clashing.length ? { zone, files: clashing } : null;
	}

	async confirmReplace(): Promise<void> {
		const pending = this.replacing;
		this.replacing = null;
		if (pending) await this.write(pending.files, pending.zone);
	}

	/** All files or none: their total size is checked against the free quota before any is stored. */
	private async write(stored: File[], zone: Zone): Promise<void> {
		this.busy = true;
		try {
			await browserStoreFiles(zone, stored);
			this.notice = `Uploaded ${stored.map((f) => `${zone}/${f.name}`).join(', ')}.`;
		} catch (e) {
			this.error = `${stored.length === 1 ? `${stored[0]!.name} was` : 'The files were'} not uploaded: ${describe(e)}`;
		} finally {
			this.busy = false;
			await this.load();
		}
	}

	async generateSample(now: Date): Promise<void> {
		this.error = null;
		this.notice = null;
		const problem = checkSampleRows(this.sampleRows);
		if (problem) {
			this.error = problem;
			return;
		}
		this.busy = true;
		try {
			const name = await browserGenerateSampleFile(this.sampleRows, this.sampleSeed, now);
			this.notice = `Generated raw/${name} with ${this.sampleRows.toLocaleString('en')} accounts (seed ${this.sampleSeed}).`;
		} catch (e) {
			this.error = `The sample file was not written: ${describe(e)}`;
		} finally {
			this.busy = false;
			await this.load();
		}
	}

	async showPreview(zone: Zone, name: string): Promise<void> {
		this.error = null;
		try {
			this.preview = await datastoreFiles.preview(zone, name);
		} catch (e) {
			this.error = `${zone}/${name} cannot be previewed: ${describe(e)}`;
		}
	}

	async download(zone: Zone, name: string): Promise<void> {
		try {
			downloadBlob(await datastoreFiles.blob(zone, name), name);
		} catch (e) {
			this.error = `${zone}/${name} could not be downloaded: ${describe(e)}`;
		}
	}

	async remove(zone: Zone, name: string): Promise<void> {
		try {
			await datastoreFiles.delete(zone, name);
			if (this.preview?.zone === zone && this.preview.name === name) this.preview = null;
			this.notice = `Deleted ${zone}/${name}.`;
		} catch (e) {
			this.error = `${zone}/${name} was not deleted: ${describe(e)}`;
		}
		await this.load();
	}
}
