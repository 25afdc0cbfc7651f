// The lab's storage, as one interface with two homes: IndexedDB in the browser and a folder on
// disk for the CLI (<root>/raw, curated, logs, registry). Lab code depends only on this.
import type { CsvInput } from '../ml/csv-read';
import type { HeldOutScores, ModelDraft, ModelVersion, VersionMeta } from '../ml/model-artifact';

export const ZONES = ['raw', 'curated', 'logs'] as const;
export type Zone = (typeof ZONES)[number];

export interface StoredFileInfo {
	zone: Zone;
	name: string;
	size: number;
	modifiedAt: string;
}

export interface FileWriter {
	/** Text, or UTF-8 bytes: the writer copies what it keeps, so the caller may reuse the bytes once the promise settles. */
	write(data: string | Uint8Array): Promise<void>;
	/** Makes the file visible; until then readers see the old file (or none). */
	close(): Promise<void>;
	/** Discards everything written; the old file (if any) is untouched. */
	abort(): Promise<void>;
}

export interface Datastore {
	list(zone: Zone): Promise<StoredFileInfo[]>;
	exists(zone: Zone, name: string): Promise<boolean>;
	readText(zone: Zone, name: string): Promise<string>;
	/** A streaming source for CSV parsing, and its size in bytes. */
	openCsv(zone: Zone, name: string): Promise<{ input: CsvInput; size: number }>;
	writeText(zone: Zone, name: string, text: string): Promise<void>;
	/** Stores an uploaded file as it is. */
	writeBlob(zone: Zone, name: string, blob: Blob): Promise<void>;
	/** Appends in one step, so two appends never interleave or lose each other. */
	appendText(zone: Zone, name: string, text: string): Promise<void>;
	createWriter(zone: Zone, name: string): Promise<FileWriter>;
	delete(zone: Zone, name: string): Promise<void>;
}

export interface ModelRegistry {
	/**
	 * Stores the draft (and its held-out scores) as the next version of its name; versions are never
	 * reused. `aliases` (e.g. `challenger`) point at the new version in the same write: the version
	 * never exists without them.
	 */
	register(draft: ModelDraft, meta?: Partial<VersionMeta>, heldOut?: HeldOutScores, aliases?: readonly string[]): Promise<ModelVersion>;
	/** The held-out labels and scores stored with a version, if any. */
	heldOut(name: string, version: number): Promise<HeldOutScores | undefined>;
	/** All readable versions of a model, newest first (broken ones are left out and reported by broken()). */
	list(name: string): Promise<ModelVersion[]>;
	/** Stored versions that fail the artifact check, each with a message naming the file or record and the field. */
	broken(name: string): Promise<BrokenVersion[]>;
	/** A version, checked; throws a ModelArtifactError naming the field if it is stored but unusable. */
	get(name: string, version: number): Promise<ModelVersion | undefined>;
	/** Description and tags are editable; the model itself is not. */
	updateMeta(name: string, version: number, meta: Partial<VersionMeta>): Promise<ModelVersion>;
	aliases(name: string): Promise<Record<string, number>>;
	/** Points an alias (e.g. `champion`) at a version, or removes it with null. */
	setAlias(name: string, alias: string, version: number | null): Promise<void>;
	/** Several alias changes at once, all or none (a promotion moves `champion` and drops `challenger`). */
	setAliases(name: string, changes: Record<string, number | null>): Promise<void>;
	/** Deletes a version and any alias pointing at it. */
	delete(name: string, version: number): Promise<void>;
}

export interface BrokenVersion {
	version: number;
	message: string;
}

export interface LabStorage {
	datastore: Datastore;
	registry: ModelRegistry;
}

export class NotFoundError extends Error {
	constructor(what: string) {
		super(`${what} does not exist.`);
		this.name = 'NotFoundError';
	}
}

const ALIAS = /^[a-z][a-z0-9_-]{0,31}$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function checkAlias(alias: string): void {
	if (!ALIAS.test(alias)) throw new RangeError(`Alias "${alias}" must start with a letter and use only a–z, 0–9, "-" and "_" (at most 32).`);
}

/** File names are plain (no folders, no "..") so a name can never escape its zone on disk. */
export function checkFileName(name: string): void {
	if (!FILE_NAME.test(name) || name.includes('..')) {
		throw new RangeError(`"${name}" is not a usable file name: use letters, digits, ".", "-" and "_" only.`);
	}
}

/**
 * A usable name made from any uploaded file's name: other characters become "_" and the extension is
 * kept, so "my accounts (1).csv" is stored as "my_accounts_1_.csv" instead of being refused.
 */
export function usableFileName(original: string): string {
	const match = /^(.*)(\.[A-Za-z0-9]{1,16})$/.exec(original);
	const [stem, ext] = match ? [match[1]!, match[2]!] : [original, ''];
	const base = stem.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/\.{2,}/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100) || 'file';
	return `${base}${ext}`;
}
