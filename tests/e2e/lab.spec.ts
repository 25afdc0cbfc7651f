import { expect, test } from './fixtures';

test('train in a worker, register versions 1 and 2, and they survive a reload', async ({ page }) => {
	await page.goto('/lab/models');
	await expect(page.getByTestId('no-models')).toBeVisible();

	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('3000');
	await page.getByRole('button', { name: 'Train' }).click();
	const result = page.getByTestId('train-result');
	await expect(result).toBeVisible();
	const auc = Number(await page.getByTestId('roc-auc').textContent());
	expect(auc).toBeGreaterThan(0.7);
	expect(auc).toBeLessThan(1);
	await expect(page.getByTestId('accuracy')).toHaveText(/\d+\.\d %/);
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');

	await page.getByLabel('C (inverse regularisation)').fill('0.01');
	await page.getByRole('button', { name: 'Train' }).click();
	await expect(page.getByRole('button', { name: 'Register model' })).toBeVisible();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 2');

	await page.goto('/lab/models');
	await page.reload();
	const rows = page.getByTestId('model-versions').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('delinquency:2');
	await expect(rows.nth(0)).toContainText('0.01');
	await expect(rows.nth(1)).toContainText('delinquency:1');
	await page.goto('/');
	await expect(page.getByText('model versions registered')).toBeVisible();
});

test('training shows progress and can be cancelled without registering', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('400000');
	await page.getByRole('button', { name: 'Train' }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	// The page stays responsive while the worker trains.
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('Training cancelled. Nothing was registered.')).toBeVisible();
	await expect(page.getByTestId('train-result')).toHaveCount(0);
});

test('invalid parameters get a clear message', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('50');
	await page.getByLabel('Rows').evaluate((el: HTMLInputElement) => el.form!.noValidate = true);
	await page.getByRole('button', { name: 'Train' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Rows must be a whole number from 200/);
});
