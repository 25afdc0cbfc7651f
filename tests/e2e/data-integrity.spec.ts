// Data integrity in Chromium: datastore bytes survive a backup, pages render records whose optional
// fields are missing (and name the ones they cannot show), colliding upload names lose nothing, and
// deleting a version that serves an endpoint says so first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

const FIXTURES = join(import.meta.dirname, '../fixtures/bad');
const file = (name: string, body: Buffer, mimeType = 'text/csv') => ({ name, mimeType, buffer: body });
/** A real PNG (the corpus's "binary renamed" image) and a Latin-1 CSV ("münchen" with ü as one byte 0xFC). */
const PNG = readFileSync(join(FIXTURES, 'csv-binary-renamed.csv'));
const LATIN1 = Buffer.from('city,n\nm\u00fcnchen,1\n', 'latin1');

/** The bytes of a datastore file, read straight from IndexedDB. */
const storedBytes = (page: Page, zone: string, name: string) =>
	page.evaluate(
		async ({ zone, name }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('prep-lab');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const record = await new Promise<{ blob: Blob } | undefined>((resolve) => {
				const get = db.transaction('files').objectStore('files').get([zone, name]);
				get.onsuccess = () => resolve(get.result);
			});
			db.close();
			return record ? Array.from(new Uint8Array(await record.blob.arrayBuffer())) : null;
		},
		{ zone, name }
	);

test('a PNG and a Latin-1 CSV survive backup → delete everything → restore byte for byte', async ({ page }) => {
	await page.goto('/lab/data');
	await page.getByLabel('Files (or drop them here)').setInputFiles([file('chart.png', PNG, 'image/png'), file('cities.csv', LATIN1)]);
	await expect(page.getByTestId('data-notice')).toContainText('Uploaded raw/chart.png, raw/cities.csv');
	expect(await storedBytes(page, 'raw', 'chart.png')).toEqual([...PNG]);

	await page.goto('/settings');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
	const backupPath = (await download.path())!;
	await page.getByRole('button', { name: 'Delete all my data…' }).click();
	await page.getByRole('button', { name: 'Delete everything' }).click();
	await expect(page.getByTestId('backup-message')).toHaveText('All data on this device was deleted.');
	expect(await storedBytes(page, 'raw', 'chart.png')).toBeNull();

	await page.locator('#backup-file').setInputFiles(backupPath);
	await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
	await expect(page.getByTestId('backup-message')).toContainText('Restored the backup');
	expect(await storedBytes(page, 'raw', 'chart.png')).toEqual([...PNG]);
	expect(await storedBytes(page, 'raw', 'cities.csv')).toEqual([...LATIN1]);
});

test('three uploads whose cleaned names collide are all kept, each named once', async ({ page }) => {
	await page.goto('/lab/data');
	const body = (i: number) => Buffer.from(`x\n${i}\n`);
	await page.getByLabel('Files (or drop them here)').setInputFiles([file('dup name.csv', body(1)), file('dup_name.csv', body(2)), file('dup(name).csv', body(3))]);
	const notice = page.getByTestId('data-notice');
	await expect(notice).toHaveText(
		'Uploaded raw/dup_name-2.csv, raw/dup_name.csv, raw/dup_name_.csv. "dup name.csv" is stored as raw/dup_name-2.csv. "dup(name).csv" is stored as raw/dup_name_.csv.'
	);
	expect(await storedBytes(page, 'raw', 'dup_name-2.csv')).toEqual([...body(1)]);
	expect(await storedBytes(page, 'raw', 'dup_name.csv')).toEqual([...body(2)]);
	expect(await storedBytes(page, 'raw', 'dup_name_.csv')).toEqual([...body(3)]);
});

/**
 * Records straight into IndexedDB, as an older version or a hand edit may have left them: version 1
 * with metrics {}, version 2 trained on 2 rows (AUC null) serving 100 % of "credit-risk", whose
 * createdAt is null, a version 3 whose AUC is text, and a run with a null metric.
 */
async function seed(page: Page) {
	const backup = JSON.parse(readFileSync(join(FIXTURES, 'backup-metrics-missing.json'), 'utf8'));
	const [v1, v2] = backup.stores.models;
	const endpoint = backup.stores.endpoints[0];
	await page.goto('/lab/models');
	await expect(page.getByTestId('no-models')).toBeVisible();
	await page.evaluate(
		async ({ v1, v2, endpoint }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('prep-lab');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const tx = db.transaction(['models', 'endpoints', 'runs'], 'readwrite');
			tx.objectStore('models').put(v1);
			tx.objectStore('models').put(v2);
			tx.objectStore('models').put({ ...v2, version: 3, metrics: { rocAuc: 'NaN' } });
			tx.objectStore('endpoints').put(endpoint);
			tx.objectStore('runs').put({ id: 1, experiment: 'train', startedAt: new Date('2026-11-24T10:00:00Z'), durationMs: 900, status: 'finished', params: { C: 1 }, metrics: { rocAuc: null, accuracy: 0.5 }, tags: {} });
			await new Promise((resolve) => (tx.oncomplete = resolve));
			db.close();
		},
		{ v1, v2, endpoint }
	);
}

test('Models, Endpoints and Runs render records with missing metrics and dates, and name the one they cannot show', async ({ page }) => {
	await seed(page);
	await page.reload();
	const rows = page.getByTestId('model-versions').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(page.getByText('Loading…')).toHaveCount(0);
	for (const version of ['1', '2']) {
		const cells = page.locator(`tr[data-version="${version}"] td`);
		await expect(cells.nth(3)).toHaveText('—'); // ROC AUC
		await expect(cells.nth(4)).toHaveText('—'); // PR AUC
	}
	// The registry checks every version it reads: the one it cannot use is named with the field.
	const broken = page.getByTestId('broken-versions');
	await expect(broken).toContainText('One stored version cannot be used');
	await expect(broken).toContainText('Model delinquency:3: "metrics.rocAuc" must be a number, not "NaN".');
	// Comparing the two shows "—" for every metric they lack, and the page stays usable.
	await page.getByLabel('Compare version 1').check();
	await page.getByLabel('Compare version 2').check();
	await expect(page.getByTestId('compare').locator('tr', { hasText: 'ROC AUC' })).toContainText(/ROC AUC\s*—\s*—/);

	await page.goto('/lab/endpoints');
	await expect(page.getByTestId('endpoint')).toContainText('credit-risk');
	await expect(page.getByTestId('endpoint')).toContainText('Created — · key authentication');
	await expect(page.getByTestId('deployments')).toContainText('delinquency:2');
	await expect(page.getByText('Loading…')).toHaveCount(0);

	await page.goto('/lab/runs');
	await expect(page.locator('tr[data-run="1"] td[data-column="metric:rocAuc"]')).toHaveText('—');
	await expect(page.getByText('Loading…')).toHaveCount(0);
});

test('deleting a version that serves 100 % of an endpoint\'s traffic names the endpoint and what happens', async ({ page }) => {
	await seed(page);
	await page.reload();
	await page.locator('tr[data-version="2"]').getByRole('button', { name: 'Delete' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete version 2?' });
	await expect(dialog).toContainText(
		'Endpoint "credit-risk": deployment blue (100 % of live traffic) is removed; it then has no deployment to answer and returns 503 until you deploy another version.'
	);
	await dialog.getByRole('button', { name: 'Keep it' }).click();
	await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(2);

	await page.locator('tr[data-version="2"]').getByRole('button', { name: 'Delete' }).click();
	await dialog.getByRole('button', { name: 'Delete version 2 and its deployments' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Deleted version 2.' })).toContainText('Endpoint "credit-risk": deployment blue');
	await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(1);
	await page.goto('/lab/endpoints');
	await expect(page.getByTestId('no-deployments')).toBeVisible();
});
