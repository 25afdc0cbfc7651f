// Shared by the tests that run the exported Azure ML files with a real Python: finding a Python with
// the modules a test needs, writing an export to a temporary folder, and records that exercise score().
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { exportFiles } from '../../../src/lib/ml/azureml-export';
import { bundleFolder } from '../../../src/lib/ml/azureml-names';
import { generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import type { FeatureRecord, ModelVersion } from '../../../src/lib/ml/model-artifact';

/** Debian's Python first (python3-numpy, python3-pandas), then whatever python3 is on PATH. */
const CANDIDATES = ['/usr/bin/python3', 'python3'];

/** The first Python that imports every module, or the reason none does (printed in the skipped test's name). */
export function findPython(modules: string[]): { python: string; skip: null } | { python: null; skip: string } {
	for (const python of CANDIDATES) {
		const probe = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
		if (!probe.error && probe.status === 0) return { python, skip: null };
	}
	const packages = modules.map((m) => `python3-${m}`).join(' ');
	return { python: null, skip: `no ${CANDIDATES.join(' or ')} with ${modules.join(' and ')} (apt-get install ${packages})` };
}

/** Writes the version's export under a new temporary folder; returns its root (`<tmp>/<name>-v<n>`) and a cleanup. */
export function writeExport(version: ModelVersion): { root: string; dir: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'azureml-export-'));
	for (const [path, text] of Object.entries(exportFiles(version))) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return { root: join(dir, bundleFolder(version)), dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs Python code; any output on stderr (a warning too) fails, since a learner's deployment log should stay clean. */
export function runPython(python: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): string {
	const run = spawnSync(python, args, { encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 });
	if (run.error || run.status !== 0 || run.stderr) throw new Error(`${python} failed: ${run.error?.message ?? run.stderr}`);
	return run.stdout;
}

/** Records from the generator (its missing values as null). */
export function generatedRecords(rows: number, seed: number): FeatureRecord[] {
	const table = generateDelinquencyTable(rows, seed);
	return Array.from({ length: table.rows }, (_, i) => {
		const record: FeatureRecord = {};
		for (const c of table.columns) {
			const v = c.values[i];
			record[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
		}
		return record;
	});
}

export interface PyResult {
	prediction: number | null;
	probability: number | null;
	errors?: { field: string; message: string }[];
}
