// State of the Data page: the files of each datastore zone, storage used against quota, uploads
// (asking before a file is replaced), the preview of one file, and the sample generator.
import { getLabStorage } from '$lib/db/browser-storage';
import { ensureRoom } from '$lib/db/idb-datastore';
import { checkSampleRows, sampleAccountsCsv, sampleFileName } from '$lib/lab/sample-accounts';
import { ZONES, type StoredFileInfo, type Zone } from '$lib/lab/storage';
import { uploadNames } from '$lib/lab/upload-names';
import { readCsv } from '$lib/ml/csv-read';
import { downloadBlob } from '$lib/ui/download';
import { storageStatus, type StorageStatus } from '$lib/ui/storage-persistence';

import { errorMessage as describe } from '$lib/error-message';
const PREVIEW_ROWS = 20;

export type FilePreview = { zone: Zone; name: string } & ({ header: string[]; rows: string[][]; more: boolean } | { problem: string });

export class DatastoreView {
	files = $state<Record<Zone, StoredFileInfo[]>>({ raw: [], curated: [], logs: [] });
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
			const { datastore } = await getLabStorage();
			const lists = await Promise.all(ZONES.map((z) => datastore.list(z)));
			this.files = { raw: lists[0]!, curated: lists[1]!, logs: lists[2]! };
			this.storage = await storageStatus();
		} catch (e) {
			this.error = `The datastore could not be read: ${describe(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	/** Uploads files with usable names at once; those that would replace a file wait for confirmation. */
	async upload(files: File[], zone: Zone): Promise<void> {
		this.error = null;
		this.notice = null;
		// Names the datastore cannot use are made usable, and names that collide within this upload are
		// numbered ("dup name.csv" and "dup_name.csv" → dup_name.csv, dup_name-2.csv): each is said once.
		const existing = new Set(this.files[zone].map((f) => f.name));
		const names = uploadNames(files.map((f) => f.name), existing);
		const renamed = names.filter((n) => n.renamed).map((n) => `"${n.original}" is stored as ${zone}/${n.name}.`);
		const usable = files.map((f, i) => (names[i]!.renamed ? new File([f], names[i]!.name, { type: f.type, lastModified: f.lastModified }) : f));
		const fresh = usable.filter((f) => !existing.has(f.name));
		const clashing = usable.filter((f) => existing.has(f.name));
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
	private async write(files: File[], zone: Zone): Promise<void> {
		this.busy = true;
		try {
			await ensureRoom(files.reduce((sum, f) => sum + f.size, 0));
			const { datastore } = await getLabStorage();
			for (const f of files) await datastore.writeBlob(zone, f.name, f);
			this.notice = `Uploaded ${files.map((f) => `${zone}/${f.name}`).join(', ')}.`;
		} catch (e) {
			this.error = `${files.length === 1 ? `${files[0]!.name} was` : 'The files were'} not uploaded: ${describe(e)}`;
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
			const name = sampleFileName(now);
			const blob = new Blob(sampleAccountsCsv(this.sampleRows, this.sampleSeed), { type: 'text/csv' });
			await (await getLabStorage()).datastore.writeBlob('raw', name, blob);
			this.notice = `Generated raw/${name} with ${this.sampleRows.toLocaleString('en')} accounts (seed ${this.sampleSeed}).`;
		} catch (e) {
			this.error = `The sample file was not written: ${describe(e)}`;
		} finally {
			this.busy = false;
			await this.load();
		}
	}

	private async blob(zone: Zone, name: string): Promise<Blob> {
		const { input } = await (await getLabStorage()).datastore.openCsv(zone, name);
		return input instanceof Blob ? input : new Blob([String(input)]);
	}

	async showPreview(zone: Zone, name: string): Promise<void> {
		this.error = null;
		if (!/\.csv$/i.test(name)) {
			this.preview = { zone, name, problem: `${name} is not a CSV file, so it cannot be shown as a table. Download it to open it.` };
			return;
		}
		try {
			const blob = await this.blob(zone, name);
			let header: string[] = [];
			const rows: string[][] = [];
			// One row more than shown tells whether the file goes on.
			await readCsv(blob, { header: (h) => (header = h), rows: (r) => void rows.push(...r) }, { limit: PREVIEW_ROWS + 1, chunkSize: 64 * 1024 });
			this.preview = { zone, name, header, rows: rows.slice(0, PREVIEW_ROWS), more: rows.length > PREVIEW_ROWS };
		} catch (e) {
			this.preview = { zone, name, problem: `${zone}/${name} cannot be previewed: ${describe(e)}` };
		}
	}

	async download(zone: Zone, name: string): Promise<void> {
		try {
			downloadBlob(await this.blob(zone, name), name);
		} catch (e) {
			this.error = `${zone}/${name} could not be downloaded: ${describe(e)}`;
		}
	}

	async remove(zone: Zone, name: string): Promise<void> {
		try {
			await (await getLabStorage()).datastore.delete(zone, name);
			if (this.preview?.zone === zone && this.preview.name === name) this.preview = null;
			this.notice = `Deleted ${zone}/${name}.`;
		} catch (e) {
			this.error = `${zone}/${name} was not deleted: ${describe(e)}`;
		}
		await this.load();
	}
}
