// Review speed with a large history: time from a grade to the next card on screen (state updated,
// queue moved on, page updated) and the IndexedDB write per review, in Chromium against the built
// app, over 90 grades after 10 uncounted ones (the page's code warmed up alike for both), with
// 10,000 card states and 100,000 logged reviews restored from a backup, and the same with an empty
// history as the reference (both with 100 new cards a day, so every grade finds a card, and both
// measured once the service worker has finished precaching the app). Needs `npm run build` first; run by `npm run bench`, or alone with
// `BENCH_PORT=4194 node --import tsx tests/bench/review-bench-main.ts`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/lib/backup/backup-format';
import { toTaggedJson } from '../../src/lib/backup/tagged-json';
import { seededRandom } from '../../src/lib/ml/random';
import { gradeCard, newCardState, Rating } from '../../src/lib/study/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../src/lib/study/study-settings';
import { startBuiltApp } from './built-app';

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const GRADES = 90;
const WARM_UP = 10;

export function bigBackup(states: number, reviews: number): string {
	const random = seededRandom(7);
	const now = Date.now();
	// A mature collection: 5 % of cards due today (a heavy day), the rest spread over the next 60 days.
	const cardStates = Array.from({ length: states }, (_, i) => {
		const at = new Date(now - Math.floor(random() * 300) * 86_400_000);
		const state = gradeCard(newCardState(`bench/${i}`, at), Rating.Easy, at, 0).next;
		const due = new Date(random() < 0.05 ? now - 3_600_000 : now + (1 + Math.floor(random() * 60)) * 86_400_000);
		return { ...state, due, fsrs: { ...state.fsrs, due } };
	});
	const reviewLogs = Array.from({ length: reviews }, (_, i) => ({
		id: i + 1,
		cardId: `bench/${i % states}`,
		grade: 1 + Math.floor(random() * 4),
		reviewedAt: new Date(now - Math.floor(random() * 365 * 86_400_000)),
		elapsedMs: 3000,
		stateBefore: 2,
		stateAfter: 2,
		scheduledDays: Math.floor(random() * 60)
	}));
	const settings = [{ key: 'study', value: { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 100 } }];
	const stores = { settings, cardStates, reviewLogs, interviewAttempts: [], examAttempts: [], mistakes: [], models: [], aliases: [], heldOut: [], datasets: [], files: [] };
	return toTaggedJson({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(), stores });
}

/** A new browser context holding the backup's data. */
async function restored(browser: Browser, states: number, reviews: number): Promise<Page> {
	const file = join(mkdtempSync(join(tmpdir(), 'prep-lab-bench-')), 'backup.json');
	writeFileSync(file, bigBackup(states, reviews));
	const page = await (await browser.newContext()).newPage();
	await page.goto(`http://127.0.0.1:${PORT}/settings`);
	await page.locator('#backup-file').setInputFiles(file);
	await page.getByRole('button', { name: 'Replace my data with this backup' }).click({ timeout: 120_000 });
	await page.getByTestId('backup-message').waitFor({ timeout: 120_000 });
	await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
	return page;
}

async function measure(page: Page, reviews: number) {
	await page.goto(`http://127.0.0.1:${PORT}/cards`);
	await page.getByTestId('review-card').waitFor();
	await page.locator('h1').click();
	for (let i = 0; i < WARM_UP + reviews; i++) {
		if (i === WARM_UP) await page.evaluate('performance.clearMeasures()');
		const card = page.getByTestId('review-card');
		const id = await card.getAttribute('data-card-id');
		await page.keyboard.press('Space');
		await page.getByTestId('answer').waitFor();
		await page.keyboard.press('3');
		await page.waitForFunction((before) => document.querySelector('[data-testid=review-card]')?.getAttribute('data-card-id') !== before, id);
	}
	// A string, not a function: tsx would add helpers the page does not have.
	const durations = (name: string) => page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}).map((e) => e.duration)`) as Promise<number[]>;
	const stats = (d: number[]) => {
		d.sort((a, b) => a - b);
		return { median: d[d.length >> 1]!, p95: d[Math.floor(d.length * 0.95)]! };
	};
	return { next: stats(await durations('prep-lab:grade-to-next-card')), write: stats(await durations('prep-lab:review-write')) };
}

export async function reviewBench(): Promise<string[]> {
	const app = await startBuiltApp(PORT);
	const { browser } = app;
	try {
		const empty = await measure(await restored(browser, 0, 0), GRADES);
		const big = await measure(await restored(browser, 10_000, 100_000), GRADES);
		const f = (x: { median: number; p95: number }) => `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms`;
		return [
			`review, empty history (reference), ${GRADES} grades: grade → next card ${f(empty.next)}; IndexedDB write ${f(empty.write)}`,
			`review, 10,000 card states + 100,000 reviews, ${GRADES} grades: grade → next card ${f(big.next)}; IndexedDB write ${f(big.write)} (median ${(big.next.median / empty.next.median).toFixed(2)}×, p95 ${(big.next.p95 / empty.next.p95).toFixed(2)}× the reference)`
		];
	} finally {
		await app.close();
	}
}
