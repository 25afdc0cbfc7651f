import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

/** Text the learner types or imports is shown as text: no element is created from it and nothing runs. */
async function expectInert(page: import('@playwright/test').Page) {
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test('markup typed or imported anywhere stays text', async ({ page }) => {
	// A CSV whose header and values carry markup.
	await page.goto('/lab/train');
	await page.getByLabel('A CSV file').check();
	const csv = `id,note,"${PAYLOAD.replace(/"/g, '""')}",delinquent_90d\n` + Array.from({ length: 40 }, (_, i) => `a${i},"${PAYLOAD.replace(/"/g, '""')}",${i % 5},${i % 2}`).join('\n');
	await page.locator('#csv-file').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page.getByTestId('schema-editor')).toContainText('<img src=x');
	await expectInert(page);

	// A model description and tags.
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('500');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page.getByLabel('Description (optional)').fill(PAYLOAD);
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toBeVisible();
	await page.goto('/lab/models');
	await expect(page.getByTestId('model-versions')).toContainText('<img src=x');
	await expectInert(page);

	// A mock-interview answer, shown back beside the model answer.
	await page.goto('/interview/end-to-end-project');
	await page.locator('textarea').fill(PAYLOAD);
	await page.getByRole('button', { name: /Show model answer/ }).click();
	await expect(page.getByText('<script>window.__xss=2</script>', { exact: false })).toBeVisible();
	await expectInert(page);

	// A search query.
	await page.goto(`/search?q=${encodeURIComponent(PAYLOAD)}`);
	await expect(page.getByRole('searchbox')).toHaveValue(PAYLOAD);
	await expectInert(page);
});
