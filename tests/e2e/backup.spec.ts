import { readFileSync } from 'node:fs';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('export → delete everything → restore brings back reviews, settings and models', async ({ page }) => {
	// Some data: one review, a setting and a registered model.
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const reviewed = await card.getAttribute('data-card-id');
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(card).not.toHaveAttribute('data-card-id', reviewed!);
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('12');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');

	await page.goto('/settings');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^prep-lab-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const backupPath = await download.path();
	await expect(page.getByTestId('backup-message')).toContainText('Exported');

	await page.getByRole('button', { name: 'Delete all my data…' }).click();
	await page.getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByTestId('backup-message')).toHaveText('All data on this device was deleted.');
	await page.goto('/lab/models');
	await expect(page.getByTestId('no-models')).toBeVisible();

	await page.goto('/settings');
	await page.locator('#backup-file').setInputFiles(backupPath);
	const preview = page.getByTestId('backup-preview');
	await expect(preview).toBeVisible();
	await expect(preview.locator('tr', { hasText: 'Review history' })).toContainText(/Review history\s*0\s*1/);
	await expect(preview.locator('tr', { hasText: 'Registered models' })).toContainText(/0\s*1/);
	await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
	await expect(page.getByTestId('backup-message')).toContainText('Restored the backup');
	await page.reload();
	await expect(page.getByLabel('New cards per day')).toHaveValue('12');
	await page.goto('/lab/models');
	await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(1);
	await page.goto('/cards');
	await expect(card).toBeVisible();
	expect(await card.getAttribute('data-card-id')).not.toBe(reviewed);
	await expect(page.locator('.counts .new')).toHaveText('11 new');
});

test('a corrupt or foreign backup is refused with the reason and nothing changes', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('9');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	const upload = (name: string, text: string) => page.locator('#backup-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
	await upload('photo.json', '{"type":"not a backup"}');
	await expect(page.getByTestId('backup-error')).toHaveText('"photo.json" cannot be restored: This file is not a Prep Lab backup. Nothing was changed.');
	await upload('cut.json', '{"format":"prep-lab-backup","version":1,"stores":{"reviewLogs":[');
	await expect(page.getByTestId('backup-error')).toContainText('The file is not valid JSON');
	await upload('evil.json', JSON.stringify({ format: 'prep-lab-backup', version: 1, exportedAt: { $date: '2026-11-25T00:00:00Z' }, stores: { mistakes: [{ itemId: 'x', front: '<img src=x onerror=alert(1)>', back: 'b', addedAt: 'soon' }] } }));
	await expect(page.getByTestId('backup-error')).toContainText('Mistakes deck (mistakes), record 1: "addedAt" is missing or has the wrong type.');
	await expect(page.getByTestId('backup-preview')).toHaveCount(0);
	await page.reload();
	await expect(page.getByLabel('New cards per day')).toHaveValue('9');
});

test('decks export as tab-separated text for Anki', async ({ page }) => {
	await page.goto('/cards');
	await expect(page.getByTestId('review-card')).toBeVisible();
	await page.getByLabel('DP-100 exam facts').uncheck();
	await page.getByLabel('Azure concepts for interviews').uncheck();
	await page.getByLabel('AI-300 MLOps facts').uncheck();
	await page.getByLabel('AI-300 GenAIOps facts').uncheck();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for Anki' }).click()]);
	const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
	expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:3']);
	expect(lines).toHaveLength(3 + 28);
	expect(lines[3]!.split('\t')).toHaveLength(3);
	expect(lines[3]!.split('\t')[2]).toMatch(/^prep-lab::cater /);
});
