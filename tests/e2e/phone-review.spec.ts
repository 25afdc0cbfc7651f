import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** The element's box lies wholly inside the viewport (nothing to scroll to). */
async function expectInViewport(page: Page, locator: Locator, what: string) {
	const box = (await locator.boundingBox())!;
	const { width, height } = page.viewportSize()!;
	expect(box, what).not.toBeNull();
	expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
	expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width);
	expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(height);
}

test.describe('on a 390×844 touch phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the card, Show answer and then all four grades fit the screen without scrolling', async ({ page }) => {
		await page.goto('/cards');
		const card = page.getByTestId('review-card');
		await expect(card).toBeVisible();
		// A compact header: one row, not the two-row 142 px it was.
		expect((await page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(60);
		// The deck filters are a one-line summary during a session; the full list opens on tap.
		await expect(page.getByTestId('filters-summary')).toHaveText('All 5 decks · all tags');
		await expect(page.getByLabel('CATER method')).toBeHidden();

		await expectInViewport(page, card, 'card');
		const show = page.getByRole('button', { name: /Show answer/ });
		await expectInViewport(page, show, 'Show answer');
		await show.tap();
		await expect(page.getByTestId('answer')).toBeVisible();
		await expectInViewport(page, card.locator('.front'), 'question');
		for (const grade of ['Again', 'Hard', 'Good', 'Easy']) {
			const button = page.locator(`[data-grade="${grade}"]`);
			await expectInViewport(page, button, grade);
			// Thumb-sized targets.
			expect((await button.boundingBox())!.height, `${grade} height`).toBeGreaterThanOrEqual(48);
		}
		const first = await card.getAttribute('data-card-id');
		await page.locator('[data-grade="Good"]').tap();
		await expect(card).not.toHaveAttribute('data-card-id', first!);

		await page.getByTestId('filters-summary').tap();
		await expect(page.getByLabel('CATER method')).toBeVisible();
		await page.getByLabel('CATER method').uncheck();
		await expect(page.getByTestId('filters-summary')).toHaveText('4 of 5 decks · all tags');
	});

	test('the grade bar stays on screen when a long answer scrolls', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 500 });
		await page.goto('/cards');
		await page.getByRole('button', { name: /Show answer/ }).tap();
		await expect(page.getByTestId('answer')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollHeight - innerHeight), 'the page scrolls').toBeGreaterThan(0);
		await page.evaluate(() => window.scrollTo(0, 0));
		for (const grade of ['Again', 'Easy']) await expectInViewport(page, page.locator(`[data-grade="${grade}"]`), grade);
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		for (const grade of ['Again', 'Easy']) await expectInViewport(page, page.locator(`[data-grade="${grade}"]`), grade);
	});

	test('keyboard hints are hidden on a touch-only device', async ({ page }) => {
		await page.goto('/cards');
		const show = page.getByRole('button', { name: /Show answer/ });
		await expect(show).toBeVisible();
		await expect(show.locator('kbd')).toBeHidden();
		await show.tap();
		await expect(page.locator('[data-grade="Good"] kbd')).toBeHidden();
		await expect(page.getByRole('button', { name: /Undo/ }).locator('kbd')).toBeHidden();
	});
});

test('on a desktop the keyboard hints show', async ({ page }) => {
	await page.goto('/cards');
	await expect(page.getByRole('button', { name: /Show answer/ }).locator('kbd')).toHaveText('Space');
});

test('Space reveals the answer while a deck checkbox has focus, and leaves the deck chosen', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const first = await card.getAttribute('data-card-id');
	const deck = page.getByLabel('CATER method');
	await deck.focus();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('answer')).toBeVisible();
	await expect(deck).toBeChecked();
	await expect(deck).toBeFocused();
	// Space again (answer shown) still does not untick the deck and restart the session under the card.
	await page.keyboard.press('Space');
	await expect(deck).toBeChecked();
	await expect(card).toHaveAttribute('data-card-id', first!);
	// Grades work from there too; a text field keeps its keys (the tag list is a select).
	await page.keyboard.press('3');
	await expect(card).not.toHaveAttribute('data-card-id', first!);
});

test('a card names the note it comes from by its title', async ({ page }) => {
	await page.goto('/cards');
	await page.getByTestId('review-card').waitFor();
	await page.keyboard.press('Space');
	const source = page.getByTestId('card-source').getByRole('link');
	const href = (await source.getAttribute('href'))!;
	const slug = href.replace('/notes/', '');
	await expect(source).not.toHaveText(slug);
	await source.click();
	await expect(page).toHaveURL(href);
	// The link text is the note's own heading.
	const title = await page.getByRole('heading', { level: 1 }).textContent();
	await page.goBack();
	await page.locator('html[data-interactive]').waitFor();
	await page.getByTestId('review-card').waitFor();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('card-source').getByRole('link')).toHaveText(title!.trim());
});

test('the "ready to work offline" notice floats over the page and does not move the card', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	const notice = page.getByTestId('offline-ready');
	// A first visit: the service worker takes control and the notice appears while the card is up.
	await expect(notice).toBeVisible({ timeout: 20_000 });
	await expect(card).toBeVisible();
	expect(await notice.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
	const withNotice = await card.boundingBox();
	await notice.getByRole('button', { name: 'Dismiss' }).click();
	await expect(notice).toHaveCount(0);
	expect(await card.boundingBox()).toEqual(withNotice);
});
