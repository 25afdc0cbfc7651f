// `npm run size`: JavaScript each prerendered page loads (its modulepreload links and entry
// imports), gzipped. Run after `npm run build`. Workers and lazily imported code are not counted:
// they load on use. The same measurement backs the size-budget test in tests/e2e/size-budget.spec.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measurePrecache } from './precache-size';

export interface RouteSize {
	route: string;
	kb: number;
	files: number;
}

export function measureRouteSizes(build = join(import.meta.dirname, '../../build')): RouteSize[] {
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== '_app') walk(path);
			} else if (name.endsWith('.html')) pages.push(path);
		}
	};
	walk(build);
	const gz = new Map<string, number>();
	const gzipped = (file: string) => {
		if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file)).length);
		return gz.get(file)!;
	};
	const rows = pages
		.map((page) => {
			const html = readFileSync(page, 'utf8');
			const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
			const entries = [...html.matchAll(/import\("([^"]+\.js)"\)/g)].map((m) => m[1]!);
			const scripts = new Set([...preloads, ...entries]);
			const bytes = [...scripts].reduce((sum, href) => sum + gzipped(join(build, href.replace(/^(\.\.\/|\.\/|\/)+/, ''))), 0);
			const route = `/${relative(build, page).replace(/(index)?\.html$/, '')}`.replace(/\/$/, '') || '/';
			return { route, kb: bytes / 1024, files: scripts.size };
		})
		.sort((a, b) => b.kb - a.kb);
	// One line per route shape: e.g. every /notes/<id> page shares its JavaScript.
	const byRoute = new Map<string, RouteSize>();
	for (const r of rows) {
		const key = r.route
			.replace(/^\/notes\/.+/, '/notes/[id]')
			.replace(/^\/interview\/.+/, '/interview/[id]')
			.replace(/^\/exam\/(?!practice$).+/, '/exam/[domain]');
		if (!byRoute.has(key)) byRoute.set(key, { ...r, route: key });
	}
	return [...byRoute.values()];
}

if (process.argv[1]?.endsWith('route-sizes.ts')) {
	console.log('route'.padEnd(16), 'JS gzip'.padStart(10), 'files'.padStart(6));
	for (const r of measureRouteSizes()) console.log(r.route.padEnd(16), `${r.kb.toFixed(1)} KB`.padStart(10), String(r.files).padStart(6));
	const precache = measurePrecache();
	const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
	console.log(`\nservice worker precache: ${precache.files} files, ${mb(precache.bytes)}; largest:`);
	for (const f of precache.largest) console.log(`  ${f.path.padEnd(40)} ${mb(f.bytes).padStart(10)}`);
}
