// `npm run bench`: training and batch-scoring benchmarks, with scikit-learn/pandas measured on the
// same files in the same run when /usr/bin/python3 has them. Each task runs in its own process.
// `npm run bench -- --only csv,train` runs only the named parts: csv (read CSV to columns), train,
// score (batch-score CLI), search, monitor, export (Azure ML export and score.py), review, online,
// browser (batch endpoint in Chromium), rag (index build, query latency, exact vs HNSW recall). `--rounds N` repeats the csv part and reports medians.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToCsv } from '../../src/cli/main';
import { generateDelinquencyTable } from '../../src/lib/ml/delinquency-data';
import { onlineLatencyBench } from './online-latency';
import { azuremlExportBench } from './azureml-export-bench';
import { csvReadRows } from './csv-bench';
import { batchBrowserBench } from './batch-browser';
import { cliScore } from './cli-score';
import { monitorBench } from './monitor-bench';
import { reviewBench } from './review-bench';

const here = import.meta.dirname;
const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i < 0 ? undefined : process.argv[i + 1];
};
const only = arg('only')?.split(',');
const want = (part: string) => !only || only.includes(part);
const dir = mkdtempSync(join(tmpdir(), 'prep-lab-bench-'));
const python = '/usr/bin/python3';
const hasSklearn = spawnSync(python, ['-c', 'import sklearn, pandas'], { stdio: 'ignore' }).status === 0;
const hasPandas = spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

function ours(args: string[]) {
	const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'task.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
	return JSON.parse(out.trim().split('\n').at(-1)!);
}
function theirs(args: string[]) {
	if (!hasSklearn) return null;
	const out = execFileSync(python, [join(here, 'sklearn_task.py'), ...args], { encoding: 'utf8' });
	return JSON.parse(out.trim().split('\n').at(-1)!);
}
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : 'n/a');
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));

try {
	for (const n of [100_000, 1_000_000]) {
		const file = join(dir, `accounts_${n}.csv`);
		if (!want('train') && !want('score') && !want('csv') && !want('browser')) break;
		writeFileSync(file, tableToCsv(generateDelinquencyTable(n, 7)));
		const sizeMb = statSync(file).size / 2 ** 20;
		if (n === 1_000_000 && want('csv')) rows.push(...csvReadRows(file, Number(arg('rounds') ?? 1), hasPandas));
		const model = join(dir, `model_${n}.json`);
		if (want('train')) {
			const a = ours(['train', file, model]);
			const b = theirs(['train', file]);
			row(`train ${n.toLocaleString()} rows (${sizeMb.toFixed(0)} MB, ${a.features} features), read + fit`, `${Math.round(a.readMs + a.fitMs)} ms: read ${a.readMs} ms, fit ${a.fitMs} ms (${a.iterations} Newton it.), AUC ${a.auc.toFixed(4)}, peak ${a.maxRssMb.toFixed(0)} MB`, b ? `${Math.round(b.readMs + b.fitMs)} ms: read ${b.readMs} ms, fit ${b.fitMs} ms (lbfgs), AUC ${b.auc.toFixed(4)}, peak ${b.maxRssMb.toFixed(0)} MB` : 'scikit-learn not installed', `read + fit ${ratio(a.readMs + a.fitMs, b ? b.readMs + b.fitMs : undefined)}, fit ${ratio(a.fitMs, b?.fitMs)}, ΔAUC ${b ? (a.auc - b.auc).toFixed(5) : 'n/a'}`);
		}
		if (n === 1_000_000 && want('score')) {
			const s = await cliScore(file, dir);
			const t = theirs(['score', file, join(dir, 'theirs_scored.csv')]);
			row(`batch-score ${n.toLocaleString()} rows CSV → CSV (${sizeMb.toFixed(0)} MB), \`node src/cli/bin.js score\` (what \`npm run lab -- score\` runs) start to exit`, `${Math.round(s.ms)} ms, peak ${s.peakMb.toFixed(0)} MB (${(s.peakMb / sizeMb).toFixed(2)}× file)`, t ? `${t.totalMs} ms (read_csv + predict_proba + to_csv), peak ${t.maxRssMb.toFixed(0)} MB` : 'pandas not installed', `time ${ratio(s.ms, t?.totalMs)}`);
		}
	}
	if (want('score')) {
		// Streaming keeps memory flat as files grow: score a file twice the size (ours only).
		const big = join(dir, 'accounts_2000000.csv');
		writeFileSync(big, tableToCsv(generateDelinquencyTable(2_000_000, 8)));
		const bigMb = statSync(big).size / 2 ** 20;
		const s2 = await cliScore(big, dir, 'scored_2m.csv');
		row(`batch-score 2,000,000 rows (${bigMb.toFixed(0)} MB), no heap cap`, `${Math.round(s2.ms)} ms, peak ${s2.peakMb.toFixed(0)} MB (${(s2.peakMb / bigMb).toFixed(2)}× file)`, 'not run', 'memory does not grow with the file');
	}
	if (want('search')) console.log(`\n${(await import('./search-bench')).searchReport.join('\n')}`);
	if (want('monitor')) console.log((await monitorBench()).join('\n'));
	if (want('export')) console.log(azuremlExportBench(dir).join('\n'));
	if (want('rag')) console.log((await (await import('./rag-bench')).ragBench()).join('\n'));
	if (existsSync(join(here, '../../build/index.html'))) {
		if (want('review')) console.log((await reviewBench()).join('\n'));
		if (want('online')) console.log((await onlineLatencyBench()).join('\n'));
		if (want('browser')) console.log((await batchBrowserBench(join(dir, 'accounts_1000000.csv'), dir)).join('\n'));
	} else console.log('review, online endpoint and browser batch benchmarks skipped: run `npm run build` first');
	console.log('\nPrep Lab benchmarks (ours vs scikit-learn 1.2 / pandas, same files, same run)\n');
	const widths = [0, 1, 2, 3].map((i) => Math.max(...[['task', 'Prep Lab', 'scikit-learn / pandas', 'ratio'], ...rows].map((r) => r[i]!.length)));
	for (const r of [['task', 'Prep Lab', 'scikit-learn / pandas', 'ratio'], ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(' | '));
} finally {
	rmSync(dir, { recursive: true, force: true });
}
