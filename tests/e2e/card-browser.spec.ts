import type { Page } from '@playwright/test';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

const newCount = async (page: Page) => Number((await page.locator('.counts .new').textContent())!.match(/\d+/)![0]);
const rows = (page: Page) => page.getByTestId('card-table').locator('tbody tr');
/** "N of M cards match": N. */
const matching = async (page: Page) => Number(await page.getByTestId('browse-summary').locator('strong').textContent());

test('the card browser finds, filters, unsuspends and resets cards, and the review screen follows', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const newBefore = await newCount(page);
	const first = (await card.getAttribute('data-card-id'))!;
	await page.keyboard.press('Space');
	await page.keyboard.press('4'); // Easy: first is now a review card, due in days
	await expect(card).not.toHaveAttribute('data-card-id', first);
	const second = (await card.getAttribute('data-card-id'))!;
	await page.keyboard.press('s');
	await expect(page.getByTestId('notice')).toContainText('Card suspended');
	await expect(card).not.toHaveAttribute('data-card-id', second);

	// The review screen links to its suspended cards, pre-filtered.
	await page.getByTestId('flagged-cards').getByRole('link', { name: '1 suspended' }).click();
	await expect(page).toHaveURL(/\/cards\/browse\?state=suspended$/);
	await expect(page.getByLabel('State')).toHaveValue('suspended');
	await expect(rows(page)).toHaveCount(1);
	await expect(rows(page).first()).toHaveAttribute('data-card-id', second);

	await rows(page).first().locator('.open').click();
	const detail = page.getByTestId('card-detail');
	await expect(detail.getByTestId('detail-state')).toHaveText('New, Suspended');
	await expect(detail.getByTestId('no-history')).toBeVisible();
	await detail.getByRole('button', { name: 'Unsuspend' }).click();
	await expect(detail.getByRole('status')).toContainText('Unsuspended: 1 card.');
	await expect(detail.getByTestId('detail-state')).toHaveText('New');
	await page.keyboard.press('Escape');
	await expect(detail).toBeHidden();
	await expect(page.getByTestId('no-cards')).toBeVisible();

	// The reviewed card, found by its state; its history shows the Easy review.
	await page.getByLabel('State').selectOption('review');
	await expect(page).toHaveURL(/state=review/);
	await expect(rows(page)).toHaveCount(1);
	const reviewed = rows(page).first();
	await expect(reviewed).toHaveAttribute('data-card-id', first);
	const front = (await reviewed.locator('.open').textContent())!;
	await reviewed.locator('.open').click();
	await expect(detail.getByTestId('history').locator('tbody tr')).toHaveCount(1);
	await expect(detail.getByTestId('history').locator('tbody tr td').nth(1)).toHaveText('Easy');
	await expect(detail.getByTestId('history').locator('tbody tr td').nth(2)).toHaveText('new');

	// Reset asks first, saying what is lost and what is kept.
	await detail.getByRole('button', { name: 'Reset to new…' }).click();
	const confirm = page.getByRole('dialog', { name: 'Reset to new?' });
	await expect(confirm).toContainText('Resets 1 card to new');
	await expect(confirm).toContainText('Its review history is kept.');
	await confirm.getByRole('button', { name: 'Reset 1 card' }).click();
	await expect(detail.getByTestId('detail-state')).toHaveText('New');
	await expect(detail.getByTestId('history').locator('tbody tr')).toHaveCount(1);
	await page.keyboard.press('Escape');

	// Text search through the app's search index: the card is found by a word of its front.
	await page.getByLabel('State').selectOption('');
	const total = await matching(page);
	const word = front.split(/[^A-Za-z]+/).sort((a, b) => b.length - a.length)[0]!;
	await page.getByRole('searchbox', { name: 'Search' }).fill(word);
	await expect(page).toHaveURL(new RegExp(`q=${word}`));
	await expect(page.locator(`tr[data-card-id="${first}"]`)).toBeVisible();
	expect(await matching(page)).toBeLessThan(total);
	expect(await rows(page).count()).toBe(await matching(page));

	// The review screen has both cards back: the reset card is new again, first in deck order.
	await page.goto('/cards');
	await expect(card).toHaveAttribute('data-card-id', first);
	// Its review today still counts toward today's new-card limit (the history is kept).
	await expect(page.locator('.counts .new')).toHaveText(`${newBefore - 1} new`);
	await expect(page.getByTestId('flagged-cards')).toContainText('0 suspended');
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(card).toHaveAttribute('data-card-id', second);
});

test('bulk actions by keyboard act on the selection in one go and can be undone', async ({ page }) => {
	await page.goto('/cards/browse?deck=dp100');
	await expect(rows(page).first()).toBeVisible();
	// A long list is drawn a hundred rows at a time.
	const inDeck = await matching(page);
	expect(inDeck).toBeGreaterThan(200);
	await expect(rows(page)).toHaveCount(100);
	await page.getByRole('button', { name: /^Show 100 more/ }).click();
	await expect(rows(page)).toHaveCount(200);
	const ids = await rows(page).evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getAttribute('data-card-id')));

	// One row is in the Tab order; arrows move between rows, Space ticks, Enter opens.
	await page.getByRole('button', { name: 'Difficulty' }).focus(); // the last column heading
	await page.keyboard.press('Tab');
	await expect(rows(page).nth(0).getByRole('checkbox')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(rows(page).nth(1).getByRole('checkbox')).toBeFocused();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Space');
	const bulk = page.getByTestId('bulk-actions');
	await expect(bulk).toContainText('2 selected');
	await bulk.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(page.getByTestId('browse-notice')).toContainText('Suspended: 2 cards.');
	await expect(page.getByTestId('browse-summary')).toContainText('2 suspended');
	for (const i of [1, 2]) await expect(page.locator(`tr[data-card-id="${ids[i]}"] .badge.suspended`)).toBeVisible();
	await expect(page.locator(`tr[data-card-id="${ids[0]}"] .badge.suspended`)).toHaveCount(0);

	// Stored, not just shown: the progress page counts them and links to them.
	await page.goto('/progress');
	await page.getByTestId('flagged-cards').getByRole('link', { name: '2 suspended' }).click();
	await expect(page).toHaveURL(/\/cards\/browse\?state=suspended$/);
	await expect(rows(page)).toHaveCount(2);
	expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-card-id')))).toEqual(ids.slice(1));
	await page.getByLabel('Select all 2 cards that match').check();
	await page.getByTestId('bulk-actions').getByRole('button', { name: 'Unsuspend' }).click();
	await expect(page.getByTestId('browse-notice')).toContainText('Unsuspended: 2 cards.');
	await expect(page.getByTestId('browse-summary')).toContainText('0 suspended');
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('browse-notice')).toContainText('Undone: 2 cards are back as before.');
	await expect(page.getByTestId('browse-summary')).toContainText('2 suspended');

	// Enter opens a card; Escape closes it and focus goes back to its row.
	await rows(page).first().getByRole('checkbox').focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('card-detail')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(rows(page).first().locator('.open')).toBeFocused();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the browser fits the screen and a card’s actions are in reach', async ({ page }) => {
		await page.goto('/cards/browse');
		await expect(rows(page).first()).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
		const table = (await page.getByTestId('card-table').boundingBox())!;
		expect(table.x + table.width).toBeLessThanOrEqual(390);

		const id = await rows(page).first().getAttribute('data-card-id');
		await rows(page).first().locator('.open').tap();
		const suspend = page.getByTestId('card-detail').getByRole('button', { name: 'Suspend' });
		await expect(suspend).toBeVisible();
		const box = (await suspend.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		expect(box.y + box.height).toBeLessThanOrEqual(844);
		expect(box.height).toBeGreaterThanOrEqual(40);
		await suspend.tap();
		await expect(page.getByTestId('card-detail').getByRole('status')).toContainText('Suspended: 1 card.');
		await page.getByTestId('card-detail').getByRole('button', { name: 'Close' }).tap();
		await expect(page.locator(`tr[data-card-id="${id}"] .badge.suspended`)).toBeVisible();
	});
});

test('each card names the exams it serves, from its note', async ({ page }) => {
	await page.goto('/cards/browse?deck=ai300-mlops');
	const rows = page.getByTestId('card-table').locator('tbody tr');
	await expect(rows.first().locator('[data-track="ai300"]')).toHaveText('AI-300');
	// CATER cards are about the interview method: no exam.
	await page.goto('/cards/browse?deck=cater');
	await expect(rows.first()).toBeVisible();
	await expect(rows.first().locator('[data-track]')).toHaveCount(0);
});
