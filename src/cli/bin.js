#!/usr/bin/env node
// Entry for the `prep-lab` command. The TypeScript CLI is bundled by esbuild (about 0.1 s) and run by
// plain Node, so the CLI and the browser share the same source with no separate build step. Bundling
// replaced running the source through tsx: tsx's loader thread alone cost about 30 MB and a second of
// start-up on every command, and `score` is measured against its input file's size.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '../../node_modules/.cache/prep-lab-cli');
const { outputFiles } = await build({
	entryPoints: { run: join(here, 'run.ts') },
	bundle: true,
	// Dynamic imports become their own chunks, so a command's modules (the RAG engine's tokenizer for
	// `rag-eval`) load only when that command runs.
	splitting: true,
	outdir: cache,
	chunkNames: '[name]-[hash]',
	platform: 'node',
	format: 'esm',
	target: 'node20',
	// Packages stay imports that Node resolves from node_modules; a command's packages load with its chunk.
	packages: 'external',
	// The bundle lives elsewhere: import.meta.dirname is src/cli wherever it is used, which is where the
	// one file that uses it (content-files.ts) is. Code the CLI reaches must not use import.meta.url.
	define: { 'import.meta.dirname': JSON.stringify(here) },
	// .mjs: under node_modules no package.json says these files are ES modules.
	outExtension: { '.js': '.mjs' },
	write: false,
	logLevel: 'error'
});
await stop(); // esbuild's service process is not needed again
// One folder per distinct build: runs of the same sources share it, and it is complete or absent.
const hash = createHash('sha256');
for (const f of outputFiles) hash.update(f.path).update(f.contents);
const name = hash.digest('hex').slice(0, 16);
const folder = join(cache, name);
if (existsSync(folder)) {
	// In use: the clean-up below (by a run of other sources) judges a build's age by this time.
	const now = new Date();
	try {
		utimesSync(folder, now, now);
	} catch {
		// a read-only cache: nothing is removed from it either
	}
} else {
	// Another run may be writing the same build: each writes its own temporary folder and renames it.
	const temporary = `${folder}.${process.pid}.partial`;
	for (const f of outputFiles) {
		mkdirSync(dirname(join(temporary, relative(cache, f.path))), { recursive: true });
		writeFileSync(join(temporary, relative(cache, f.path)), f.contents);
	}
	try {
		renameSync(temporary, folder);
	} catch {
		rmSync(temporary, { recursive: true, force: true }); // the other run's rename came first
	}
	// Builds of other sources (and partial folders of killed runs) unused for an hour are removed.
	for (const old of readdirSync(cache)) {
		const path = join(cache, old);
		try {
			if (old !== name && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
		} catch {
			// removed by another run meanwhile
		}
	}
}
await import(pathToFileURL(join(folder, 'run.mjs')).href);
