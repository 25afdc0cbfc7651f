// What the built service worker precaches on install: every path it lists (build output, static
// files, prerendered pages and their __data.json), with its size on disk. Run after `npm run build`;
// `npm run size` prints it under the route sizes.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PrecacheSize {
	files: number;
	bytes: number;
	/** The largest files, largest first. */
	largest: { path: string; bytes: number }[];
}

/** The file a precached path is served from: `/exam/practice` is `exam/practice.html`, `/` is `index.html`. */
function fileOf(build: string, path: string): string {
	const plain = join(build, path);
	if (existsSync(plain) && statSync(plain).isFile()) return plain;
	return path === '/' ? join(build, 'index.html') : `${plain}.html`;
}

export function measurePrecache(build = join(import.meta.dirname, '../../build')): PrecacheSize {
	const worker = readFileSync(join(build, 'service-worker.js'), 'utf8');
	// The built worker lists each asset as `<base>+` followed by a template literal with its path.
	const paths = [...new Set([...worker.matchAll(/\+`(\/[^`]*)`/g)].map((m) => m[1]!))];
	if (paths.length === 0) throw new Error('No precached paths found in build/service-worker.js: has its format changed?');
	const sized = paths.map((path) => ({ path, bytes: statSync(fileOf(build, path)).size })).sort((a, b) => b.bytes - a.bytes);
	return { files: sized.length, bytes: sized.reduce((s, f) => s + f.bytes, 0), largest: sized.slice(0, 8) };
}
