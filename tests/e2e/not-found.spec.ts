import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function expectNotFound(page: Page, path: string) {
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await expect(page.getByTestId('missing-path')).toContainText(`There is no page at ${path}.`);
	// The app's own navigation is there.
	const nav = page.getByRole('navigation', { name: 'Main' });
	for (const name of ['Notes', 'Cards', 'Interview', 'Exam', 'Lab', 'Progress']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
}

async function searchFrom404(page: Page) {
	const box = page.getByRole('searchbox', { name: 'Search notes, flashcards, interview questions and exam items' });
	await box.fill('blue green');
	await box.press('Enter');
	await expect(page).toHaveURL(/\/search\?q=blue(\+|%20)green$/);
	await expect(page.getByTestId('search-results').locator('li').first()).toBeVisible();
}

test('an unknown URL shows the 404 page with the navigation and a search box that searches', async ({ page }) => {
	const response = await page.goto('/lab/no-such-page');
	expect(response?.status()).toBe(404);
	await expectNotFound(page, '/lab/no-such-page');
	await searchFrom404(page);
});

test('offline, the service worker answers an unknown URL with the 404 page', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await context.setOffline(true);
	const response = await page.goto('/notes/no-such-note');
	expect(response?.fromServiceWorker()).toBe(true);
	expect(response?.status()).toBe(404);
	await expectNotFound(page, '/notes/no-such-note');
	await searchFrom404(page);
});
