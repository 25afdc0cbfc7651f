// Search over the whole content index: MiniSearch against a plain substring scan of the same
// documents (the reference), timed in the same run. Run by `npm run bench`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildContent } from '../../src/lib/content/bundle';
import { buildSearchDocs } from '../../src/lib/search/search-docs';
import { buildSearchIndex, loadSearchIndex, searchContent } from '../../src/lib/search/search-index';

const root = join(import.meta.dirname, '../../content');
const files: Record<string, string> = {};
const walk = (d: string) => {
	for (const n of readdirSync(d)) {
		const p = join(d, n);
		if (statSync(p).isDirectory()) walk(p);
		else files[relative(root, p)] = readFileSync(p, 'utf8');
	}
};
walk(root);
const docs = buildSearchDocs(buildContent(files).content);
const json = JSON.stringify(buildSearchIndex(docs));
let t = performance.now();
const index = loadSearchIndex(json);
const loadMs = performance.now() - t;

const queries = ['blue green traffic', 'bandit slack factor', 'mltable', 'managed online endpoint key', 'prompt flow variant', 'drift monitoring', 'cater tradeoffs', 'compute cluster idle'];
const time = (fn: (q: string) => unknown, rounds = 50) => {
	const samples: number[] = [];
	for (let r = 0; r < rounds; r++) {
		for (const q of queries) {
			const s = performance.now();
			fn(q);
			samples.push(performance.now() - s);
		}
	}
	samples.sort((a, b) => a - b);
	return { median: samples[samples.length >> 1]!, p95: samples[Math.floor(samples.length * 0.95)]! };
};
const lowered = docs.map((d) => `${d.title} ${d.text}`.toLowerCase());
const scan = (q: string) => {
	const words = q.toLowerCase().split(/\s+/);
	return lowered.filter((text) => words.every((w) => text.includes(w)));
};
const mini = time((q) => searchContent(index, q));
const naive = time(scan);
export const searchReport = [
	`search index: ${docs.length} documents, ${(json.length / 1024).toFixed(0)} KB JSON, loads in ${loadMs.toFixed(1)} ms`,
	`search query (MiniSearch, prefix + fuzzy): median ${mini.median.toFixed(2)} ms, p95 ${mini.p95.toFixed(2)} ms`,
	`reference (substring scan, exact words only): median ${naive.median.toFixed(2)} ms, p95 ${naive.p95.toFixed(2)} ms`
];
