import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function goOffline(page: Page, context: import('@playwright/test').BrowserContext) {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await context.setOffline(true);
	const home = await page.reload();
	expect(home?.fromServiceWorker()).toBe(true);
}

async function registerSmallModel(page: Page) {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');
}

test('offline: a simulated month drifts, a challenger retrained on recent days is compared and promoted, and the endpoint moves to it', async ({ page, context }) => {
	test.setTimeout(120_000);
	await goOffline(page, context);
	await registerSmallModel(page);
	// The champion serves live traffic on an online endpoint.
	await page.goto('/lab/endpoints');
	await page.getByLabel('Endpoint name').fill('credit-risk');
	await page.getByRole('button', { name: 'Create endpoint' }).click();
	await page.getByLabel('Deployment name').fill('blue');
	await page.getByLabel('Model version').selectOption('1');
	await page.getByRole('button', { name: 'Add deployment' }).click();
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="blue"]')).toContainText('100 %');
	await page.getByLabel('Show keys').check();
	const key = (await page.getByTestId('primary-key').textContent())!;

	await page.goto('/lab/monitor');
	await expect(page.getByTestId('no-days')).toBeVisible();
	await expect(page.getByLabel('Model version')).toHaveValue('1');
	await expect(page.getByLabel('Days', { exact: true })).toHaveValue('30');
	await expect(page.getByLabel('Sudden shift from day')).toHaveValue('20');
	await page.getByLabel('Rows per day').fill('300');
	await page.getByRole('button', { name: 'Simulate and score' }).click();
	await expect(page.getByTestId('pipeline-message')).toContainText('Scored 30 days (9,000 accounts) with delinquency:1');

	const banner = page.getByTestId('drift-banner');
	await expect(banner).toHaveAttribute('role', 'alert');
	await expect(banner).toContainText('Significant drift');
	await expect(page.getByTestId('drift-table').locator('tr', { hasText: 'months_on_book' })).toHaveAttribute('data-band', 'significant');
	await expect(page.getByTestId('drift-table').locator('tr', { hasText: 'prediction (score)' })).toBeVisible();

	// One date again, on the existing raw file.
	await page.getByLabel('Run one date').check();
	await page.getByRole('button', { name: 'Run the pipeline' }).click();
	await expect(page.getByTestId('pipeline-message')).toContainText('Scored 1 day (300 accounts)');

	await page.getByLabel('Days to train on (most recent)').fill('7');
	await page.getByRole('button', { name: 'Train a challenger' }).click();
	const comparison = page.getByTestId('comparison');
	await expect(comparison).toContainText('Champion delinquency:1 against challenger delinquency:2');
	await expect(comparison.getByTestId('champion-rocAuc')).toHaveText(/^0\.\d{4}$/);
	await expect(comparison.getByTestId('challenger-rocAuc')).toHaveText(/^0\.\d{4}/);
	await expect(comparison.getByLabel('Online endpoint credit-risk')).toBeChecked();
	await comparison.getByRole('button', { name: 'Promote challenger' }).click();
	await expect(page.getByTestId('promoted')).toContainText('Version 2 is now champion');
	await expect(page.getByTestId('traffic-shifted')).toContainText('credit-risk: deployment "green" (added) now serves v2 with 100 % of live traffic; "blue" stays at 0 % for a rollback.');
	// Live requests (offline, through the service worker) are now answered by the new champion.
	const answers = await page.evaluate(async (key) => {
		const out: unknown[] = [];
		for (let i = 0; i < 20; i++) {
			const response = await fetch('/api/endpoints/credit-risk/score', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify([{ months_on_book: 12 }]) });
			const body = await response.json();
			out.push([response.status, body.deployment, body.model_version]);
		}
		return out;
	}, key);
	expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify([200, 'green', 2])]));
	await expect(page.getByLabel('Model version')).toHaveValue('2');
	// The days in curated/ were scored by version 1: the page says so instead of mixing the two up.
	await expect(page.getByTestId('scored-by')).toContainText('come from delinquency:1');

	await page.goto('/lab/models');
	await expect(page.locator('tr[data-version="2"] .alias')).toHaveText(['champion']);
	await expect(page.locator('tr[data-version="1"] .alias')).toHaveCount(0);
});

test('a simulation never replaces a raw file that exists: it skips that date, leaves the file byte-identical and says what it wrote', async ({ page }) => {
	await registerSmallModel(page);
	// The learner's own file for the second simulated day.
	const own = 'account_id,credit_utilization,region\r\nMINE-1,0.5,north\r\nMINE-2,0.25,"south, east"\r\n';
	await page.goto('/lab/data');
	await page.getByLabel('Files (or drop them here)').setInputFiles([{ name: 'accounts_2026-03-02.csv', mimeType: 'text/csv', buffer: Buffer.from(own) }]);
	await expect(page.getByTestId('data-notice')).toContainText('Uploaded raw/accounts_2026-03-02.csv');

	await page.goto('/lab/monitor');
	await page.getByLabel('Start date').fill('2026-03-01');
	await page.getByLabel('Days', { exact: true }).fill('3');
	await page.getByLabel('Rows per day').fill('200');
	await page.getByLabel('Sudden shift', { exact: true }).uncheck();
	await expect(page.getByLabel('Skip to the next free date')).toBeChecked();
	// Before running, the page says what it will write and which file it leaves alone.
	await expect(page.getByTestId('simulation-plan')).toHaveText(
		'New files in raw/: 3 (2026-03-01 to 2026-03-04). Skipped 2026-03-02: raw/accounts_2026-03-02.csv already exists and is left as it is. Existing files in raw/ are never replaced.'
	);
	await page.getByRole('button', { name: 'Simulate and score' }).click();
	const message = page.getByTestId('pipeline-message');
	await expect(message).toContainText('Scored 3 days (600 accounts) with delinquency:1.');
	await expect(message).toContainText('Skipped 2026-03-02: raw/accounts_2026-03-02.csv already exists and is left as it is.');
	await page.getByTestId('written-files').locator('summary').click();
	await expect(page.getByTestId('written-files').locator('li')).toHaveText(['raw/accounts_2026-03-01.csv', 'raw/accounts_2026-03-03.csv', 'raw/accounts_2026-03-04.csv']);

	// The stored file is byte for byte the one uploaded.
	const stored = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('prep-lab');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const record = await new Promise<{ blob: Blob }>((resolve, reject) => {
			const get = db.transaction('files').objectStore('files').get(['raw', 'accounts_2026-03-02.csv']);
			get.onsuccess = () => resolve(get.result);
			get.onerror = () => reject(get.error);
		});
		db.close();
		return [...new Uint8Array(await record.blob.arrayBuffer())];
	});
	expect(Buffer.from(stored).equals(Buffer.from(own))).toBe(true);
});

test('cancelling a simulation stops between days and keeps the days that ran', async ({ page }) => {
	await registerSmallModel(page);
	await page.goto('/lab/monitor');
	await page.getByLabel('Rows per day').fill('20000');
	await page.getByRole('button', { name: 'Simulate and score' }).click();
	// Wait until at least one day has finished (a loaded machine can take a few seconds per 20,000-row day).
	await expect(page.getByRole('status').filter({ hasText: /day ([2-9]|1\d) of 30/ })).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Cancel' }).click();
	const message = page.getByTestId('pipeline-message');
	await expect(message).toContainText(/Cancelled after \d+ of 30 days/);
	const ran = Number(/after (\d+) of/.exec((await message.textContent()) ?? '')![1]);
	expect(ran).toBeGreaterThanOrEqual(1);
	expect(ran).toBeLessThan(30);
	await expect(page.getByTestId('drift-table')).toBeVisible();
	await expect(page.getByText(`${ran} day${ran === 1 ? '' : 's'} read from`)).toBeVisible();
});

test('a version registered without a training profile says how to get drift', async ({ page }) => {
	await registerSmallModel(page);
	// Simulate an older version: drop the profile from the stored artifact.
	await page.evaluate(async () => {
		const dbs = await indexedDB.databases();
		const name = dbs.find((d) => d.name?.toLowerCase().includes('prep'))!.name!;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open(name);
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const tx = db.transaction('models', 'readwrite');
		const store = tx.objectStore('models');
		await new Promise<void>((resolve) => {
			store.openCursor().onsuccess = (e) => {
				const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
				if (!cursor) return resolve();
				const { profile: _dropped, ...rest } = cursor.value;
				cursor.update(rest);
				cursor.continue();
			};
		});
		db.close();
	});
	await page.goto('/lab/monitor');
	await expect(page.getByTestId('no-profile')).toContainText('register a new version to monitor drift');
	await page.getByLabel('Days', { exact: true }).fill('2');
	await page.getByLabel('Rows per day').fill('100');
	await page.getByLabel('Sudden shift from day').fill('2');
	await page.getByRole('button', { name: 'Simulate and score' }).click();
	await expect(page.getByTestId('pipeline-message')).toContainText('Scored 2 days');
	await expect(page.getByTestId('drift-table').locator('tbody tr')).toHaveCount(1);
	await expect(page.getByTestId('drift-table')).toContainText('prediction (score)');
});
