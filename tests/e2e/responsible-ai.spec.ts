import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('explain a registered model, find a counterfactual, analyse errors and fairness, and read its model card', async ({ page }) => {
	await page.goto('/lab/responsible-ai');
	await expect(page.getByTestId('no-models')).toBeVisible();
	await expect(page.getByTestId('no-models').getByRole('link', { name: /Train/ })).toHaveAttribute('href', '/lab/train');

	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1500');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.getByLabel('Description (optional)').fill('rai baseline');
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');

	await page.goto('/lab/responsible-ai');
	await page.getByLabel('Sample rows').fill('2000');
	await page.getByLabel('Sample seed').fill('7');
	await page.getByRole('button', { name: 'Evaluate' }).click();
	await expect(page.getByTestId('sample-note')).toContainText('Evaluation sample: 2,000 fresh synthetic accounts');
	await expect(page.getByTestId('sample-note')).toContainText('seed 7');

	// Global importance: every input column, the generator's strongest effects near the top.
	const importance = page.getByTestId('importance').locator('li');
	await expect(importance).toHaveCount(8);
	const top = (await importance.nth(0).textContent()) + ' ' + (await importance.nth(1).textContent());
	expect(top).toMatch(/credit_utilization|days_past_due_12m/);

	// Local explanation of the riskiest account: one contribution per input column.
	await page.getByRole('button', { name: 'Highest-risk account' }).click();
	const contributions = page.getByTestId('contributions').locator('tbody tr');
	await expect(contributions).toHaveCount(8);
	await expect(contributions.filter({ hasText: 'credit_utilization' })).toContainText(/[+-]\d\.\d{3}/);
	await expect(page.getByTestId('whatif-probability')).toContainText('flagged');
	await expect(page.getByTestId('whatif-probability')).not.toContainText('not flagged');

	const pct = (text: string | null) => parseFloat(/([\d.]+) %/.exec(text ?? '')![1]!);
	// Counterfactual: the smallest change crosses the threshold; applying it makes the account not flagged.
	await page.getByRole('button', { name: 'Find the smallest change' }).click();
	await expect(page.getByTestId('counterfactual')).toContainText('Smallest change');
	expect(pct(await page.getByTestId('cf-probability').textContent())).toBeLessThan(50);
	await page.getByRole('button', { name: 'Apply to the what-if account' }).click();
	await expect(page.getByTestId('whatif-probability')).toContainText('not flagged');

	// What-if: raising utilisation raises the live probability.
	const before = pct(await page.getByTestId('whatif-probability').textContent());
	await page.getByRole('spinbutton', { name: 'credit_utilization' }).fill('1.2');
	await expect.poll(async () => pct(await page.getByTestId('whatif-probability').textContent())).toBeGreaterThan(before);

	// Error analysis: a cell with its rate and counts; the cohort tree and the worst cohorts.
	await expect(page.getByTestId('error-matrix').locator('tbody tr').first().locator('td').first()).toContainText(/\d+\.\d %\s*\d+\/\d+/);
	await expect(page.getByTestId('worst-cohorts').locator('li').first()).toContainText('error rate');

	// Fairness by age band: four groups and the two differences.
	const groups = page.getByTestId('fairness').locator('tbody tr');
	await expect(groups).toHaveCount(4);
	await expect(groups.first()).toContainText('18-29');
	await expect(page.getByTestId('dpd')).toHaveText(/^\d\.\d{3}$/);
	await expect(page.getByTestId('eod')).toHaveText(/^\d\.\d{3}$/);

	const card = page.getByTestId('model-card');
	await expect(card).toContainText('Model card: delinquency:1');
	await expect(card).toContainText('Intended use');
	await expect(card).toContainText('age_band');
	await expect(page.getByTestId('version-history')).toContainText('rai baseline');
	await expect(card.getByRole('button', { name: 'Print / save as PDF' })).toBeVisible();
});
