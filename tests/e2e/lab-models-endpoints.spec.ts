import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// From Train to a live endpoint: the chosen threshold travels as the version's `threshold` tag, the
// version deploys from the Models page, and the test console warns about missing features.

const records = Array.from({ length: 200 }, (_, i) => ({
	credit_utilization: (i % 20) / 20,
	days_past_due_12m: i % 5,
	num_open_accounts: 1 + (i % 9),
	annual_income: 20000 + ((i * 997) % 80000),
	debt_to_income: (i % 10) / 10,
	months_on_book: 6 + ((i * 7) % 200),
	payment_to_balance: (i % 7) / 10,
	region: ['north', 'south', 'east', 'west'][i % 4]
}));

type Answer = { status: number; body: { predictions?: { prediction: number; probability: number; imputed: string[] }[]; model_version?: number } };
const score = (page: Page, key: string, body: unknown): Promise<Answer> =>
	page.evaluate(
		async ({ key, body }) => {
			const response = await fetch('/api/endpoints/credit-risk/score', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
			return { status: response.status, body: await response.json() };
		},
		{ key, body }
	);

async function train(page: Page) {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1500');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	// The first run starts the worker; on a busy machine that takes a while.
	await expect(page.getByTestId('train-result')).toBeVisible({ timeout: 30_000 });
}

test('the threshold chosen on Train is registered as the threshold tag, deployed from Models, and the endpoint predicts with it', async ({ page }) => {
	await train(page);
	// The result, below the form, is scrolled into view and takes focus.
	const result = page.getByRole('heading', { level: 2, name: 'Result' });
	await expect(result).toBeInViewport();
	await expect(result).toBeFocused();

	await page.getByLabel('Cost of a missed delinquent').fill('2000');
	await page.getByLabel('Cost of an outreach call').fill('10');
	await page.getByRole('button', { name: 'Use this threshold' }).click();
	const chosen = Number(await page.getByTestId('threshold-value').textContent());
	expect(chosen).toBeLessThan(0.5);
	await expect(page.getByTestId('register-threshold')).toContainText(`decision threshold ${chosen}`);
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText(`version 1 with decision threshold ${chosen}`);

	await page.goto('/lab/models');
	const row = page.locator('tr[data-version="1"]');
	await expect(row).toContainText(`threshold=${chosen}`);
	await row.getByRole('button', { name: 'Deploy to endpoint: version 1' }).click();
	const dialog = page.getByRole('dialog', { name: 'Deploy delinquency:1 to an online endpoint' });
	await expect(dialog.getByLabel('New endpoint name')).toHaveValue('credit-risk');
	await expect(dialog.getByLabel('Deployment name')).toHaveValue('blue');
	await dialog.getByRole('button', { name: 'Deploy' }).click();
	await expect(page.getByTestId('message')).toContainText('delinquency:1 is deployed as "blue" on new endpoint credit-risk and takes 100 % of live traffic.');
	await page.getByTestId('message').getByRole('link', { name: 'Open the Endpoints page' }).click();
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="blue"]')).toContainText('delinquency:1');
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="blue"]')).toContainText('100 %');
	await expect(page.getByTestId('sw-waiting')).toBeHidden({ timeout: 30_000 });
	await page.getByLabel('Show keys').check();
	const key = (await page.getByTestId('primary-key').textContent())!;

	const answer = await score(page, key, records);
	expect(answer.status).toBe(200);
	const predictions = answer.body.predictions!;
	for (const p of predictions) expect(p.prediction).toBe(p.probability >= chosen ? 1 : 0);
	// Accounts between the chosen threshold and 0.5 are flagged: the tag, not 0.5, decided.
	expect(predictions.some((p) => p.probability >= chosen && p.probability < 0.5 && p.prediction === 1)).toBe(true);
});

test('the test console warns before sending a record that lacks features, and the answer lists what was imputed', async ({ page }) => {
	await train(page);
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');
	await page.goto('/lab/models');
	await page.getByRole('button', { name: 'Deploy to endpoint: version 1' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Deploy' }).click();
	await expect(page.getByTestId('message')).toContainText('deployed as "blue"');
	await page.goto('/lab/endpoints');
	await expect(page.getByTestId('sw-waiting')).toBeHidden({ timeout: 30_000 });

	const warning = page.getByTestId('missing-features');
	// The sample request is complete apart from values the generator leaves out; a full record draws no warning.
	await page.getByLabel(/^Request body/).fill(JSON.stringify([records[0]]));
	await expect(warning).toBeHidden();
	await page.getByLabel(/^Request body/).fill('[{"credit_utilization": 0.9}]');
	await expect(warning).toContainText(
		'delinquency:1 expects 8 features: record 1 lacks 7 of 8 (days_past_due_12m, num_open_accounts, annual_income, debt_to_income, months_on_book, payment_to_balance, region).'
	);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('response-status')).toHaveText('HTTP 200');
	await expect(page.getByTestId('response-imputed')).toHaveText(
		'Imputed: record 1: days_past_due_12m, num_open_accounts, annual_income, debt_to_income, months_on_book, payment_to_balance, region.'
	);
	const body = JSON.parse((await page.getByTestId('response-body').textContent())!);
	expect(body.predictions[0].imputed).toHaveLength(7);
});

test('on the Models page at 1280 px wide, every version’s Delete button is on screen', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await train(page);
	await page.getByLabel('Description (optional)').fill('A baseline with a long description that a learner typed to remember why they trained it');
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');
	await page.goto('/lab/models');
	const row = page.locator('tr[data-version="1"]');
	await row.getByRole('button', { name: 'Edit' }).click();
	await page.getByLabel('Tags (key=value, comma-separated)').fill('owner=credit-risk-team, stage=baseline, data=raw/accounts_2026-11-24.csv, threshold=0.35');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(row).toContainText('owner=credit-risk-team');

	const remove = row.getByRole('button', { name: 'Delete' });
	await expect(remove).toBeInViewport();
	const box = (await remove.boundingBox())!;
	const wrap = (await page.locator('.table-wrap').first().boundingBox())!;
	// Inside the window and not scrolled out of the table's own box.
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(1280);
	expect(box.x + box.width).toBeLessThanOrEqual(wrap.x + wrap.width);
	await remove.click();
	await expect(page.getByRole('dialog', { name: 'Delete version 1?' })).toBeVisible();
});
