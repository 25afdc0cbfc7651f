import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('home page says what the app is and links every section', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Prep Lab' })).toBeVisible();
	await expect(page.getByText(/DP-100/).first()).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const name of ['Notes', 'Cards', 'Interview', 'Exam', 'Lab', 'Progress']) {
		await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
	}
	// Nothing reviewed yet in a fresh browser: every due card is new.
	await expect(page.getByTestId('due-today')).toContainText(/\d+ new · 0 learning · 0 review/);
});

test('navigation reaches each section', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const [name, heading] of [
		['Notes', 'Notes'],
		['Cards', 'Flashcards'],
		['Interview', 'Interview questions'],
		['Exam', /AI-300/],
		['Lab', 'ML lab'],
		['Progress', 'Progress']
	] as const) {
		await nav.getByRole('link', { name, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
	}
});

test('a note renders from markdown with its sources', async ({ page }) => {
	await page.goto('/notes');
	await page.getByRole('link', { name: /CATER method/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: /CATER/ })).toBeVisible();
	// Markdown features compiled at build time: a table and section headings.
	await expect(page.locator('.prose table')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Tradeoffs' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
});

test('the layout fits a 360 px phone without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/', '/cards', '/lab/train', '/notes/cater-method', '/exam']) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
	}
});

test('the manifest makes the app installable', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
	const sizes = manifest.icons.map((i: { sizes: string; purpose?: string }) => `${i.sizes}:${i.purpose ?? 'any'}`);
	expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
	for (const icon of manifest.icons) expect((await request.get(icon.src)).ok()).toBe(true);
});

test('settings shows the answer to the persistent-storage request', async ({ page }) => {
	await page.goto('/settings');
	await expect(page.getByTestId('persistence')).toContainText(/Persistent storage: (granted|not granted)/);
	await expect(page.getByText(/Using .* of about .* available/)).toBeVisible();
});

test('every page carries a Content-Security-Policy: own scripts only, no eval, no other origins', async ({ page, request }) => {
	for (const path of ['/', '/notes/cater-method', '/cards', '/interview', '/exam/practice', '/lab/train', '/lab/models', '/progress', '/settings', '/search']) {
		const html = await (await request.get(path)).text();
		const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
		expect(csp, path).toBeDefined();
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).toContain("connect-src 'self'");
		expect(csp).not.toContain('unsafe-eval');
	}
	// A page that runs a worker, charts and IndexedDB works under it (violations fail the fixture).
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
});
