// Reading files from disk for the CLI: a CSV file as the streaming reader's input, a whole text file
// strictly as UTF-8, and the one test for "no such file".
import { open, readFile, stat } from 'node:fs/promises';
import type { CsvInput } from '../lib/ml/csv-read';
import { decodeUtf8 } from '../lib/ml/text-decoding';

export const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * A CSV file on disk as a streaming parser input, checked by the same strict UTF-8 check as in the
 * browser. One 1 MB buffer is read into again and again (the reader copies each chunk before asking
 * for the next), so a large file leaves no trail of dead buffers behind.
 */
export async function fsCsvInput(file: string): Promise<{ input: CsvInput; size: number }> {
	const size = (await stat(file)).size;
	async function* chunks() {
		const handle = await open(file, 'r');
		try {
			const buffer = new Uint8Array(1 << 20);
			for (;;) {
				const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
				if (bytesRead === 0) return;
				yield buffer.subarray(0, bytesRead);
			}
		} finally {
			await handle.close();
		}
	}
	return { input: chunks(), size };
}

/** A whole text file, strictly UTF-8; the message names the file when it is not. */
export async function readUtf8(file: string, shownAs: string): Promise<string> {
	const bytes = await readFile(file);
	try {
		return decodeUtf8(bytes);
	} catch (e) {
		throw new Error(`${shownAs} cannot be read: ${(e as Error).message}`);
	}
}
