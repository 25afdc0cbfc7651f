// Where grading a card spends its time with a large history: restores the review benchmark's
// backup (10,000 card states, 100,000 reviews) into the built app, then times, in the page, each
// IndexedDB read the review screen makes and profiles ten grades with Chromium's CPU profiler.
// `BENCH_PORT=4194 node --import tsx tests/bench/review-profile.ts` (after `npm run build`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApp } from './built-app';
import { bigBackup } from './review-bench';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const app = await startBuiltApp(PORT);
try {
	const file = join(mkdtempSync(join(tmpdir(), 'prep-lab-profile-')), 'big-backup.json');
	writeFileSync(file, bigBackup(10_000, 100_000));
	const page = await (await app.browser.newContext()).newPage();
	await page.goto(`${app.base}/settings`);
	await page.locator('#backup-file').setInputFiles(file);
	await page.getByRole('button', { name: 'Replace my data with this backup' }).click({ timeout: 120_000 });
	await page.getByTestId('backup-message').waitFor({ timeout: 120_000 });
	// Each read, timed alone in the page (a string: tsx would add helpers the page does not have).
	const reads = await page.evaluate(`(async () => {
		const db = await new Promise((ok, no) => { const r = indexedDB.open('prep-lab'); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
		const run = (store, make) => new Promise((ok, no) => { const t0 = performance.now(); const r = make(db.transaction(store).objectStore(store)); r.onsuccess = () => ok([performance.now() - t0, Array.isArray(r.result) ? r.result.length : r.result]); r.onerror = () => no(r.error); });
		const day = new Date(); day.setHours(0, 0, 0, 0);
		const out = {};
		for (let i = 0; i < 3; i++) {
			out['cardStates getAllKeys'] = await run('cardStates', (s) => s.getAllKeys());
			out['cardStates getAll (flag counts)'] = await run('cardStates', (s) => s.getAll());
			out['cardStates by-due ≤ now+20 min'] = await run('cardStates', (s) => s.index('by-due').getAll(IDBKeyRange.upperBound(new Date(Date.now() + 1200000))));
			out['reviewLogs by-time since midnight'] = await run('reviewLogs', (s) => s.index('by-time').getAll(IDBKeyRange.lowerBound(day)));
			out['reviewLogs count'] = await run('reviewLogs', (s) => s.count());
			out['cardStates get one'] = await run('cardStates', (s) => s.get('bench/1'));
		}
		db.close();
		return out;
	})()`);
	for (const [name, [ms, n]] of Object.entries(reads as Record<string, [number, number]>)) console.log(`${name.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms  (${n} records)`);

	await page.goto(`${app.base}/cards`);
	await page.getByTestId('review-card').waitFor();
	await page.locator('h1').click();
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	await cdp.send('Profiler.start');
	for (let i = 0; i < 10; i++) {
		const id = await page.getByTestId('review-card').getAttribute('data-card-id');
		await page.keyboard.press('Space');
		await page.getByTestId('answer').waitFor();
		await page.keyboard.press('3');
		await page.waitForFunction((before) => document.querySelector('[data-testid=review-card]')?.getAttribute('data-card-id') !== before, id);
	}
	const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
	const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const self = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const f = byNode.get(id)!;
		const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
		self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	});
	console.log('\nCPU self time over 10 grades (top 15):');
	for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
	const marks = (await page.evaluate(`performance.getEntriesByName('prep-lab:grade-to-next-card').map((e) => e.duration)`)) as number[];
	console.log(`\ngrade → next card while profiling: ${marks.map((m) => m.toFixed(1)).join(', ')} ms`);
} finally {
	await app.close();
}
