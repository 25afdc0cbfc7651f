import { expect, test } from './fixtures';

// A model version hand-edited in IndexedDB (a weight that is not a finite number) is refused where it
// is loaded: the online endpoint (service worker) answers 503 naming the field instead of 200 with
// `probability: null`, and the Models page names the version while still listing the good one.

const record = { credit_utilization: 0.42, days_past_due_12m: 1, num_open_accounts: 5, annual_income: 48000, debt_to_income: 0.3, months_on_book: 40, payment_to_balance: 0.15, region: 'south' };

test('a stored version with a non-finite weight is refused by the endpoint and named on the Models page', async ({ page }) => {
	test.setTimeout(120_000);
	for (const version of [1, 2]) {
		await page.goto('/lab/train');
		await page.getByLabel('Rows').fill('1000');
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await expect(page.getByTestId('train-result')).toBeVisible({ timeout: 30_000 });
		await page.getByRole('button', { name: 'Register model' }).click();
		await expect(page.getByTestId('registered')).toContainText(`version ${version}`);
	}
	await page.goto('/lab/endpoints');
	await page.getByLabel('Endpoint name').fill('credit-risk');
	await page.getByRole('button', { name: 'Create endpoint' }).click();
	await page.getByLabel('Deployment name').fill('blue');
	await page.getByLabel('Model version').selectOption('2');
	await page.getByRole('button', { name: 'Add deployment' }).click();
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="blue"]')).toContainText('100 %');
	await expect(page.getByTestId('sw-waiting')).toBeHidden({ timeout: 30_000 });
	await page.getByLabel('Show keys').check();
	const key = (await page.getByTestId('primary-key').textContent())!;

	const score = () =>
		page.evaluate(
			async ({ key, record }) => {
				const response = await fetch('/api/endpoints/credit-risk/score', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify([record]) });
				return { status: response.status, body: await response.json() };
			},
			{ key, record }
		);
	const before = await score();
	expect(before.status).toBe(200);
	expect(typeof before.body.predictions[0].probability).toBe('number');

	// The hand edit: IndexedDB keeps NaN as it is (JSON would turn it into null). The service worker
	// keeps checked models in memory until the serving version changes (every app write changes it;
	// a restarted worker starts empty), so the edit changes it too, as a write through the app would.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('prep-lab');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['models', 'settings'], 'readwrite');
					tx.objectStore('settings').put({ key: 'endpoint-serving-version', value: 'hand-edited' });
					const store = tx.objectStore('models');
					const get = store.get(['delinquency', 2]);
					get.onsuccess = () => {
						const model = get.result;
						model.weights[0] = NaN;
						const put = store.put(model);
						put.onsuccess = () => {
							db.close();
							resolve();
						};
						put.onerror = () => reject(put.error);
					};
				};
			})
	);

	const after = await score();
	expect(after.status).toBe(503);
	expect(after.body).toEqual({
		error: { code: expect.any(String), message: 'Deployment "blue" serves delinquency:2, which cannot be used: Model delinquency:2: "weights[0]" must be a finite number, not NaN.' }
	});
	expect(JSON.stringify(after.body)).not.toContain('probability');

	await page.goto('/lab/models');
	const alert = page.getByTestId('broken-versions');
	await expect(alert).toContainText('One stored version cannot be used');
	await expect(alert).toContainText('Model delinquency:2: "weights[0]" must be a finite number, not NaN.');
	await expect(page.getByText('Loading…')).toBeHidden();
});
