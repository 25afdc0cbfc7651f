import type { Locator, Page } from '@playwright/test';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

// A learner without a mouse: every step below uses Tab, Shift+Tab, Enter, Space or the app's own
// shortcuts, and every control that takes focus must show it.

/** The focused element draws a focus ring: an outline of some width, or a box shadow. */
async function expectVisibleFocus(page: Page) {
	const style = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const s = getComputedStyle(el);
		return { element: el.outerHTML.slice(0, 80), outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow };
	});
	const ring = (style.outlineStyle !== 'none' && style.outlineWidth > 0) || style.boxShadow !== 'none';
	expect(ring, `focus indicator on ${style.element}`).toBe(true);
}

/** Presses Tab until the target has focus, checking the focus ring at every stop on the way. */
async function tabTo(page: Page, target: Locator, maxStops = 80) {
	for (let i = 0; i < maxStops; i++) {
		await page.keyboard.press('Tab');
		const onBody = await page.evaluate(() => document.activeElement === document.body);
		if (!onBody) await expectVisibleFocus(page);
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target}`);
}

test('the skip link, the main navigation and a card review by keyboard', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await expectVisibleFocus(page);
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	// The next Tab lands in the page's own content, past the navigation.
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
	await expectVisibleFocus(page);

	// Back to the top: the navigation follows the skip link.
	await page.goto('/');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Prep Lab' })).toBeFocused();
	await tabTo(page, nav.getByRole('link', { name: 'Cards' }), 3);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/cards$/);

	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const first = await card.getAttribute('data-card-id');
	const newCount = async () => Number((await page.locator('.counts .new').textContent())!.match(/\d+/)![0]);
	const newBefore = await newCount();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('answer')).toBeVisible();
	await page.keyboard.press('3'); // Good
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	const second = await card.getAttribute('data-card-id');

	// The same through the buttons: Tab to "Show answer", then to a grade, each pressed with Enter or Space.
	await tabTo(page, page.getByRole('button', { name: /Show answer/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('answer')).toBeVisible();
	const easy = page.locator('[data-grade="Easy"]');
	await easy.waitFor();
	await tabTo(page, easy);
	await page.keyboard.press('Space');
	await expect(card).not.toHaveAttribute('data-card-id', second!);
	await expect(page.locator('.counts .new')).toHaveText(`${newBefore - 2} new`);
});

test('"/" opens search and a result opens by keyboard', async ({ page }) => {
	await page.goto('/progress');
	await page.keyboard.press('/');
	await expect(page).toHaveURL(/\/search$/);
	const box = page.getByRole('searchbox');
	await expect(box).toBeFocused();
	await expectVisibleFocus(page);
	await page.keyboard.type('endpoint');
	const firstResult = page.getByTestId('search-results').locator('a').first();
	await expect(firstResult).toBeVisible();
	const href = (await firstResult.getAttribute('href'))!;
	await tabTo(page, firstResult, 5);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(href);
});

test('train and register a model in the lab with Tab, Enter and Space only', async ({ page }) => {
	await page.goto('/lab/train');
	await tabTo(page, page.getByRole('button', { name: 'Train', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('train-result')).toBeVisible();

	const slider = page.getByRole('slider', { name: 'Decision threshold' });
	await tabTo(page, slider);
	await expectVisibleFocus(page);
	await tabTo(page, page.getByRole('button', { name: 'Register model' }));
	await page.keyboard.press('Space');
	await expect(page.getByTestId('registered')).toContainText('version 1');

	await page.goto('/lab/models');
	await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(1);
});
