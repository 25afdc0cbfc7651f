import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The online endpoint is answered by the service worker: every request here goes through fetch, as
// an outside client's would, and is checked by what comes back.

async function registerVersion(page: Page, version: number, C: string) {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByLabel('C (inverse regularisation)').fill(C);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText(`version ${version}`);
}

/** Two versions, and an endpoint `credit-risk` whose `blue` deployment serves version 1. */
async function endpointWithBlue(page: Page) {
	await registerVersion(page, 1, '1');
	await registerVersion(page, 2, '0.01');
	await page.goto('/lab/endpoints');
	await expect(page.getByTestId('no-endpoints')).toBeVisible();
	await page.getByLabel('Endpoint name').fill('credit-risk');
	await page.getByRole('button', { name: 'Create endpoint' }).click();
	await expect(page.getByTestId('no-deployments')).toBeVisible();
	await page.getByLabel('Deployment name').fill('blue');
	await page.getByLabel('Model version').selectOption('1');
	await page.getByRole('button', { name: 'Add deployment' }).click();
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="blue"]')).toContainText('100 %');
	// A fresh browser installs the service worker (precaching the whole app) before it can answer; on a busy machine that takes a while.
	await expect(page.getByTestId('sw-waiting')).toBeHidden({ timeout: 30_000 });
}

async function keys(page: Page) {
	await page.getByLabel('Show keys').check();
	return { primary: (await page.getByTestId('primary-key').textContent())!, secondary: (await page.getByTestId('secondary-key').textContent())! };
}

type Answer = { status: number; body: Record<string, unknown>; deployment: string | null };
const score = (page: Page, headers: Record<string, string>, body: string, name = 'credit-risk'): Promise<Answer> =>
	page.evaluate(
		async ({ headers, body, name }) => {
			const response = await fetch(`/api/endpoints/${name}/score`, { method: 'POST', headers, body });
			return { status: response.status, body: await response.json(), deployment: response.headers.get('azureml-model-deployment') };
		},
		{ headers, body, name }
	);

const record = { credit_utilization: 0.42, days_past_due_12m: 1, num_open_accounts: 5, annual_income: 48000, debt_to_income: 0.3, months_on_book: 40, payment_to_balance: 0.15, region: 'south' };

test('a 90/10 split over 1,000 fetch requests, header targeting, and the request log', async ({ page }) => {
	test.setTimeout(120_000);
	await endpointWithBlue(page);
	await page.getByLabel('Deployment name').fill('green');
	await page.getByLabel('Model version').selectOption('2');
	await page.getByRole('button', { name: 'Add deployment' }).click();
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="green"]')).toContainText('0 %');

	// The editor refuses a split that does not add up.
	await page.getByLabel('blue (%)').fill('80');
	await page.getByLabel('green (%)').fill('10');
	await expect(page.getByTestId('traffic-total')).toHaveText('Total 90 %: the split must add up to 100 %.');
	await expect(page.getByRole('button', { name: 'Save traffic' })).toBeDisabled();
	await page.getByLabel('blue (%)').fill('90');
	await page.getByRole('button', { name: 'Save traffic' }).click();
	await expect(page.getByTestId('message')).toHaveText('Live traffic: blue 90 %, green 10 %.');

	const { primary } = await keys(page);
	const answers = await page.evaluate(
		async ({ key, record }) => {
			const out: { deployment: string; version: number; header: string | null; status: number }[] = [];
			for (let batch = 0; batch < 20; batch++) {
				const results = await Promise.all(
					Array.from({ length: 50 }, async () => {
						const response = await fetch('/api/endpoints/credit-risk/score', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify([record]) });
						const body = await response.json();
						return { deployment: body.deployment, version: body.model_version, header: response.headers.get('azureml-model-deployment'), status: response.status };
					})
				);
				out.push(...results);
			}
			return out;
		},
		{ key: primary, record }
	);
	expect(answers).toHaveLength(1000);
	expect(answers.every((a) => a.status === 200)).toBe(true);
	const green = answers.filter((a) => a.deployment === 'green');
	expect(green.length).toBeGreaterThanOrEqual(50);
	expect(green.length).toBeLessThanOrEqual(150);
	// Each answer names the deployment that gave it, and that deployment's version.
	for (const a of answers) {
		expect(a.version).toBe(a.deployment === 'green' ? 2 : 1);
		expect(a.header).toBe(a.deployment);
	}

	// The header reaches one deployment whatever the split says.
	for (let i = 0; i < 10; i++) {
		const targeted = await score(page, { authorization: `Bearer ${primary}`, 'azureml-model-deployment': 'green' }, JSON.stringify([record, record]));
		expect(targeted).toMatchObject({ status: 200, deployment: 'green', body: { deployment: 'green', model_version: 2, model_name: 'delinquency' } });
		expect(targeted.body.predictions).toHaveLength(2);
	}
	expect((await score(page, { authorization: `Bearer ${primary}`, 'azureml-model-deployment': 'red' }, JSON.stringify([record]))).status).toBe(404);

	// The request log counts what the service worker answered.
	await expect(async () => {
		await page.getByRole('button', { name: 'Refresh' }).click();
		await expect(page.getByTestId('log-total')).toHaveText('1011', { timeout: 1000 });
	}).toPass();
	await expect(page.getByTestId('by-status')).toContainText('200: 1010');
	await expect(page.getByTestId('by-status')).toContainText('404: 1');
	await expect(page.getByTestId('by-deployment')).toContainText(`green: ${green.length + 10}`);
	await expect(page.getByTestId('p95')).toHaveText(/\d+\.\d ms/);

	// The console sends through the same path and shows status, JSON and latency.
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('response-status')).toHaveText('HTTP 200');
	await expect(page.getByTestId('response-body')).toContainText('"model_version"');
	await expect(page.getByTestId('response-latency')).toHaveText(/\d+\.\d ms/);
});

test('401 without a key, with a wrong key or a regenerated one; 400 naming the bad JSON or the record and field', async ({ page }) => {
	await endpointWithBlue(page);
	const before = await keys(page);
	const body = JSON.stringify([record]);

	const missing = await score(page, { 'content-type': 'application/json' }, body);
	expect(missing.status).toBe(401);
	expect(missing.body).toMatchObject({ error: { code: 'Unauthorized' } });
	expect((await score(page, { authorization: 'Bearer wrong' }, body)).status).toBe(401);
	expect((await score(page, { authorization: `Bearer ${before.secondary}` }, body)).status).toBe(200);

	await page.getByRole('button', { name: 'Regenerate primary' }).click();
	await expect(page.getByTestId('message')).toHaveText('Regenerated the primary key. The old one no longer works.');
	const after = await keys(page);
	expect(after.primary).not.toBe(before.primary);
	expect((await score(page, { authorization: `Bearer ${before.primary}` }, body)).status).toBe(401);
	expect((await score(page, { authorization: `Bearer ${after.primary}` }, body)).status).toBe(200);

	const badJson = await score(page, { authorization: `Bearer ${after.primary}` }, '[{"credit_utilization": ');
	expect(badJson.status).toBe(400);
	expect((badJson.body.error as { message: string }).message).toContain('not valid JSON');

	const wrongType = await score(page, { authorization: `Bearer ${after.primary}` }, JSON.stringify({ input_data: [record, { ...record, annual_income: 'plenty' }] }));
	expect(wrongType.status).toBe(400);
	expect(wrongType.body.errors).toEqual([{ record: 1, field: 'annual_income', message: '"annual_income" must be a number' }]);

	expect((await score(page, { authorization: `Bearer ${after.primary}` }, body, 'nope')).status).toBe(404);
	const get = await page.evaluate(async () => (await fetch('/api/endpoints/credit-risk/score')).status);
	expect(get).toBe(405);

	// The console shows a refusal as text.
	await page.getByRole('combobox', { name: /^Key to send/ }).selectOption('none');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('response-status')).toHaveText('HTTP 401');
	await expect(page.getByTestId('response-body')).toContainText('has no key');
});

test('the safe-rollout walkthrough: green at 0 %, test by header, 10 %, 100 %, delete blue', async ({ page }) => {
	await endpointWithBlue(page);
	const walkthrough = page.getByTestId('walkthrough');
	await walkthrough.getByLabel('Version for green').selectOption('2');

	// Deleting blue while it takes traffic is refused, as Azure refuses it.
	await walkthrough.getByRole('button', { name: '5. Delete blue' }).click();
	await expect(page.getByTestId('step-delete-blue')).toContainText('still takes 100 % of live traffic');

	await walkthrough.getByRole('button', { name: '1. Create green at 0 %' }).click();
	await expect(page.getByTestId('step-create-green')).toContainText('✓ Deployment green serves delinquency:2.');
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="green"]')).toContainText('0 %');

	await walkthrough.getByRole('button', { name: '2. Test green by header' }).click();
	await expect(page.getByTestId('step-test-green')).toContainText(/✓ HTTP 200 from green in \d+\.\d ms/);
	// The request log above gains that request a moment after the answer (the worker writes it once
	// requests pause), which moves the walkthrough down: wait until it shows, so the next click does not
	// land where a button was (a clean-clone CI run clicked beside step 3 and waited in vain).
	await expect(async () => {
		await page.getByRole('button', { name: 'Refresh' }).click();
		await expect(page.getByTestId('by-deployment')).toContainText('green: 1', { timeout: 1000 });
	}).toPass();

	await walkthrough.getByRole('button', { name: '3. Send 10 % to green' }).click();
	await expect(page.getByTestId('step-green-10')).toContainText('blue 90 %, green 10 %');
	await walkthrough.getByRole('button', { name: '4. Send 100 % to green' }).click();
	await expect(page.getByTestId('step-green-100')).toContainText('blue 0 %, green 100 %');
	await walkthrough.getByRole('button', { name: '5. Delete blue' }).click();
	await expect(page.getByTestId('step-delete-blue')).toContainText('✓ Deleted deployment blue.');
	await expect(page.getByTestId('deployments').locator('tbody tr')).toHaveCount(1);

	// Live traffic now reaches green only, and the change survives a reload.
	const { primary } = await keys(page);
	const answer = await score(page, { authorization: `Bearer ${primary}` }, JSON.stringify([record]));
	expect(answer).toMatchObject({ status: 200, deployment: 'green', body: { model_version: 2 } });
	await page.reload();
	await expect(page.getByTestId('deployments').locator('tr[data-deployment="green"]')).toContainText('100 %');

	// The whole page, with a response and a log, fits a 360 px phone.
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('response-status')).toHaveText('HTTP 200');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.getByText('curl and fetch snippets').click();
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('the endpoint answers offline once the service worker controls the page', async ({ page, context }) => {
	await endpointWithBlue(page);
	const { primary } = await keys(page);
	await context.setOffline(true);
	await page.reload();
	const answer = await score(page, { authorization: `Bearer ${primary}` }, JSON.stringify([record]));
	expect(answer).toMatchObject({ status: 200, deployment: 'blue', body: { model_version: 1 } });
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('response-status')).toHaveText('HTTP 200');
	expect((await score(page, {}, JSON.stringify([record]))).status).toBe(401);
});

test('the service worker keeps the endpoint in memory, and the next request sees each change: traffic, a deleted version, a restored backup', async ({ page }) => {
	test.setTimeout(150_000);
	await endpointWithBlue(page);
	const { primary } = await keys(page);
	const auth = { authorization: `Bearer ${primary}` };
	const body = JSON.stringify([record]);
	expect(await score(page, auth, body)).toMatchObject({ status: 200, deployment: 'blue', body: { model_version: 1 } });
	await page.goto('/settings');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export a backup' }).click()]);
	const backupPath = await download.path();

	// Green takes all live traffic: the very next request is answered by it.
	await page.goto('/lab/endpoints');
	const walkthrough = page.getByTestId('walkthrough');
	await walkthrough.getByLabel('Version for green').selectOption('2');
	await walkthrough.getByRole('button', { name: '1. Create green at 0 %' }).click();
	await expect(page.getByTestId('step-create-green')).toContainText('✓');
	expect(await score(page, auth, body)).toMatchObject({ status: 200, deployment: 'blue' });
	await walkthrough.getByRole('button', { name: '4. Send 100 % to green' }).click();
	await expect(page.getByTestId('step-green-100')).toContainText('blue 0 %, green 100 %');
	expect(await score(page, auth, body)).toMatchObject({ status: 200, deployment: 'green', body: { model_version: 2 } });

	// Deleting version 2 removes green; blue takes the traffic back at once.
	await page.goto('/lab/models');
	await page.locator('tr[data-version="2"]').getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('button', { name: 'Delete version 2 and its deployments' }).click();
	await expect(page.locator('tr[data-version="2"]')).toHaveCount(0);
	expect(await score(page, auth, body)).toMatchObject({ status: 200, deployment: 'blue', body: { model_version: 1 } });

	// A regenerated key refuses the old one; restoring the backup brings it back, and green's version 2.
	await page.goto('/lab/endpoints');
	await page.getByRole('button', { name: 'Regenerate primary' }).click();
	await expect(page.getByTestId('message')).toContainText('Regenerated the primary key');
	expect((await score(page, auth, body)).status).toBe(401);
	await page.goto('/settings');
	await page.locator('#backup-file').setInputFiles(backupPath);
	await page.getByLabel("Replace my data with the backup's").check();
	await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
	await expect(page.getByTestId('backup-message')).toContainText('Restored the backup');
	expect(await score(page, auth, body)).toMatchObject({ status: 200, deployment: 'blue', body: { model_version: 1 } });
	expect(await score(page, { ...auth, 'azureml-model-deployment': 'green' }, body)).toMatchObject({ status: 404 });

	// Every request above is in the request log (a restore keeps it), written in batches after the answers.
	await page.goto('/lab/endpoints');
	await expect(async () => {
		await page.getByRole('button', { name: 'Refresh' }).click();
		await expect(page.getByTestId('log-total')).toHaveText('7', { timeout: 1000 });
	}).toPass();
	await expect(page.getByTestId('by-status')).toContainText('401: 1');
});
