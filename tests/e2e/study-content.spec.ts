import { expect, test } from './fixtures';

test('"/" opens search; a result opens the note at the matching section', async ({ page }) => {
	await page.goto('/notes');
	await page.locator('html[data-interactive]').waitFor();
	await page.keyboard.press('/');
	await expect(page).toHaveURL(/\/search$/);
	const box = page.getByRole('searchbox');
	await expect(box).toBeFocused();
	await box.fill('blue green traffic');
	const results = page.getByTestId('search-results');
	await expect(results.locator('li').first()).toBeVisible();
	await expect(page).toHaveURL(/\?q=blue\+green\+traffic$/);
	const noteLink = results.locator('a[href^="/notes/safe-rollout-blue-green#"]').first();
	const href = (await noteLink.getAttribute('href'))!;
	await noteLink.click();
	await expect(page).toHaveURL(href);
	const heading = page.locator(`[id="${href.split('#')[1]}"]`);
	await expect(heading).toBeInViewport();
	await page.keyboard.press('/');
	await expect(page).toHaveURL(/\/search$/);
	await expect(page.getByText('Type to search all notes')).toBeVisible();
	await page.getByRole('searchbox').fill('zzqxv wvvq');
	await expect(page.getByText('No results for “zzqxv wvvq”')).toBeVisible();
});

test('a note shows its outline, highlighted code, flashcards and practice questions', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/notes/managed-online-endpoints');
	const outline = page.getByRole('navigation', { name: 'On this page' });
	await expect(outline.getByRole('link', { name: 'Exam traps' })).toBeVisible();
	await expect(page.locator('.prose pre code.hljs span.hljs-keyword').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: /Flashcards for this note/ })).toBeVisible();
	const practice = page.getByRole('heading', { name: /Practice questions on this note/ });
	await expect(practice).toBeVisible();
	const itemLink = page.locator('a[href^="/exam/train-deploy#"]').first();
	const href = (await itemLink.getAttribute('href'))!;
	await itemLink.click();
	await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toBeInViewport();
	await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toContainText('Read more');
	await page.getByRole('link', { name: 'Exam', exact: true }).first().click();
	// The exam page shows the exam in force: AI-300 until another is chosen.
	await expect(page.getByRole('link', { name: 'Implement machine learning model lifecycle and operations' })).toBeVisible();
});

test('search works offline once the app is installed', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
	});
	await context.setOffline(true);
	await page.goto('/search?q=bandit');
	await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
	await page.goto('/exam/explore-experiment');
	await expect(page.getByRole('heading', { level: 1, name: /Explore data/ })).toBeVisible();
	await page.goto('/interview#end-to-end-ml-project');
	await expect(page.locator('h1')).toHaveText('Interview questions');
});
