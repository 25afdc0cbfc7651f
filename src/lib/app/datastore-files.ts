// The Data page's reads and its delete: the files of every zone, a preview of a CSV's first rows,
// a file's contents for download, and deleting one file.
import { getLabStorage } from '../db/browser-storage';
import { ZONES, type Datastore, type StoredFileInfo, type Zone } from '../lab/storage';
import { readCsv } from '../ml/csv-read';
import { errorMessage } from '../error-message';

export const PREVIEW_ROWS = 20;

export type FilePreview = { zone: Zone; name: string } & ({ header: string[]; rows: string[][]; more: boolean } | { problem: string });

export type ZoneFiles = Record<Zone, StoredFileInfo[]>;

export async function listZones(datastore: Datastore): Promise<ZoneFiles> {
	const lists = await Promise.all(ZONES.map((z) => datastore.list(z)));
	return { raw: lists[0]!, curated: lists[1]!, logs: lists[2]! };
}

/** A stored file's contents as a Blob, for a download or a CSV reader. */
export async function fileBlob(datastore: Datastore, zone: Zone, name: string): Promise<Blob> {
	const { input } = await datastore.openCsv(zone, name);
	return input instanceof Blob ? input : new Blob([String(input)]);
}

/** The first rows of a CSV file as a table, or the reason it cannot be shown as one. */
export async function previewFile(datastore: Datastore, zone: Zone, name: string, limit = PREVIEW_ROWS): Promise<FilePreview> {
	if (!/\.csv$/i.test(name)) return { zone, name, problem: `${name} is not a CSV file, so it cannot be shown as a table. Download it to open it.` };
	try {
		const blob = await fileBlob(datastore, zone, name);
		let header: string[] = [];
		const rows: string[][] = [];
		// One row more than shown tells whether the file goes on.
		await readCsv(blob, { header: (h) => (header = h), rows: (r) => void rows.push(...r.strings()) }, { limit: limit + 1, chunkSize: 64 * 1024 });
		return { zone, name, header, rows: rows.slice(0, limit), more: rows.length > limit };
	} catch (e) {
		return { zone, name, problem: `${zone}/${name} cannot be previewed: ${errorMessage(e)}` };
	}
}

export const deleteDatastoreFile = (datastore: Datastore, zone: Zone, name: string): Promise<void> => datastore.delete(zone, name);

const browserDatastore = async () => (await getLabStorage()).datastore;

/** The page's calls, on the browser's datastore. */
export const browserDatastoreFiles = {
	list: async () => listZones(await browserDatastore()),
	zone: async (zone: Zone) => (await browserDatastore()).list(zone),
	blob: async (zone: Zone, name: string) => fileBlob(await browserDatastore(), zone, name),
	preview: async (zone: Zone, name: string) => previewFile(await browserDatastore(), zone, name),
	delete: async (zone: Zone, name: string) => deleteDatastoreFile(await browserDatastore(), zone, name)
};
