import { readFileSync } from 'node:fs';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

const csv = 'account_id,credit_utilization,region\nA1,0.5,north\nA2,0.9,"south, east"\n';
const file = (name: string, body: string | Buffer, mimeType = 'text/csv') => ({ name, mimeType, buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });

test('upload, preview, replace, download and delete files in the datastore zones', async ({ page }) => {
	await page.goto('/lab/data');
	for (const zone of ['raw', 'curated', 'logs']) await expect(page.getByTestId(`zone-${zone}`)).toContainText(/No (raw|curated|logs) files yet|No logs yet/);
	await expect(page.getByTestId('storage')).toContainText('used of');

	const input = page.getByLabel('Files (or drop them here)');
	await input.setInputFiles([file('accounts.csv', csv), file('notes.txt', 'plain words', 'text/plain'), file('sheet.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x9c]))]);
	await expect(page.getByTestId('data-notice')).toContainText('Uploaded raw/accounts.csv, raw/notes.txt, raw/sheet.csv');
	const raw = page.getByTestId('zone-raw');
	await expect(raw.locator('tbody tr')).toHaveCount(3);
	await expect(raw.locator('tr[data-file="accounts.csv"]')).toContainText(`${Buffer.byteLength(csv)} B`);

	// Preview: a table of the rows, quoted commas kept in one cell; text typed by people shown as text.
	await page.getByRole('button', { name: 'Preview raw/accounts.csv' }).click();
	const preview = page.getByTestId('preview');
	await expect(preview.locator('thead th')).toHaveText(['account_id', 'credit_utilization', 'region']);
	await expect(preview.locator('tbody tr')).toHaveCount(2);
	await expect(preview.locator('tbody tr').nth(1).locator('td').nth(2)).toHaveText('south, east');
	await page.getByRole('button', { name: 'Preview raw/notes.txt' }).click();
	await expect(preview.getByRole('alert')).toHaveText('notes.txt is not a CSV file, so it cannot be shown as a table. Download it to open it.');
	await page.getByRole('button', { name: 'Preview raw/sheet.csv' }).click();
	await expect(preview.getByRole('alert')).toContainText('raw/sheet.csv cannot be previewed');
	await expect(preview.getByRole('alert')).toContainText('not UTF-8 text');

	// A name that exists is replaced only after confirming; a name with spaces is stored under a usable name.
	await input.setInputFiles([file('accounts.csv', `${csv}A3,0.1,west\n`)]);
	const dialog = page.getByRole('dialog', { name: 'Replace a file?' });
	await expect(dialog).toContainText('raw/accounts.csv already exists');
	await dialog.getByRole('button', { name: 'Keep the stored copy' }).click();
	await page.getByRole('button', { name: 'Preview raw/accounts.csv' }).click();
	await expect(preview.locator('tbody tr')).toHaveCount(2);
	await input.setInputFiles([file('accounts.csv', `${csv}A3,0.1,west\n`)]);
	await dialog.getByRole('button', { name: 'Replace' }).click();
	await expect(page.getByTestId('data-notice')).toContainText('Uploaded raw/accounts.csv');
	await page.getByRole('button', { name: 'Preview raw/accounts.csv' }).click();
	await expect(preview.locator('tbody tr')).toHaveCount(3);
	await input.setInputFiles([file('my accounts.csv', csv)]);
	await expect(page.getByTestId('data-notice')).toHaveText('Uploaded raw/my_accounts.csv. "my accounts.csv" is stored as raw/my_accounts.csv.');
	await expect(raw.locator('tr[data-file="my_accounts.csv"]')).toBeVisible();

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download raw/accounts.csv' }).click()]);
	expect(download.suggestedFilename()).toBe('accounts.csv');
	expect(readFileSync((await download.path())!, 'utf8')).toBe(`${csv}A3,0.1,west\n`);

	// Delete asks first; keeping the file keeps it.
	await page.getByRole('button', { name: 'Delete raw/accounts.csv' }).click();
	const confirm = page.getByRole('dialog', { name: 'Delete raw/accounts.csv?' });
	await confirm.getByRole('button', { name: 'Keep it' }).click();
	await expect(raw.locator('tbody tr')).toHaveCount(4);
	await page.getByRole('button', { name: 'Delete raw/accounts.csv' }).click();
	await confirm.getByRole('button', { name: 'Delete the file' }).click();
	await expect(raw.locator('tr[data-file="accounts.csv"]')).toHaveCount(0);
	await expect(page.getByTestId('preview')).toHaveCount(0);
	await page.reload();
	await expect(raw.locator('tbody tr')).toHaveCount(3);

	// Files dropped on the upload area are uploaded like chosen ones.
	await page.evaluate(() => {
		const data = new DataTransfer();
		data.items.add(new File(['x,y\n1,2\n'], 'dropped.csv', { type: 'text/csv' }));
		document.querySelector('[aria-label="Drop files here to upload them"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
	});
	await expect(raw.locator('tr[data-file="dropped.csv"]')).toBeVisible();

	// The sample generator gives the learner something to score.
	await page.getByLabel('Rows').fill('300');
	await page.getByRole('button', { name: 'Generate' }).click();
	await expect(page.getByTestId('data-notice')).toContainText(/Generated raw\/accounts_\d{4}-\d{2}-\d{2}\.csv with 300 accounts/);
	await page.getByRole('button', { name: /^Preview raw\/accounts_/ }).click();
	await expect(preview.locator('thead th').first()).toHaveText('account_id');
	await expect(preview).toContainText('The first 20 rows.');
});

test('a file too large for the free storage is refused before anything is written', async ({ page }) => {
	await page.addInitScript(() => {
		StorageManager.prototype.estimate = async () => ({ usage: 900_000, quota: 1_000_000 });
	});
	await page.goto('/lab/data');
	await expect(page.getByTestId('storage')).toContainText('879 KB used of 977 KB');
	await page.getByLabel('Files (or drop them here)').setInputFiles([file('small.csv', 'x\n1\n'), file('big.csv', `x\n${'1\n'.repeat(100_000)}`)]);
	await expect(page.getByTestId('data-error')).toHaveText('The files were not uploaded: This file needs 0.2 MB but only 0.0 MB of this site\'s storage is free. Nothing was written; delete files or models you no longer need.');
	await expect(page.getByTestId('zone-raw')).toContainText('No raw files yet');
	await page.reload();
	await expect(page.getByTestId('zone-raw')).toContainText('No raw files yet');
});
