// `lab train` and `lab score` killed mid-way (SIGKILL: no cleanup code runs) leave nothing that trips
// the next run: the next run works, and afterwards there is no .partial file and no empty version folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';

const BIN = join(import.meta.dirname, '../../../src/cli/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'prep-lab-kill-'));
const root = join(dir, 'lab');
const big = join(dir, 'big.csv');
const small = join(dir, 'small.csv');

/** Runs the CLI as a user would; resolves with its exit code and output. */
function lab(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [BIN, ...args, '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

/** Starts the CLI and SIGKILLs it as soon as `midway()` is true (checked every few ms), or after `maxMs`. */
function killedMidway(args: string[], midway: () => boolean, maxMs: number): Promise<{ signal: NodeJS.Signals | null; sawMidway: boolean }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [BIN, ...args, '--root', root], { stdio: 'ignore' });
		const started = Date.now();
		let sawMidway = false;
		const timer = setInterval(() => {
			sawMidway = midway();
			if (sawMidway || Date.now() - started > maxMs) {
				clearInterval(timer);
				child.kill('SIGKILL');
			}
		}, 2);
		child.on('close', (_code, signal) => {
			clearInterval(timer);
			resolve({ signal, sawMidway });
		});
	});
}

/** Every path under `folder` that a killed run could leave: temporaries and empty folders. */
function litter(folder: string): string[] {
	const found: string[] = [];
	const walk = (d: string) => {
		const names = readdirSync(d);
		if (names.length === 0 && d !== folder) found.push(d);
		for (const name of names) {
			const path = join(d, name);
			if (name.includes('.partial')) found.push(path);
			if (statSync(path).isDirectory()) walk(path);
		}
	};
	walk(folder);
	return found.filter((p) => !/\/(raw|curated|logs)$/.test(p));
}

beforeAll(() => {
	writeFileSync(big, tableToCsv(generateDelinquencyTable(200_000, 1)));
	writeFileSync(small, tableToCsv(generateDelinquencyTable(2_000, 2)));
}, 60_000);

describe('a CLI run killed with SIGKILL', () => {
	it('train: the next train registers the next version and leaves no litter', async () => {
		const versionDir = join(root, 'registry', 'delinquency');
		mkdirSync(versionDir, { recursive: true });
		// Killed while it reads, fits or registers (the version's temporary folder is the last step).
		const killed = await killedMidway(['train', '--data', big], () => readdirSync(versionDir).some((f) => f.includes('.partial')), 8_000);
		expect(killed.signal).toBe('SIGKILL');
		// What a kill at other moments leaves (or an older release left): a half-written version under
		// its temporary name (process ids above the kernel's maximum never run) and an empty version folder.
		mkdirSync(join(versionDir, '.model_new.99999999-1.partial'));
		writeFileSync(join(versionDir, '.model_new.99999999-1.partial', 'held_out.json'), '{"y":[0,1');
		mkdirSync(join(versionDir, 'model_v040'));
		const next = await lab(['train', '--data', small]);
		expect(next.stderr).toBe('');
		expect(next.code).toBe(0);
		const version = JSON.parse(next.stdout).version;
		// The empty model_v040 was litter, not a version: numbering goes on from the real ones.
		expect(version).toBeLessThan(40);
		const versions = await lab(['versions']);
		expect(versions.stdout.trim().split('\n')[0]).toMatch(new RegExp(`^delinquency:${version}\\tROC AUC 0\\.\\d{4}\\t`));
		expect(versions.stdout).not.toContain('cannot be read');
		expect(litter(root)).toEqual([]);
	}, 60_000);

	it('score: the old output stays whole, and the next score replaces it and leaves no .partial file', async () => {
		if (!existsSync(join(root, 'registry'))) await lab(['train', '--data', small]);
		const outDir = join(dir, 'out');
		mkdirSync(outDir);
		const out = join(outDir, 'scored.csv');
		writeFileSync(out, 'the previous output\n');
		const partialGrows = () => readdirSync(outDir).some((f) => f.endsWith('.partial') && statSync(join(outDir, f)).size > 1_000_000);
		const killed = await killedMidway(['score', '--data', big, '--out', out], partialGrows, 20_000);
		expect(killed).toEqual({ signal: 'SIGKILL', sawMidway: true });
		expect(readFileSync(out, 'utf8')).toBe('the previous output\n');
		const next = await lab(['score', '--data', small, '--out', out]);
		expect(next.code).toBe(0);
		expect(JSON.parse(next.stdout)).toMatchObject({ rowsIn: 2000, rowsOut: 2000 });
		expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(2002);
		expect(readdirSync(outDir)).toEqual(['scored.csv']);
		expect(litter(root)).toEqual([]);
	}, 60_000);
});
