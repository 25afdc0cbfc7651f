// Studying on two devices without a server: each exports a backup and merges the other's, through
// the Settings page (download, then upload). Both must end with every review and the same schedules.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function open(p: Page, url: string) {
	await p.goto(url);
	await p.locator('html[data-interactive]').waitFor();
}

/** Grades the card shown on /cards and returns its id. */
async function grade(p: Page, key: '3' | '4'): Promise<string> {
	const card = p.getByTestId('review-card');
	await expect(card).toBeVisible();
	const id = (await card.getAttribute('data-card-id'))!;
	await p.keyboard.press('Space');
	await p.keyboard.press(key);
	await expect(card).not.toHaveAttribute('data-card-id', id);
	return id;
}

async function exportBackup(p: Page): Promise<string> {
	await open(p, '/settings');
	const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export a backup' }).click()]);
	await expect(p.getByTestId('backup-message')).toContainText('Exported');
	return (await download.path())!;
}

async function choose(p: Page, path: string) {
	await open(p, '/settings');
	await p.locator('#backup-file').setInputFiles(path);
	await expect(p.getByTestId('backup-preview')).toBeVisible();
}

/** What a learner sees of the study state: today's counts, each studied card's row in the browser, and the review total. */
async function studyState(p: Page) {
	await open(p, '/cards');
	await expect(p.getByTestId('review-card')).toBeVisible();
	const counts = await p.locator('.counts').textContent();
	await open(p, '/cards/browse');
	const rows: string[] = [];
	for (const state of ['learning', 'review']) {
		await p.getByRole('combobox', { name: 'State' }).selectOption(state);
		await expect(p.locator(`tr[data-card-id]:not(:has(.badge.${state}))`)).toHaveCount(0);
		for (const row of await p.locator('tr[data-card-id]').all()) rows.push(`${await row.getAttribute('data-card-id')}: ${(await row.innerText()).replace(/\s+/g, ' ')}`);
	}
	await open(p, '/progress');
	const reviews = await p.locator('.card', { hasText: 'Reviews in total' }).locator('.stat').textContent();
	return { counts, rows: rows.sort(), reviews };
}

test('two devices study different cards and the same card, merge both ways and end in the same study state', async ({ page: phone, browser, baseURL }) => {
	// Two browsers, each studying, exporting and merging twice: more steps than one test's default time.
	test.setTimeout(240_000);
	const laptopContext = await browser.newContext({ baseURL, acceptDownloads: true, serviceWorkers: 'allow' });
	const laptop = await laptopContext.newPage();

	// Phone: the first card (Good), then a card of another deck.
	await open(phone, '/cards');
	const same = await grade(phone, '3');
	await phone.getByLabel('AI-300 GenAIOps facts').uncheck();
	const phoneOnly = await grade(phone, '3');
	await phone.getByLabel('AI-300 GenAIOps facts').check();
	// Laptop: the same first card (Easy), then the next one.
	await open(laptop, '/cards');
	expect(await grade(laptop, '4')).toBe(same);
	const laptopOnly = await grade(laptop, '3');
	expect(new Set([same, phoneOnly, laptopOnly]).size).toBe(3);

	// Phone → laptop: the preview says what is added before anything is written.
	const phoneFile = await exportBackup(phone);
	await choose(laptop, phoneFile);
	await expect(laptop.getByLabel('Merge with my data (nothing here is removed)')).toBeChecked();
	const preview = laptop.getByTestId('merge-preview');
	await expect(preview.locator('tr', { hasText: 'Reviews' })).toContainText(/Reviews\s*2/);
	await expect(preview.locator('tr', { hasText: 'Card schedules that change' })).toContainText(/2$/);
	await laptop.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(laptop.getByTestId('backup-message')).toContainText('Merged the backup: added 2 reviews');

	// Laptop → phone.
	const laptopFile = await exportBackup(laptop);
	await choose(phone, laptopFile);
	await phone.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(phone.getByTestId('backup-message')).toContainText('Merged the backup: added 2 reviews');

	const onPhone = await studyState(phone);
	const onLaptop = await studyState(laptop);
	expect(onPhone.reviews).toBe('4');
	expect(onPhone.rows.map((r) => r.split(':')[0]).sort()).toEqual([same, phoneOnly, laptopOnly].sort());
	expect(onLaptop).toEqual(onPhone);

	// Merging the same file again changes nothing.
	await choose(laptop, phoneFile);
	await laptop.getByRole('button', { name: 'Merge into my data' }).click();
	await expect(laptop.getByTestId('backup-message')).toHaveText('Nothing to merge: this device already has everything in the backup.');

	// A corrupt file (cut short, or with a review graded 7) changes nothing and says what is wrong and where.
	const text = readFileSync(laptopFile, 'utf8');
	await open(phone, '/settings');
	const upload = (name: string, body: string) => phone.locator('#backup-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
	await upload('cut.json', text.slice(0, Math.floor(text.length / 2)));
	await expect(phone.getByTestId('backup-error')).toContainText('"cut.json" cannot be restored: The file is not valid JSON');
	const tampered = JSON.parse(text);
	tampered.stores.reviewLogs[1].grade = 7;
	await upload('tampered.json', JSON.stringify(tampered));
	await expect(phone.getByTestId('backup-error')).toHaveText('"tampered.json" cannot be restored: Review history (reviewLogs), record 2: "grade" is missing or has the wrong type. Nothing was changed.');
	await expect(phone.getByTestId('backup-preview')).toHaveCount(0);
	expect(await studyState(phone)).toEqual(onPhone);
	await laptopContext.close();
});

test('replace asks first, saying what only this device has', async ({ page }) => {
	await open(page, '/cards');
	await grade(page, '3');
	const file = await exportBackup(page);
	await open(page, '/cards');
	await grade(page, '3');
	await choose(page, file);
	await page.getByLabel("Replace my data with the backup's").check();
	await expect(page.getByTestId('replace-loses')).toHaveText('Only on this device, lost for good: Card schedules 1, Review history 1. Merge keeps them.');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('backup-preview')).toHaveCount(0);
});
