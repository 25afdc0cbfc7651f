// "Read CSV to columns" (`npm run bench -- --only csv`): the same 1M-row file read into typed columns
// by each candidate, each in its own process, and pandas.read_csv on it in the same run. The app's
// reader is `ours` (src/lib/ml/csv-tokenize.ts + csv-rows.ts); papaparse is how it read CSV before;
// uDSV is the fastest string-row parser we measured. Rounds alternate the readers, so load from
// other processes falls on each alike; the median of the rounds is reported.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const READERS = ['ours', 'udsv', 'papaparse'] as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function run(command: string, args: string[]): { ms: number; rows: number; maxRssMb: number } {
	const out = execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
	return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** Table rows [task, Prep Lab, reference, ratio] for the read-to-columns comparison. */
export function csvReadRows(file: string, rounds: number, hasPandas: boolean): string[][] {
	const sizeMb = statSync(file).size / 2 ** 20;
	const times: Record<string, number[]> = { pandas: [] };
	const peaks: Record<string, number> = {};
	let rows = 0;
	for (let round = 0; round < rounds; round++) {
		for (const reader of round % 2 ? [...READERS].reverse() : READERS) {
			const r = run(process.execPath, ['--import', 'tsx', join(here, 'csv-read-task.ts'), reader, file]);
			(times[reader] ??= []).push(r.ms);
			peaks[reader] = Math.max(peaks[reader] ?? 0, r.maxRssMb);
			rows = r.rows;
		}
		if (hasPandas) {
			const p = run('/usr/bin/python3', [join(here, 'sklearn_task.py'), 'read', file]);
			times.pandas!.push(p.ms);
			peaks.pandas = Math.max(peaks.pandas ?? 0, p.maxRssMb);
		}
	}
	const pandas = hasPandas ? median(times.pandas!) : undefined;
	const cell = (name: string) => `${Math.round(median(times[name]!))} ms, peak ${peaks[name]!.toFixed(0)} MB`;
	const ratio = (ms: number) => (pandas ? `${(ms / pandas).toFixed(2)}× pandas` : 'n/a');
	return READERS.map((reader) => [
		`read ${rows.toLocaleString('en')}-row CSV (${sizeMb.toFixed(0)} MB) to typed columns: ${reader === 'ours' ? 'Prep Lab (byte-level)' : reader}`,
		cell(reader),
		pandas ? `pandas read_csv ${Math.round(pandas)} ms, peak ${peaks.pandas!.toFixed(0)} MB` : 'pandas not installed',
		`${ratio(median(times[reader]!))} (median of ${rounds})`
	]);
}
