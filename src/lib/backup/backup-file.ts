// The backup file on disk. Reading: refused by size before anything is read, decoded strictly so an
// image or archive renamed .json gets a plain answer, then checked by parseBackup. Writing: the file
// is assembled as a Blob from parts (one per record, datastore bytes in base64 slices), never as
// one giant string, and it is held to the same size limit restore applies.
import { blobToBase64Parts } from './base64';
import { BACKUP_STORES, BackupError, parseBackup, type Backup } from './backup-format';
import { toTaggedJson } from './tagged-json';

/** Larger files are refused before reading, and export never writes one: the one limit for both. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Why a file of this many bytes will not be read, or null when its size is acceptable. */
export function backupSizeProblem(size: number): string | null {
	if (size > MAX_BACKUP_BYTES) return `The file is ${mb(size)} MB, larger than any Prep Lab backup (limit ${MAX_BACKUP_BYTES / 2 ** 20} MB).`;
	if (size === 0) return 'The file is empty.';
	return null;
}

/** Bytes a datastore file adds to a backup: base64 makes 3 bytes 4 characters, plus its record. */
export const backupBytesOfFile = (size: number) => Math.ceil(size / 3) * 4 + 200;

/** Reads and checks a backup file; any problem is a BackupError and nothing has been written. */
export async function readBackupFile(file: Blob): Promise<Backup> {
	const problem = backupSizeProblem(file.size);
	if (problem) throw new BackupError(problem);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
	} catch {
		throw new BackupError('The file is not UTF-8 text, so it is not a Prep Lab backup (is it an image, an archive or a spreadsheet?).');
	}
	return parseBackup(text);
}

/** Parts of one datastore file's record; an exported file's Blob becomes base64 slices. */
async function fileParts(record: Record<string, unknown>): Promise<BlobPart[]> {
	const { blob, ...rest } = record;
	if (!(blob instanceof Blob)) return [toTaggedJson(record)];
	const head = toTaggedJson(rest);
	return [`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"base64":"`, ...(await blobToBase64Parts(blob)), '"}'];
}

/**
 * The backup as a file (JSON, tagged types). Refuses, with the largest datastore files named, to
 * make a file larger than restore accepts: leave files out (ExportOptions.leaveOut) instead.
 */
export async function backupToBlob(backup: Backup, limit = MAX_BACKUP_BYTES): Promise<Blob> {
	const parts: BlobPart[] = [`{"format":${JSON.stringify(backup.format)},"version":${backup.version},"exportedAt":${toTaggedJson(backup.exportedAt)},${backup.deviceId ? `"deviceId":${JSON.stringify(backup.deviceId)},` : ''}"stores":{`];
	for (const [s, store] of BACKUP_STORES.entries()) {
		parts.push(`${s ? ',' : ''}${JSON.stringify(store)}:[`);
		for (const [i, record] of backup.stores[store].entries()) {
			if (i) parts.push(',');
			parts.push(...(store === 'files' ? await fileParts(record) : [toTaggedJson(record)]));
		}
		parts.push(']');
	}
	parts.push('}}');
	const blob = new Blob(parts, { type: 'application/json' });
	if (blob.size > limit) {
		throw new BackupError(`This backup would be ${mb(blob.size)} MB, more than restore accepts (${mb(limit)} MB). Leave large datastore files out of it.`);
	}
	return blob;
}
