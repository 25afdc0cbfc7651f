import { axeViolations, seriousOf, WCAG_TAGS } from './axe-scan';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

// Small sweeps (1,500 rows, 3 folds, a handful of trials) so each finishes in seconds.

test('a grid sweep over choices runs every trial, and the best one is registered', async ({ page }) => {
	await page.goto('/lab/sweep');
	await expect(page.getByTestId('no-trials')).toBeVisible();
	await page.getByLabel('Rows of synthetic data').fill('1500');
	await page.getByLabel('Folds (intervals per trial)').fill('3');
	await page.getByLabel('C values').fill('0.01, 1');
	// class_weight: none, balanced → 2 × 2 = 4 combinations.
	await page.getByRole('button', { name: 'Run sweep' }).click();
	await expect(page.getByTestId('sweep-summary')).toContainText('Sweep complete: 4 completed, 0 cancelled.');
	const rows = page.getByTestId('trials').locator('tbody tr');
	await expect(rows).toHaveCount(4);
	for (let i = 0; i < 4; i++) await expect(rows.nth(i)).toContainText('3 of 3');
	await expect(page.getByTestId('trials')).toContainText('(best)');

	// The results page passes axe in this state too.
	expect(seriousOf(await axeViolations(page, { tags: WCAG_TAGS }), 'sweep results')).toEqual([]);

	await page.getByRole('button', { name: 'Register best trial' }).click();
	await expect(page.getByTestId('sweep-registered')).toContainText('version 1');
	await page.getByRole('link', { name: 'Open the model registry' }).click();
	const versions = page.getByTestId('model-versions').locator('tbody tr');
	await expect(versions).toHaveCount(1);
	await expect(versions.first()).toContainText('grid sweep');

	// Every trial is a run of the sweep's experiment on the Runs page (plus the registered retrain).
	await page.goto('/lab/runs');
	await expect(page.getByTestId('runs-table').locator('tbody tr', { hasText: 'sweep-' })).toHaveCount(4);
});

test('a random sweep with a bandit policy cancels weak trials and says why', async ({ page }) => {
	await page.goto('/lab/sweep');
	await page.getByLabel('Rows of synthetic data').fill('1500');
	await page.getByLabel('Sampling algorithm').selectOption('random');
	await page.getByLabel('features', { exact: true }).check();
	await page.getByLabel('max_total_trials').fill('6');
	await page.getByLabel('max_concurrent_trials').fill('1');
	await page.getByLabel('Policy').selectOption('bandit');
	await page.getByRole('combobox', { name: /^Slack/ }).selectOption('amount');
	await page.getByRole('spinbutton', { name: 'slack_amount' }).fill('0.01');
	await page.getByRole('button', { name: 'Run sweep' }).click();
	await expect(page.getByTestId('sweep-summary')).toBeVisible();
	const cancelled = page.locator('[data-testid="trials"] tbody tr[data-status="cancelled"]');
	expect(await cancelled.count()).toBeGreaterThan(0);
	await expect(cancelled.first()).toContainText(/cancelled by bandit policy at interval [12]: AUC 0\.\d+ below the bandit slack limit 0\.\d+/);

	// The trials survive a reload of this tab.
	await page.reload();
	await expect(page.locator('[data-testid="trials"] tbody tr')).toHaveCount(6);
});

test('grid with a uniform parameter and Bayesian with a policy are refused with Azure’s reasons', async ({ page }) => {
	await page.goto('/lab/sweep');
	await page.getByLabel('threshold', { exact: true }).check();
	const problem = page.getByTestId('sweep-problem');
	await expect(problem).toContainText('Grid sampling supports only choice parameters; "threshold" is uniform');
	await expect(page.getByRole('button', { name: 'Run sweep' })).toBeDisabled();

	await page.getByLabel('Sampling algorithm').selectOption('bayesian');
	await expect(problem).toHaveCount(0);
	await page.getByLabel('Policy').selectOption('median');
	await expect(problem).toContainText('Bayesian sampling does not support early termination policies');
	await expect(page.getByRole('button', { name: 'Run sweep' })).toBeDisabled();

	await page.getByLabel('Policy').selectOption('none');
	await page.getByLabel('C expression').selectOption('loguniform');
	await expect(problem).toContainText('Bayesian sampling supports only choice, uniform and quniform parameters; "C" is loguniform');
});

test('a running sweep shows progress and can be cancelled, keeping finished trials', async ({ page }) => {
	await page.goto('/lab/sweep');
	await page.getByLabel('Rows of synthetic data').fill('20000');
	await page.getByLabel('Folds (intervals per trial)').fill('5');
	await page.getByLabel('C values').fill('0.01, 0.1, 1, 10, 100');
	await page.getByLabel('max_total_trials').fill('10');
	await page.getByRole('button', { name: 'Run sweep' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'trials finished' })).toBeVisible();
	await page.getByRole('button', { name: 'Cancel sweep' }).click();
	await expect(page.getByText('Sweep cancelled; the trials that finished are kept below.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Register best trial' })).toHaveCount(0);
});
