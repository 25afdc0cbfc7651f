// The import rules of ARCHITECTURE.md, checked on every test run. A forbidden arrow fails with the
// file and the import named. There are no exceptions.
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

const CORE = ['ml', 'study', 'lab', 'rag', 'content', 'charts'];
const UI_ONLY = /^(svelte(\/|$)|\$app\/|\$service-worker|idb$|fake-indexeddb)/;

describe('import rules', () => {
	it('pure core (ml, study, lab, rag, content, charts) imports no Svelte, SvelteKit, IndexedDB, UI, app or database code', () => {
		const bad: string[] = [];
		for (const folder of CORE) {
			for (const file of sourceFiles(`src/lib/${folder}`)) {
				if (file.endsWith('.svelte') || file.endsWith('.svelte.ts')) bad.push(`${file} is a Svelte file in the pure core`);
				for (const spec of importsOf(file)) {
					if (UI_ONLY.test(spec)) bad.push(`${file} imports ${spec}`);
					for (const layer of ['ui', 'app', 'workers', 'db']) if (pointsInto(file, spec, layer)) bad.push(`${file} imports ${spec}`);
				}
			}
		}
		expect(bad).toEqual([]);
	});

	it('inside the core, the lab builds on ml, rag, study and charts, never the other way', () => {
		// lab is the top of the core (it puts ml and rag to work); charts and ml know nothing of study,
		// rag or lab; rag (the retrieval-augmented lab's engine) knows nothing of study or lab.
		const below: Record<string, string[]> = { ml: ['lab', 'study', 'rag'], charts: ['lab', 'study', 'ml', 'rag'], study: ['lab', 'rag'], content: ['lab', 'rag'], rag: ['lab', 'study'] };
		const bad = Object.entries(below).flatMap(([folder, forbidden]) =>
			sourceFiles(`src/lib/${folder}`).flatMap((file) =>
				importsOf(file)
					.filter((spec) => forbidden.some((f) => pointsInto(file, spec, f)))
					.map((spec) => `${file} imports ${spec}`)
			)
		);
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

	it('routes and components reach the database only through the application layer', () => {
		const bad = [...sourceFiles('src/routes'), ...sourceFiles('src/lib/ui')].flatMap((file) =>
			importsOf(file)
				.filter((spec) => pointsInto(file, spec, 'db'))
				.map((spec) => `${file} imports ${spec}: call a module in src/lib/app instead`)
		);
		expect(bad).toEqual([]);
	});
});
