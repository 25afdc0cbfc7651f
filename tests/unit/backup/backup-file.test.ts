import { describe, expect, it } from 'vitest';
import { backupSizeProblem, MAX_BACKUP_BYTES, readBackupFile } from '../../../src/lib/backup/backup-file';
import { BackupError } from '../../../src/lib/backup/backup-format';

describe('backup file size', () => {
	it('accepts up to 200 MB and refuses larger or empty files with their size', () => {
		expect(backupSizeProblem(MAX_BACKUP_BYTES)).toBeNull();
		expect(backupSizeProblem(1234)).toBeNull();
		expect(backupSizeProblem(MAX_BACKUP_BYTES + 1)).toBe('The file is 200 MB, larger than any Prep Lab backup (limit 200 MB).');
		expect(backupSizeProblem(750 * 2 ** 20)).toBe('The file is 750 MB, larger than any Prep Lab backup (limit 200 MB).');
		expect(backupSizeProblem(0)).toBe('The file is empty.');
	});

	it('refuses a 201 MB file without reading a byte of it', async () => {
		let read = false;
		const huge = { size: 201 * 2 ** 20, arrayBuffer: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) } as unknown as Blob;
		const e = await readBackupFile(huge).catch((err: unknown) => err);
		expect(e).toBeInstanceOf(BackupError);
		expect((e as Error).message).toBe('The file is 201 MB, larger than any Prep Lab backup (limit 200 MB).');
		expect(read).toBe(false);
	});
});
