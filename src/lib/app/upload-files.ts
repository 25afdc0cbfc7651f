// Uploading files to a datastore zone (Data page). Names the datastore cannot use are made usable
// and names that collide within one upload are numbered (`lab/upload-names`); a file that would
// replace one already in the zone waits until the learner confirms. Stored files go in all or none
// as far as room goes: their total size is checked against the free quota before any is written.
import { getLabStorage } from '../db/browser-storage';
import { ensureRoom } from '../db/idb-datastore';
import type { Datastore, Zone } from '../lab/storage';
import { uploadNames } from '../lab/upload-names';

export interface UploadPlan {
	/** Files to store now, under usable names. */
	fresh: File[];
	/** Files whose names exist in the zone: stored only once the learner confirms the replacement. */
	clashing: File[];
	/** One sentence per file stored under another name than its own. */
	renamed: string[];
}

/** How an upload of `files` into `zone` goes, given the names already there. */
export function planUpload(files: readonly File[], zone: Zone, existingNames: Iterable<string>): UploadPlan {
	const existing = new Set(existingNames);
	const names = uploadNames(files.map((f) => f.name), existing);
	const usable = files.map((f, i) => (names[i]!.renamed ? new File([f], names[i]!.name, { type: f.type, lastModified: f.lastModified }) : f));
	return {
		fresh: usable.filter((f) => !existing.has(f.name)),
		clashing: usable.filter((f) => existing.has(f.name)),
		renamed: names.filter((n) => n.renamed).map((n) => `"${n.original}" is stored as ${zone}/${n.name}.`)
	};
}

/** Stores the files in the zone (replacing same-named ones) after checking that all of them fit. */
export async function storeFiles(datastore: Datastore, zone: Zone, files: readonly File[], checkRoom: (bytes: number) => Promise<void>): Promise<void> {
	await checkRoom(files.reduce((sum, f) => sum + f.size, 0));
	for (const f of files) await datastore.writeBlob(zone, f.name, f);
}

/** The page's call, on the browser's datastore and storage quota. */
export const browserStoreFiles = async (zone: Zone, files: readonly File[]) => storeFiles((await getLabStorage()).datastore, zone, files, (bytes) => ensureRoom(bytes));
