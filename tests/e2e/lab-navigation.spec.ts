import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

const LAB_PAGES: [string, string | RegExp][] = [
	['/lab', 'Overview'],
	['/lab/data', 'Data'],
	['/lab/train', 'Train'],
	['/lab/runs', 'Runs'],
	['/lab/sweep', 'Sweep'],
	['/lab/models', 'Models'],
	['/lab/endpoints', 'Endpoints'],
	['/lab/batch', 'Batch'],
	['/lab/responsible-ai', 'Responsible AI'],
	['/lab/monitor', 'Monitoring'],
	['/lab/rag', 'RAG'],
	['/lab/rag/evaluate', 'RAG']
];

test('every lab page has the lab navigation, with its own page marked current', async ({ page }) => {
	for (const [path, current] of LAB_PAGES) {
		await page.goto(path);
		const nav = page.getByRole('navigation', { name: 'Lab pages' });
		await expect(nav.getByRole('link')).toHaveCount(new Set(LAB_PAGES.map(([, label]) => label)).size);
		await expect(nav.locator('[aria-current="page"]'), path).toHaveText(current);
	}
	// It moves between lab pages.
	await page.getByRole('navigation', { name: 'Lab pages' }).getByRole('link', { name: 'Endpoints' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Online endpoints' })).toBeVisible();
	await expect(page).toHaveURL(/\/lab\/endpoints$/);
});

test('on a phone the lab navigation scrolls on its own, keeps the current page in view, and the page does not scroll sideways', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	await page.goto('/lab/monitor');
	await page.locator('html[data-interactive]').waitFor();
	const current = page.getByRole('navigation', { name: 'Lab pages' }).locator('[aria-current="page"]');
	await expect(current).toHaveText('Monitoring');
	await expect(current).toBeInViewport();
	const box = (await current.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(390);
	expect(box.height).toBeGreaterThanOrEqual(40);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	await context.close();
});
