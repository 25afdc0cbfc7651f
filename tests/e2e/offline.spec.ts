import { expect, test } from './fixtures';

test('after one visit the shell, notes, cards and lab work offline', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await expect(page.getByText('Prep Lab is ready to work offline.')).toBeVisible();

	await context.setOffline(true);
	const home = await page.reload();
	expect(home?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1, name: 'Prep Lab' })).toBeVisible();

	await page.goto('/notes/cater-method');
	await expect(page.getByRole('heading', { level: 1, name: /CATER/ })).toBeVisible();

	await page.goto('/cards');
	await expect(page.getByTestId('review-card')).toBeVisible();

	await page.goto('/lab/train');
	await page.getByRole('button', { name: 'Train' }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');
	await page.goto('/lab/models');
	await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(1);

	// The study engine too: a mock interview, progress and the backup page.
	await page.goto('/interview');
	await page.getByRole('link', { name: /Walk me through an end-to-end ML project/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('end-to-end');
	await page.goto('/progress');
	await expect(page.getByText('Reviews in total')).toBeVisible();
	await page.goto('/settings');
	await expect(page.getByRole('button', { name: 'Export a backup' })).toBeEnabled();

	// The MLOps and Responsible AI labs.
	await page.goto('/lab/runs');
	await expect(page.getByTestId('runs-table').locator('tbody tr')).toHaveCount(1);
	await page.goto('/lab/responsible-ai');
	await expect(page.getByTestId('model-card')).toBeVisible();
	await page.goto('/lab/sweep');
	await page.getByLabel('Rows of synthetic data').fill('1000');
	await page.getByLabel('C values').fill('0.1, 1');
	await page.getByRole('button', { name: 'Run sweep' }).click();
	await expect(page.getByTestId('sweep-summary')).toContainText('Sweep complete');
});
