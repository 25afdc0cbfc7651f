// Reading a chosen backup file: refused by size before anything is read, decoded strictly so an
// image or archive renamed .json gets a plain answer, then checked by parseBackup.
import { BackupError, parseBackup, type Backup } from './backup-format';

/** Larger files are refused before reading: a real backup of this app is far smaller. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** Why a file of this many bytes will not be read, or null when its size is acceptable. */
export function backupSizeProblem(size: number): string | null {
	if (size > MAX_BACKUP_BYTES) return `The file is ${Math.round(size / 2 ** 20)} MB, larger than any Prep Lab backup (limit ${MAX_BACKUP_BYTES / 2 ** 20} MB).`;
	if (size === 0) return 'The file is empty.';
	return null;
}

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
