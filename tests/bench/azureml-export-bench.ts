// Azure ML export: time to build the zip, its size, and the exported score.py scoring a 100k-row CSV
// with python3 + numpy against the app's own scoreRows() on the same rows (the reference, same run).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tableToCsv } from '../../src/cli/main';
import { exportFiles, exportZip } from '../../src/lib/ml/azureml-export';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../src/lib/ml/delinquency-data';
import { scoreRows, type ModelVersion } from '../../src/lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../src/lib/ml/train-model';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export function azuremlExportBench(dir: string, rows = 100_000): string[] {
	const version: ModelVersion = { ...trainModel(generateDelinquencyTable(10_000, 3), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft, version: 1, description: '', tags: {} };
	const zipMs: number[] = [];
	let bytes = 0;
	for (let i = 0; i < 20; i++) {
		const t = performance.now();
		bytes = exportZip(version).length;
		zipMs.push(performance.now() - t);
	}
	const lines = ['', 'Azure ML export', `  build + zip: median ${median(zipMs).toFixed(1)} ms over 20 runs, ${(bytes / 1024).toFixed(1)} KB`];

	const root = join(dir, 'azureml-export');
	for (const [path, text] of Object.entries(exportFiles(version))) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	const csv = tableToCsv(generateDelinquencyTable(rows, 21));
	const file = join(dir, 'azureml-accounts.csv');
	writeFileSync(file, csv);
	const t = performance.now();
	// The generated file has no quoted fields, so splitting on commas reads it exactly.
	const [header, ...data] = csv.trim().split('\n').map((l) => l.split(','));
	const app = scoreRows(version, header!, data);
	const appMs = performance.now() - t;

	const py = spawnSync('/usr/bin/python3', [join(root, 'delinquency-v1/model/code/score.py'), join(root, 'delinquency-v1/model/model.json'), file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	if (py.error || py.status !== 0) return [...lines, `  score.py: not run (${py.error?.message ?? py.stderr.trim().split('\n').at(-1)})`];
	// score.py rounds to 6 decimals in its CSV output, so compare at that precision here (the unit test checks 1e-9).
	let worst = 0;
	py.stdout
		.trim()
		.split('\n')
		.forEach((line, k) => (worst = Math.max(worst, Math.abs(Number(line.split(',')[3]) - app.probabilities[k]!))));
	// Five fresh processes (a scoring container starts once per deployment, but each run is timed cold):
	// the median, with the range.
	const runs = Array.from({ length: 5 }, () => {
		const timed = spawnSync('/usr/bin/python3', ['-c', `import sys, time; sys.path.insert(0, ${JSON.stringify(join(root, 'delinquency-v1/model/code'))}); import score; score.init(${JSON.stringify(join(root, 'delinquency-v1/model/model.json'))}); t = time.perf_counter(); score.run([${JSON.stringify(file)}]); print(round((time.perf_counter() - t) * 1000))`], { encoding: 'utf8' });
		return Number(timed.stdout.trim());
	});
	lines.push(`  score.py (python3 + numpy) on ${rows.toLocaleString()} CSV rows: median ${median(runs)} ms in run() over 5 processes (${Math.min(...runs)}–${Math.max(...runs)}); app split + scoreRows: ${appMs.toFixed(0)} ms; largest difference ${worst.toExponential(1)} (6-decimal output)`);
	return lines;
}
