// The one safe-write helper of the CLI: what it refuses (with the target unchanged), and that a write
// is all or nothing, leaving no temporary behind.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, safeFileWriter, safeWriteFile } from '../../../src/cli/safe-write';

const dir = mkdtempSync(join(tmpdir(), 'prep-lab-safe-write-'));
const refusal = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error) => `${e.name}: ${e.message}`);

describe('safeWriteFile', () => {
	it('writes a new file and replaces an existing one, leaving no temporary', async () => {
		const file = join(dir, 'out.csv');
		await safeWriteFile(file, 'a\n1\n');
		await safeWriteFile(file, 'a\n2\n');
		expect(readFileSync(file, 'utf8')).toBe('a\n2\n');
		expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
	});

	it('refuses to write over the input file', async () => {
		const input = join(dir, 'input.csv');
		writeFileSync(input, 'keep me\n');
		expect(await refusal(safeWriteFile(join(dir, '.', 'input.csv'), 'x', { inputs: [input], label: '--out' }))).toBe(
			`WriteRefused: --out ${join(dir, 'input.csv')} is the input file; writing to it would destroy what is being read. Choose another output file.`
		);
		expect(readFileSync(input, 'utf8')).toBe('keep me\n');
	});

	it('refuses a symbolic link, and the file it points to is unchanged', async () => {
		const target = join(dir, 'precious.txt');
		const link = join(dir, 'link.csv');
		writeFileSync(target, 'precious\n');
		symlinkSync(target, link);
		expect(await refusal(safeWriteFile(link, 'x'))).toBe(`WriteRefused: ${link} is a symbolic link; it is not replaced. Give the path of a regular file.`);
		expect(readFileSync(target, 'utf8')).toBe('precious\n');
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
	});

	it('refuses a device', async () => {
		expect(await refusal(safeWriteFile('/dev/null', 'x'))).toBe('WriteRefused: /dev/null is not a regular file (a device, pipe or socket); it is not written to.');
	});

	it('refuses a folder and leaves nothing in it', async () => {
		const folder = join(dir, 'a-folder');
		mkdirSync(folder);
		expect(await refusal(safeWriteFile(folder, 'x'))).toBe(`WriteRefused: ${folder} is a folder; give a file name, e.g. ${join(folder, 'scored.csv')}.`);
		expect(readdirSync(folder)).toEqual([]);
		expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
	});

	it('names a missing folder instead of throwing an unhandled error event', async () => {
		const file = join(dir, 'no-such-folder', 'out.csv');
		expect(await refusal(safeWriteFile(file, 'x'))).toBe(`WriteRefused: Cannot write ${file}: the folder ${join(dir, 'no-such-folder')} does not exist. Create it first, or choose another path.`);
	});
});

describe('safeFileWriter', () => {
	it('shows nothing until close, and abort leaves the old file as it was', async () => {
		const file = join(dir, 'streamed.csv');
		writeFileSync(file, 'old\n');
		const writer = await safeFileWriter(file);
		await writer.write('new 1\n');
		expect(readFileSync(file, 'utf8')).toBe('old\n');
		await writer.abort();
		expect(readFileSync(file, 'utf8')).toBe('old\n');
		const second = await safeFileWriter(file);
		await second.write('new 1\n');
		await second.write('new 2\n');
		await second.close();
		expect(readFileSync(file, 'utf8')).toBe('new 1\nnew 2\n');
		expect(readdirSync(dir).filter((f) => f.startsWith('.streamed'))).toEqual([]);
	});
});

describe('removeStaleTemporaries', () => {
	it("removes a dead process's temporaries (files and folders) and keeps a running one's", async () => {
		const folder = mkdtempSync(join(tmpdir(), 'prep-lab-stale-'));
		// Process ids above the kernel's maximum (4194304) never run.
		writeFileSync(join(folder, '.out.csv.99999999-1.partial'), 'half a file');
		writeFileSync(join(folder, '.old.csv.99999999.partial'), 'left by an earlier release');
		mkdirSync(join(folder, '.model_new.99999999-2.partial'));
		writeFileSync(join(folder, `.live.csv.${process.pid}-1.partial`), 'being written');
		writeFileSync(join(folder, 'out.csv'), 'kept');
		expect((await removeStaleTemporaries(folder)).sort()).toEqual(['.model_new.99999999-2.partial', '.old.csv.99999999.partial', '.out.csv.99999999-1.partial']);
		expect(readdirSync(folder).sort()).toEqual([`.live.csv.${process.pid}-1.partial`, 'out.csv']);
		expect(existsSync(join(folder, 'out.csv'))).toBe(true);
	});
});
