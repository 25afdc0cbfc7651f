// Datastore zones (raw/, curated/, logs/) in IndexedDB. Files are Blobs, so reading streams them
// through papaparse without loading the whole text, and appends compose Blobs without reading.
import { checkFileName, NotFoundError, type Datastore, type FileWriter, type Zone } from '../lab/storage';
import type { PrepLabDb, StoredFile } from './schema';

export function idbDatastore(db: PrepLabDb, now: () => Date = () => new Date()): Datastore {
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
			await put(zone, name, new Blob([text], { type: 'text/csv' }));
		},
		async writeBlob(zone, name, blob) {
			checkFileName(name);
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
			// Parts are collected and stored once, on close: a failed run never leaves half a file.
			const parts: string[] = [];
			let open = true;
			return {
				async write(text) {
					if (!open) throw new Error('writer is closed');
					parts.push(text);
				},
				async close() {
					open = false;
					await put(zone, name, new Blob(parts, { type: 'text/csv' }));
				},
				async abort() {
					open = false;
					parts.length = 0;
				}
			};
		},
		async delete(zone, name) {
			await db.delete('files', [zone, name]);
		}
	};
}
