import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sampleAccountsCsv } from '../../src/lib/lab/sample-accounts';
import { expect, test } from './fixtures';

async function registerModel(page: Page) {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');
}

// 40 accounts; file row 4 has a word where a number belongs, file row 7 has too few fields.
const lines = sampleAccountsCsv(40, 11).join('').trim().split('\n');
const badValue = lines[3]!.split(',');
badValue[1] = 'lots';
lines[3] = badValue.join(',');
lines[6] = 'A0000006,0.4,2';
const withBadRows = `${lines.join('\n')}\n`;

async function upload(page: Page, name: string, body: string) {
	await page.goto('/lab/data');
	await page.getByLabel('Files (or drop them here)').setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(body) }]);
	await expect(page.getByTestId('data-notice')).toContainText(`Uploaded raw/${name}`);
}

test('a batch job scores good rows, logs bad ones, and a job past error_threshold fails with no output', async ({ page }) => {
	await page.goto('/lab/batch');
	await expect(page.getByTestId('no-models')).toBeVisible();
	await expect(page.getByTestId('no-batch-runs')).toBeVisible();
	await registerModel(page);
	await upload(page, 'daily.csv', withBadRows);

	await page.goto('/lab/batch');
	await expect(page.getByLabel('Input file')).toHaveValue('raw/daily.csv');
	await page.getByLabel('mini_batch_size').fill('7');
	await page.getByRole('button', { name: 'Invoke' }).click();
	const result = page.getByTestId('batch-result');
	await expect(result).toHaveAttribute('data-status', 'succeeded');
	await expect(result.getByTestId('rows-in')).toHaveText('40');
	await expect(result.getByTestId('rows-out')).toHaveText('38');
	await expect(result.getByTestId('rows-failed')).toHaveText('2');
	const errorLog = page.getByTestId('error-log').locator('tbody tr');
	await expect(errorLog).toHaveCount(2);
	await expect(errorLog.nth(0)).toHaveText(/4\s*credit_utilization\s*"credit_utilization" must be a number/);
	await expect(errorLog.nth(1)).toHaveText(/7\s*—\s*has 3 fields; the header has 11/);
	const log = page.getByTestId('run-log').locator('tbody tr');
	await expect(log).toHaveCount(1);
	await expect(log.first()).toHaveAttribute('data-status', 'succeeded');
	await expect(log.first()).toContainText('curated/daily_predictions.csv');

	// The output: the original columns plus prediction, score and risk_bucket, for the 38 good rows.
	const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('batch-output').getByRole('button', { name: 'Download' }).click()]);
	const out = readFileSync((await download.path())!, 'utf8').trim().split('\n');
	expect(out[0]).toBe(`${lines[0]},prediction,score,risk_bucket`);
	expect(out).toHaveLength(39);
	expect(out[1]!.startsWith(`${lines[1]},`)).toBe(true);
	expect(out[1]!.slice(lines[1]!.length)).toMatch(/^,[01],0\.\d{6},(low|medium|high)$/);
	expect(out.some((l) => l.startsWith(lines[3]!.split(',')[0]! + ','))).toBe(false);
	// The same file through the Data page preview.
	await result.getByRole('link', { name: 'curated/daily_predictions.csv' }).click();
	await expect(page.getByTestId('preview').locator('thead th').last()).toHaveText('risk_bucket');

	// The error log is a file in logs/ too.
	await page.goto('/lab/data');
	await expect(page.getByTestId('zone-logs').locator('tbody tr')).toHaveCount(2);

	// error_threshold 1 with two bad rows: the job fails, says why, and writes no new output.
	await page.getByRole('button', { name: 'Delete curated/daily_predictions.csv' }).click();
	await page.getByRole('button', { name: 'Delete the file' }).click();
	await expect(page.getByTestId('zone-curated')).toContainText('No curated files yet');
	await page.goto('/lab/batch');
	await page.getByLabel('error_threshold').fill('1');
	await page.getByRole('button', { name: 'Invoke' }).click();
	await expect(result).toHaveAttribute('data-status', 'failed');
	await expect(result.getByTestId('batch-message')).toHaveText('2 rows failed, more than error_threshold 1. First problem: row 4: "credit_utilization" must be a number');
	await expect(result.getByTestId('batch-output')).toHaveCount(0);
	await expect(log).toHaveCount(2);
	await expect(log.first()).toHaveAttribute('data-status', 'failed');
	await expect(log.first()).toContainText('more than error_threshold 1');
	await page.goto('/lab/data');
	await expect(page.getByTestId('zone-curated')).toContainText('No curated files yet');

	// A bad setting is named before anything runs.
	await page.goto('/lab/batch');
	await page.getByLabel('mini_batch_size').fill('0');
	await page.getByRole('button', { name: 'Invoke' }).click();
	await expect(page.getByTestId('batch-error')).toHaveText('mini_batch_size must be a whole number from 1 to 1,000,000.');
	await expect(log).toHaveCount(2);
});

test('a job whose output would replace an earlier one asks first; keeping it runs nothing', async ({ page }) => {
	await registerModel(page);
	await upload(page, 'daily_accounts_twice.csv', sampleAccountsCsv(50, 3).join(''));
	await page.goto('/lab/batch');
	await page.getByLabel('Input file').selectOption('raw/daily_accounts_twice.csv');
	await expect(page.locator('#output-help')).toHaveText('Writes curated/daily_accounts_twice_predictions.csv; it appears only if the job succeeds.');
	await page.getByRole('button', { name: 'Invoke' }).click();
	const result = page.getByTestId('batch-result');
	await expect(result).toHaveAttribute('data-status', 'succeeded');
	const log = page.getByTestId('run-log').locator('tbody tr');
	await expect(log).toHaveCount(1);
	await expect(page.locator('#output-help')).toContainText('replacing the copy saved');

	// Asked on a 390 px phone: the question and both answers fit the screen, long file name and all.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.getByRole('button', { name: 'Invoke' }).click();
	const dialog = page.getByRole('dialog', { name: 'Replace curated/daily_accounts_twice_predictions.csv?' });
	await expect(dialog).toContainText("holds an earlier job's predictions");
	for (const part of [dialog, dialog.getByRole('button', { name: 'Keep it' }), dialog.getByRole('button', { name: 'Replace it and invoke' })]) {
		const box = (await part.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
	}
	const firstJob = await result.getByRole('heading', { level: 2 }).textContent();
	await dialog.getByRole('button', { name: 'Keep it' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('batch-progress')).toHaveCount(0);
	await expect(result.getByRole('heading', { level: 2 })).toHaveText(firstJob!);

	await page.getByRole('button', { name: 'Invoke' }).click();
	await dialog.getByRole('button', { name: 'Replace it and invoke' }).click();
	await expect(result.getByRole('heading', { level: 2 })).not.toHaveText(firstJob!);
	await expect(result).toHaveAttribute('data-status', 'succeeded');
	// Two jobs in all: had "Keep it" started one, there would be three.
	await expect(log).toHaveCount(2);
	await expect(log.first()).toHaveAttribute('data-status', 'succeeded');
});

test('a job whose output spans many blocks writes every row after its own input row, in order', async ({ page }) => {
	// 40,000 rows make about 2.7 MB of output, handed to the stored file in blocks of about 1 MB whose
	// buffers are used again (blob-sink.ts): a block changed before the browser had taken it would
	// show here as a row that is not its input row plus the three new columns.
	await registerModel(page);
	const input = sampleAccountsCsv(40_000, 5).join('');
	await upload(page, 'many.csv', input);
	await page.goto('/lab/batch');
	await page.getByLabel('Input file').selectOption('raw/many.csv');
	await page.getByRole('button', { name: 'Invoke' }).click();
	const result = page.getByTestId('batch-result');
	await expect(result).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
	await expect(result.getByTestId('rows-out')).toHaveText('40,000');
	const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('batch-output').getByRole('button', { name: 'Download' }).click()]);
	const out = readFileSync((await download.path())!, 'utf8').split('\n');
	const rows = input.trim().split('\n');
	expect(out).toHaveLength(rows.length + 1);
	expect(out.at(-1)).toBe('');
	expect(out[0]).toBe(`${rows[0]},prediction,score,risk_bucket`);
	const wrong = rows.slice(1).findIndex((row, i) => {
		const line = out[i + 1]!;
		return !line.startsWith(`${row},`) || !/^,[01],[01]\.\d{6},(low|medium|high)$/.test(line.slice(row.length));
	});
	expect(wrong, 'first data row whose output line is not that row plus prediction, score and risk_bucket').toBe(-1);
});

test('cancelling a job on a large file logs it as cancelled and writes no output', async ({ page }) => {
	test.setTimeout(120_000);
	await registerModel(page);
	await page.goto('/lab/data');
	await page.getByLabel('Rows').fill('400000');
	await page.getByRole('button', { name: 'Generate' }).click();
	await expect(page.getByTestId('data-notice')).toContainText('with 400,000 accounts', { timeout: 30_000 });

	await page.goto('/lab/batch');
	await page.getByLabel('mini_batch_size').fill('50');
	await page.getByRole('button', { name: 'Invoke' }).click();
	await expect(page.getByTestId('batch-progress')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel job' }).click();
	const result = page.getByTestId('batch-result');
	await expect(result).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
	await expect(result.getByTestId('batch-message')).toHaveText('The job was cancelled; no output was written.');
	const log = page.getByTestId('run-log').locator('tbody tr');
	await expect(log).toHaveCount(1);
	await expect(log.first()).toHaveAttribute('data-status', 'cancelled');
	await page.goto('/lab/data');
	await expect(page.getByTestId('zone-curated')).toContainText('No curated files yet');
});

test('a batch job runs offline', async ({ page, context }) => {
	await registerModel(page);
	await page.goto('/lab/data');
	await page.getByRole('button', { name: 'Generate' }).click();
	await expect(page.getByTestId('data-notice')).toContainText('with 5,000 accounts');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
	});
	await context.setOffline(true);
	const response = await page.goto('/lab/batch');
	expect(response?.fromServiceWorker()).toBe(true);
	await page.getByLabel('output_action').selectOption('summary_only');
	await page.getByRole('button', { name: 'Invoke' }).click();
	const result = page.getByTestId('batch-result');
	await expect(result).toHaveAttribute('data-status', 'succeeded');
	await expect(result.getByTestId('rows-out')).toHaveText('5,000');
	await expect(result.getByTestId('batch-output')).toHaveCount(0);
	await expect(page.getByTestId('run-log').locator('tbody tr').first()).toHaveAttribute('data-status', 'succeeded');
});
