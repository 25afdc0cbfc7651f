// The one way the CLI writes a file: to a temporary name in the same folder, fsync, then rename over
// the target, so a reader (or a killed run) never sees half a file. The target is checked first:
// the input file, a symbolic link, a device, a pipe or a folder are refused, and a missing folder is
// named. Temporaries are `.<name>.<pid>-<n>.partial`; those left by a killed process are removed by the
// next write to the same folder. File handles (not streams) are used, so a failure is a rejected
// promise with a clear message, never an unhandled 'error' event.
import { lstat, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileWriter } from '../lib/lab/storage';

/** A write the CLI will not do; the message says why and what to do instead. */
export class WriteRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WriteRefused';
	}
}

export interface WriteOptions {
	/** Files being read by the same command (e.g. `--data`); writing over one of them is refused. */
	inputs?: readonly string[];
	/** What the target is called in messages, e.g. `--out`. */
	label?: string;
}

const code = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code;

// `.<name>.<pid>-<n>.partial`, and `.<name>.<pid>.partial` as earlier releases named them.
const TEMP = /^\.(.+)\.(\d+)(?:-\d+)?\.partial$/;
let made = 0;

/** A temporary name next to `final`, unique to this process and call: `.<name>.<pid>-<n>.partial`. */
export const tempName = (final: string) => join(dirname(final), `.${basename(final)}.${process.pid}-${++made}.partial`);

function alive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: the process exists but belongs to someone else.
		return code(e) === 'EPERM';
	}
}

/**
 * Removes temporaries (files or version folders) in `dir` left by processes that no longer run.
 * A temporary of a running process is left alone, so two commands at once do not disturb each other.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch (e) {
		if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return [];
		throw e;
	}
	const removed: string[] = [];
	for (const name of names) {
		const m = TEMP.exec(name);
		if (!m || alive(Number(m[2]))) continue;
		await rm(join(dir, name), { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}

/** Words for a file-system error on `path`, instead of a Node stack trace. */
export function describeWriteError(e: unknown, path: string): Error {
	if (e instanceof WriteRefused) return e;
	switch (code(e)) {
		case 'ENOENT':
			return new WriteRefused(`Cannot write ${path}: the folder ${dirname(path)} does not exist. Create it first, or choose another path.`);
		case 'ENOTDIR':
			return new WriteRefused(`Cannot write ${path}: part of the path is a file, not a folder.`);
		case 'EACCES':
		case 'EPERM':
		case 'EROFS':
			return new WriteRefused(`Cannot write ${path}: permission denied.`);
		case 'ENOSPC':
		case 'EDQUOT':
			return new WriteRefused(`Cannot write ${path}: the disk is full. Nothing was replaced.`);
		case 'EISDIR':
			return new WriteRefused(`Cannot write ${path}: it is a folder.`);
		default:
			return new WriteRefused(`Cannot write ${path}: ${(e as Error)?.message ?? String(e)}`);
	}
}

async function sameFile(a: string, b: string): Promise<boolean> {
	try {
		const [x, y] = await Promise.all([stat(a), stat(b)]);
		return x.dev === y.dev && x.ino === y.ino;
	} catch {
		return resolve(a) === resolve(b);
	}
}

/** Refuses targets that must not be replaced; resolves when `final` may be written (new or a regular file). */
export async function checkWriteTarget(final: string, options: WriteOptions = {}): Promise<void> {
	const label = options.label ? `${options.label} ` : '';
	for (const input of options.inputs ?? []) {
		if (await sameFile(input, final)) throw new WriteRefused(`${label}${final} is the input file; writing to it would destroy what is being read. Choose another output file.`);
	}
	let folder;
	try {
		folder = await stat(dirname(final));
	} catch (e) {
		throw describeWriteError(e, final);
	}
	if (!folder.isDirectory()) throw new WriteRefused(`Cannot write ${final}: ${dirname(final)} is not a folder.`);
	let target;
	try {
		target = await lstat(final);
	} catch (e) {
		if (code(e) === 'ENOENT') return;
		throw describeWriteError(e, final);
	}
	if (target.isSymbolicLink()) throw new WriteRefused(`${label}${final} is a symbolic link; it is not replaced. Give the path of a regular file.`);
	if (target.isDirectory()) throw new WriteRefused(`${label}${final} is a folder; give a file name, e.g. ${join(final, 'scored.csv')}.`);
	if (!target.isFile()) throw new WriteRefused(`${label}${final} is not a regular file (a device, pipe or socket); it is not written to.`);
}

async function openTemp(final: string): Promise<{ temp: string; handle: FileHandle }> {
	await removeStaleTemporaries(dirname(final));
	const temp = tempName(final);
	try {
		// 'wx' fails if the name exists, so a link planted at the temporary name is never followed.
		return { temp, handle: await open(temp, 'wx') };
	} catch (e) {
		throw describeWriteError(e, final);
	}
}

async function fsyncFolder(dir: string): Promise<void> {
	try {
		const handle = await open(dir, 'r');
		await handle.sync().finally(() => handle.close());
	} catch {
		// Not every file system lets a folder be synced; the rename itself is still atomic.
	}
}

/** A streaming writer: the target appears, complete, only on close(); abort() leaves it as it was. */
export async function safeFileWriter(final: string, options: WriteOptions = {}): Promise<FileWriter & { write(data: string | Uint8Array): Promise<void> }> {
	await checkWriteTarget(final, options);
	const { temp, handle } = await openTemp(final);
	let isOpen = true;
	const finish = async () => {
		if (!isOpen) return;
		isOpen = false;
		await handle.close();
	};
	return {
		async write(data: string | Uint8Array) {
			try {
				await (typeof data === 'string' ? handle.write(data) : handle.write(data));
			} catch (e) {
				throw describeWriteError(e, final);
			}
		},
		async close() {
			try {
				await handle.sync();
				await finish();
				// Checked again just before replacing: the target may have changed while we wrote.
				await checkWriteTarget(final, options);
				await rename(temp, final);
				await fsyncFolder(dirname(final));
			} catch (e) {
				await finish().catch(() => undefined);
				await rm(temp, { force: true });
				throw describeWriteError(e, final);
			}
		},
		async abort() {
			await finish().catch(() => undefined);
			await rm(temp, { force: true });
		}
	};
}

/** Writes a whole file at once through the same temporary-and-rename path. */
export async function safeWriteFile(final: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
	const writer = await safeFileWriter(final, options);
	try {
		await writer.write(data);
	} catch (e) {
		await writer.abort();
		throw e;
	}
	await writer.close();
}

/** Creates a folder (and its parents), with a clear message when that is not possible. */
export async function ensureFolder(dir: string): Promise<void> {
	try {
		await mkdir(dir, { recursive: true });
	} catch (e) {
		throw describeWriteError(e, join(dir, '.'));
	}
}
