// Names for the files of one upload. Each file gets a distinct usable name, so two files whose
// cleaned names collide ("dup name.csv" and "dup_name.csv") never overwrite each other in silence.
import { usableFileName } from './storage';

export interface UploadName {
	original: string;
	/** The name the file is stored under. */
	name: string;
	/** True when `name` differs from what the learner's file was called (the page says so). */
	renamed: boolean;
}

/** "dup_name.csv", 2 → "dup_name-2.csv" */
function numbered(name: string, n: number): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

/**
 * Usable, distinct names for `originals`, in order. A file already named usably keeps its name (if
 * that name exists in the zone, the page asks before replacing). A name the app had to make up (by
 * cleaning, or because an earlier file of the same upload took it) is numbered until it is free both
 * in this upload and in the zone, so it never replaces a file the learner did not name.
 */
export function uploadNames(originals: readonly string[], existing: ReadonlySet<string>): UploadName[] {
	// Names the learner chose exactly are claimed first, whatever their order in the upload.
	const taken = new Set<string>();
	const exact = new Set(originals.filter((o) => usableFileName(o) === o));
	return originals.map((original) => {
		const clean = usableFileName(original);
		if (clean === original && !taken.has(clean)) {
			taken.add(clean);
			return { original, name: clean, renamed: false };
		}
		let name = clean;
		for (let n = 2; taken.has(name) || existing.has(name) || (name !== original && exact.has(name)); n++) name = numbered(clean, n);
		taken.add(name);
		return { original, name, renamed: true };
	});
}
