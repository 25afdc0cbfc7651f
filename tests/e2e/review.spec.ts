import { expect, test } from './fixtures';

test('cards are reviewed by keyboard and the schedule survives a reload', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const first = await card.getAttribute('data-card-id');
	const counts = page.locator('.counts');
	const newBefore = Number((await counts.locator('.new').textContent())!.match(/\d+/)![0]);

	await expect(page.getByTestId('answer')).toHaveCount(0);
	await page.keyboard.press('Space');
	await expect(page.getByTestId('answer')).toBeVisible();
	// Each grade button shows the interval it would give.
	await expect(page.locator('[data-grade="Easy"] small')).toHaveText(/\d+(m|h|d|mo|y)$/);

	await page.keyboard.press('4'); // Easy: the card leaves today's queue for days
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	await expect(counts.locator('.new')).toHaveText(`${newBefore - 1} new`);
	const second = await card.getAttribute('data-card-id');

	await page.keyboard.press('Enter');
	await page.keyboard.press('1'); // Again: back in learning within minutes
	await expect(counts.locator('.learning')).toHaveText('1 learning');

	await page.reload();
	await expect(card).toBeVisible();
	const after = await card.getAttribute('data-card-id');
	expect(after).not.toBe(first);
	expect(after).not.toBe(second); // the failed card waits a minute; the next new card is up
	await expect(counts.locator('.new')).toHaveText(`${newBefore - 2} new`);

	await page.goto('/');
	await expect(page.getByTestId('due-today')).toContainText(`${newBefore - 2} new`);
});

test('grade keys do nothing until the answer is shown', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const first = await card.getAttribute('data-card-id');
	await page.keyboard.press('3');
	await expect(page.getByTestId('answer')).toHaveCount(0);
	await expect(card).toHaveAttribute('data-card-id', first!);
});
