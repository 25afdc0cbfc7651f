// The batch-scoring command as `npm run lab -- score` runs it (`node src/cli/bin.js score`, without npm's
// own start-up), timed from start to exit, with its exact peak memory (peak-rss.mjs reports the process's own high-water mark).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'src/cli/bin.js');
const hook = join(import.meta.dirname, 'peak-rss.mjs');

export interface CliScoreResult {
	ms: number;
	peakMb: number;
	rowsOut: number;
}

/** Scores `file` into a fresh output file with a model registered in `dir`'s lab (a small one is trained once). */
export async function cliScore(file: string, dir: string, out = 'out.csv'): Promise<CliScoreResult> {
	const lab = join(dir, 'cli-lab');
	if (!existsSync(join(lab, 'raw/train.csv'))) {
		mkdirSync(join(lab, 'raw'), { recursive: true });
		const run = (...args: string[]) => execFileSync(process.execPath, [cli, ...args, '--root', lab], { cwd: root, encoding: 'utf8' });
		run('generate', '--rows', '1000', '--seed', '1', '--out', join(lab, 'raw/train.csv'));
		run('train', '--data', join(lab, 'raw/train.csv'));
	}
	const rssFile = join(dir, `rss-${process.pid}-${Date.now()}.txt`);
	const t0 = performance.now();
	const child = spawn(process.execPath, ['--import', hook, cli, 'score', '--data', file, '--out', join(lab, 'curated', out), '--mini-batch-size', '10000', '--root', lab], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, BENCH_RSS_FILE: rssFile }
	});
	let stdout = '';
	child.stdout.on('data', (d) => (stdout += d));
	await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`CLI score exited with ${code}`)))));
	const ms = performance.now() - t0;
	return { ms, peakMb: Number(readFileSync(rssFile, 'utf8')), rowsOut: JSON.parse(stdout.trim().split('\n').at(-1)!).rowsOut as number };
}
