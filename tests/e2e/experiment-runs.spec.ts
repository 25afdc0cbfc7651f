import type { Page } from '@playwright/test';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

async function train(page: Page, C: string) {
	await page.getByLabel('C (inverse regularisation)').fill(C);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Register model' })).toBeVisible();
}

const columnValues = (page: Page, column: string) => page.getByTestId('runs-table').locator(`tbody td[data-column="${column}"]`).allTextContents();

test('every training is a run: listed with params and version, sorted, filtered, compared, kept after a reload and deleted', async ({ page }) => {
	await page.goto('/lab/runs');
	await expect(page.getByTestId('no-runs')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Train a model' })).toHaveAttribute('href', '/lab/train');

	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await train(page, '1');
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');
	await train(page, '0.1');

	await page.goto('/lab/runs');
	const rows = page.getByTestId('runs-table').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	// Newest first: the C = 0.1 run, then the registered C = 1 run.
	expect(await columnValues(page, 'param:C')).toEqual(['0.1', '1']);
	expect(await columnValues(page, 'modelVersion')).toEqual(['—', 'delinquency:1']);
	expect(await columnValues(page, 'status')).toEqual(['finished', 'finished']);

	// Sorting by ROC AUC, by keyboard, both ways.
	const rocHeader = page.getByRole('columnheader', { name: 'ROC AUC' });
	await rocHeader.getByRole('button').focus();
	await page.keyboard.press('Enter');
	await expect(rocHeader).toHaveAttribute('aria-sort', 'descending');
	const desc = (await columnValues(page, 'metric:rocAuc')).map(Number);
	expect(desc).toEqual([...desc].sort((a, b) => b - a));
	await page.keyboard.press('Enter');
	await expect(rocHeader).toHaveAttribute('aria-sort', 'ascending');
	const asc = (await columnValues(page, 'metric:rocAuc')).map(Number);
	expect(asc).toEqual([...asc].sort((a, b) => a - b));
	await expect(page.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'none');

	await page.getByLabel('Search runs').fill('C=0.1');
	await expect(rows).toHaveCount(1);
	expect(await columnValues(page, 'param:C')).toEqual(['0.1']);
	await page.getByLabel('Search runs').fill('solver=gd');
	await expect(rows).toHaveText([/No run matches/]);
	await page.getByLabel('Search runs').fill('');
	await expect(rows).toHaveCount(2);

	// Compare both: params and metrics side by side, the differing C highlighted, loss curves overlaid.
	for (const box of await page.getByRole('checkbox', { name: /^Compare run/ }).all()) await box.check();
	const compare = page.getByTestId('compare');
	await expect(compare).toBeVisible();
	await expect(compare.locator('tr[data-param="C"]')).toHaveClass(/differs/);
	await expect(compare.locator('tr[data-param="solver"]')).not.toHaveClass(/differs/);
	await expect(compare.locator('tr[data-metric="rocAuc"] td')).toHaveCount(2);
	await expect(compare.getByRole('img', { name: /Training loss of the compared runs/ })).toBeVisible();
	// The registered run also brings its held-out ROC curve.
	await expect(compare.getByTestId('roc-compare')).toHaveText('1 of 2 compared runs produced a registered version with held-out scores.');
	await expect(compare.getByRole('img', { name: /ROC curves of the compared runs/ })).toBeVisible();

	await page.reload();
	await expect(rows).toHaveCount(2);
	await expect(page.getByRole('img', { name: /ROC AUC of each run/ })).toBeVisible();

	// Deleting asks first; keeping it changes nothing.
	await page.getByRole('button', { name: /^Delete run/ }).first().click();
	await page.getByRole('button', { name: 'Keep it' }).click();
	await expect(rows).toHaveCount(2);
	await page.getByRole('button', { name: /^Delete run/ }).first().click();
	await page.getByRole('button', { name: /^Delete run \d+$/ }).last().click();
	await expect(rows).toHaveCount(1);
	await page.reload();
	await expect(rows).toHaveCount(1);
	expect(await columnValues(page, 'modelVersion')).toEqual(['delinquency:1']);
});

test('a cancelled training is logged as a cancelled run', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('400000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('Training cancelled.')).toBeVisible();
	await page.goto('/lab/runs');
	expect(await columnValues(page, 'status')).toEqual(['cancelled']);
});
