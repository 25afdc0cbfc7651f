// The import rules of ARCHITECTURE.md, checked on every test run. A forbidden arrow fails with the
// file and the import named. The known exceptions are listed below; the list may only shrink: an
// entry that no longer imports what it is listed for fails too, so it is removed when fixed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
	if (!existsSync(join(ROOT, dir))) return [];
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

/** True when `spec`, imported from `file`, resolves into the folder `src/lib/<folder>`. */
function pointsInto(file: string, spec: string, folder: string): boolean {
	if (spec.startsWith('$lib/')) return spec === `$lib/${folder}` || spec.startsWith(`$lib/${folder}/`);
	if (!spec.startsWith('.')) return false;
	const resolved = relative(ROOT, join(ROOT, file, '..', spec)).replaceAll('\\', '/');
	return resolved === `src/lib/${folder}` || resolved.startsWith(`src/lib/${folder}/`);
}

// Routes that still assemble workflows from database calls. Each moves behind src/lib/app.
const ROUTES_USING_DB = new Set([
	'src/routes/+layout.svelte',
	'src/routes/cards/+page.svelte',
	'src/routes/cards/review-session.svelte.ts',
	'src/routes/interview/interview-overview.svelte.ts',
	'src/routes/lab/batch/batch-endpoint.svelte.ts',
	'src/routes/lab/data/datastore-view.svelte.ts',
	'src/routes/lab/endpoints/endpoints-page.svelte.ts',
	'src/routes/lab/models/model-registry-page.svelte.ts',
	'src/routes/lab/monitor/monitor-page.svelte.ts',
	'src/routes/lab/responsible-ai/responsible-ai-page.svelte.ts',
	'src/routes/lab/runs/runs-view.svelte.ts',
	'src/routes/lab/sweep/sweep-job.svelte.ts',
	'src/routes/lab/train/train-run.svelte.ts',
	'src/routes/settings/backup-panel.svelte.ts'
]);

// Lab modules that still take their record types from the database schema (a type-level cycle).
const CORE_USING_DB_TYPES = new Set(['src/lib/lab/endpoint-console.ts', 'src/lib/lab/train-run-record.ts', 'src/lib/lab/runs-table.ts', 'src/lib/lab/online-endpoint.ts']);

const CORE = ['ml', 'study', 'lab', 'content'];
const UI_ONLY = /^(svelte(\/|$)|\$app\/|\$service-worker|idb$|fake-indexeddb)/;

describe('import rules', () => {
	it('pure core (ml, study, lab, content) imports no Svelte, SvelteKit, IndexedDB, UI, app or database code', () => {
		const bad: string[] = [];
		for (const folder of CORE) {
			for (const file of sourceFiles(`src/lib/${folder}`)) {
				if (file.endsWith('.svelte') || file.endsWith('.svelte.ts')) bad.push(`${file} is a Svelte file in the pure core`);
				for (const spec of importsOf(file)) {
					if (UI_ONLY.test(spec)) bad.push(`${file} imports ${spec}`);
					for (const layer of ['ui', 'app', 'workers']) if (pointsInto(file, spec, layer)) bad.push(`${file} imports ${spec}`);
					if (pointsInto(file, spec, 'db') && !CORE_USING_DB_TYPES.has(file)) bad.push(`${file} imports ${spec}`);
				}
			}
		}
		expect(bad).toEqual([]);
	});

	it('the application layer imports no Svelte components, routes or UI code', () => {
		const bad = sourceFiles('src/lib/app').flatMap((file) =>
			importsOf(file)
				.filter((spec) => /^(svelte|\$app\/)/.test(spec) || spec.endsWith('.svelte') || pointsInto(file, spec, 'ui') || spec.includes('/routes/'))
				.map((spec) => `${file} imports ${spec}`)
		);
		expect(bad).toEqual([]);
	});

	it('routes reach the database only through the application layer (known exceptions shrinking)', () => {
		const files = sourceFiles('src/routes');
		const usingDb = files.filter((file) => importsOf(file).some((spec) => pointsInto(file, spec, 'db')));
		const newOnes = usingDb.filter((f) => !ROUTES_USING_DB.has(f));
		const fixed = [...ROUTES_USING_DB].filter((f) => !usingDb.includes(f));
		expect(newOnes, 'route files that import $lib/db: call a module in src/lib/app instead').toEqual([]);
		expect(fixed, 'no longer import $lib/db: remove them from ROUTES_USING_DB').toEqual([]);
	});

	it('lab core modules listed as using database types still do (remove them from the list when fixed)', () => {
		const fixed = [...CORE_USING_DB_TYPES].filter((file) => !importsOf(file).some((spec) => pointsInto(file, spec, 'db')));
		expect(fixed).toEqual([]);
	});
});
