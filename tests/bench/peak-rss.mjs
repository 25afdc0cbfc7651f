// Peak memory of a benchmarked process: VmHWM from /proc/self/status, the high-water mark of this
// program's own memory. getrusage's maxRSS is not used: on Linux it keeps the high-water mark of the
// process image before exec, so a child started by a large parent (the bench runner holds the
// generated tables) reported the parent's size, not its own (measured: 153 MB against 77 MB).
// Loaded with `node --import` into a measured process, it writes the figure (MB) to BENCH_RSS_FILE on exit.
import { readFileSync, writeFileSync } from 'node:fs';

/** Peak resident set size of this process, in MB. */
export function peakRssMb() {
	const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
	return hwm ? Number(hwm[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

if (process.env.BENCH_RSS_FILE) {
	const file = process.env.BENCH_RSS_FILE;
	process.on('exit', () => writeFileSync(file, String(peakRssMb())));
}
