// Helpers for the CLI cases of the corpus: run a command on a lab folder, and prove a folder unchanged.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeError, main } from '../../../src/cli/main';

export interface CliRun {
	out: string[];
	warnings: string[];
}

export async function cli(args: string[]): Promise<CliRun> {
	const run: CliRun = { out: [], warnings: [] };
	await main(args, (l) => run.out.push(l), (l) => run.warnings.push(l));
	return run;
}

/** The one line the CLI prints for a failed command (what `prep-lab: …` shows), or 'no error'. */
export const cliFailure = (args: string[]): Promise<string> => cli(args).then(() => 'no error', (e: unknown) => describeError(e));

/** Every entry under `dir` with a hash of its content: equal snapshots mean nothing was written, added or removed. */
export function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const path = join(d, name);
			const stat = lstatSync(path);
			const key = relative(dir, path);
			if (stat.isSymbolicLink()) out[key] = `link → ${readlinkSync(path)}`;
			else if (stat.isDirectory()) {
				out[key] = 'folder';
				walk(path);
			} else out[key] = createHash('sha256').update(readFileSync(path)).digest('hex');
		}
	};
	walk(dir);
	return out;
}
