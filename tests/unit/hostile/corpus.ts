// Reading the hostile-input corpus in tests/fixtures/bad/ (see its README.md for what each file is).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BAD_DIR = join(import.meta.dirname, '../../fixtures/bad');

export const badBytes = (name: string): Buffer => readFileSync(join(BAD_DIR, name));

/** The file as the browser hands it over: a Blob, which the CSV reader decodes strictly as UTF-8. */
export const badBlob = (name: string): Blob => new Blob([new Uint8Array(badBytes(name))]);

export const badText = (name: string): string => badBytes(name).toString('utf8');

/** The error a promise rejects with, or a failure if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<Error & { row?: number; column?: string }> {
	const outcome = await p.then(
		(v) => ({ ok: true as const, v }),
		(e: unknown) => ({ ok: false as const, e })
	);
	if (outcome.ok) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.v)?.slice(0, 200)}`);
	return outcome.e as Error & { row?: number; column?: string };
}
