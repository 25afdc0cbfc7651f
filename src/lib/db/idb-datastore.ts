// Datastore zones (raw/, curated/, logs/) in IndexedDB. Files are Blobs, so reading streams them
// through the CSV reader without loading the whole text, and appends compose Blobs without reading.
import { checkFileName, NotFoundError, type Datastore, type FileWriter, type Zone } from '../lab/storage';
import { blobSink } from './blob-sink';
import type { PrepLabDb, StoredFile } from './schema';

/** A write that would not fit in the storage the browser grants this site. */
export class QuotaError extends Error {
	constructor(bytes: number, free: number) {
		super(`This file needs ${(bytes / 2 ** 20).toFixed(1)} MB but only ${(Math.max(0, free) / 2 ** 20).toFixed(1)} MB of this site's storage is free. Nothing was written; delete files or models you no longer need.`);
		this.name = 'QuotaError';
	}
}

export type StorageEstimator = () => Promise<{ usage?: number; quota?: number }>;

const browserEstimate: StorageEstimator = async () => (typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage.estimate() : {});

/** Refuses a write before anything is stored if it cannot fit (with a 5 % margin for the database itself). */
export async function ensureRoom(bytes: number, estimate: StorageEstimator = browserEstimate): Promise<void> {
	const { usage, quota } = await estimate();
	if (quota === undefined || usage === undefined) return;
	const free = quota * 0.95 - usage;
	if (bytes > free) throw new QuotaError(bytes, free);
}

const encoder = /* @__PURE__ */ new TextEncoder();

export function idbDatastore(db: PrepLabDb, now: () => Date = () => new Date(), estimate: StorageEstimator = browserEstimate): Datastore {
	const put = (zone: Zone, name: string, blob: Blob) =>
		db.put('files', { zone, name, blob, size: blob.size, modifiedAt: now().toISOString() } satisfies StoredFile);
	const get = async (zone: Zone, name: string) => {
		const file = await db.get('files', [zone, name]);
		if (!file) throw new NotFoundError(`${zone}/${name}`);
		return file;
	};
	return {
		async list(zone) {
			const files = await db.getAllFromIndex('files', 'by-zone', zone);
			return files.map(({ zone, name, size, modifiedAt }) => ({ zone, name, size, modifiedAt })).sort((a, b) => a.name.localeCompare(b.name));
		},
		exists: async (zone, name) => (await db.getKey('files', [zone, name])) !== undefined,
		readText: async (zone, name) => (await get(zone, name)).blob.text(),
		async openCsv(zone, name) {
			const file = await get(zone, name);
			return { input: file.blob, size: file.size };
		},
		async writeText(zone, name, text) {
			checkFileName(name);
			const blob = new Blob([text], { type: 'text/csv' });
			await ensureRoom(blob.size, estimate);
			await put(zone, name, blob);
		},
		async writeBlob(zone, name, blob) {
			checkFileName(name);
			await ensureRoom(blob.size, estimate);
			await put(zone, name, blob);
		},
		async appendText(zone, name, text) {
			checkFileName(name);
			// Read and write in one transaction: concurrent appends queue instead of overwriting each other.
			const tx = db.transaction('files', 'readwrite');
			const existing = await tx.store.get([zone, name]);
			const blob = new Blob(existing ? [existing.blob, text] : [text], { type: 'text/csv' });
			await tx.store.put({ zone, name, blob, size: blob.size, modifiedAt: now().toISOString() });
			await tx.done;
		},
		async createWriter(zone, name): Promise<FileWriter> {
			checkFileName(name);
			// Nothing is stored until close, so a failed run never leaves half a file. The bytes go to a
			// Blob the browser assembles as they arrive (blob-sink.ts), outside this page's memory.
			const sink = await blobSink('text/csv');
			let open = true;
			return {
				async write(data) {
					if (!open) throw new Error('writer is closed');
					await sink.write(typeof data === 'string' ? encoder.encode(data) : data);
				},
				async close() {
					if (!open) throw new Error('writer is closed');
					open = false;
					const blob = await sink.close();
					await ensureRoom(blob.size, estimate);
					await put(zone, name, blob);
				},
				async abort() {
					open = false;
					sink.abort();
				}
			};
		},
		async delete(zone, name) {
			await db.delete('files', [zone, name]);
		}
	};
}
