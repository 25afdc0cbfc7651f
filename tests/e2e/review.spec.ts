import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

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

test('multi-level undo restores earlier cards and schedules; suspend and bury hide a card', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const counts = page.locator('.counts');
	const newCount = async () => Number((await counts.locator('.new').textContent())!.match(/\d+/)![0]);
	const start = await newCount();
	const first = await card.getAttribute('data-card-id');
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	const second = await card.getAttribute('data-card-id');
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(counts.locator('.learning')).toHaveText('1 learning');

	// Two undos: back to the second card, then the first, with counts as they were.
	await page.keyboard.press('Control+z');
	await expect(card).toHaveAttribute('data-card-id', second!);
	await expect(counts.locator('.learning')).toHaveText('0 learning');
	await page.keyboard.press('Control+z');
	await expect(card).toHaveAttribute('data-card-id', first!);
	expect(await newCount()).toBe(start);
	await page.reload();
	await expect(card).toHaveAttribute('data-card-id', first!);

	await page.keyboard.press('s');
	await expect(page.getByTestId('notice')).toContainText('Card suspended');
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	const buried = await card.getAttribute('data-card-id');
	await page.getByRole('button', { name: /Bury until tomorrow/ }).click();
	await expect(page.getByTestId('notice')).toContainText('buried until tomorrow');
	await page.reload();
	await expect(card).toBeVisible();
	expect([first, buried]).not.toContain(await card.getAttribute('data-card-id'));
});

test('cram goes through cards without changing schedules; the daily new-card limit follows settings', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('3');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto('/cards');
	await expect(page.locator('.counts .new')).toHaveText('3 new');

	await page.getByLabel('CATER method').uncheck();
	await page.getByLabel('Azure concepts for interviews').uncheck();
	await page.getByLabel('AI-300 MLOps facts').uncheck();
	await page.getByLabel('AI-300 GenAIOps facts').uncheck();
	await page.getByLabel('Cram (schedules unchanged)').check();
	await expect(page.locator('.counts')).toContainText('Cram: 285 cards left');
	// Keys act on the card once focus has left the checkbox (Space would toggle it).
	await page.locator('h1').click();
	await page.keyboard.press('Space');
	await page.keyboard.press('1'); // forgotten: back at the end of the cram queue
	await expect(page.locator('.counts')).toContainText('Cram: 285 cards left');
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(page.locator('.counts')).toContainText('Cram: 284 cards left');
	await page.getByLabel('Cram (schedules unchanged)').uncheck();
	await expect(page.locator('.counts .new')).toHaveText('3 new');
	await page.goto('/progress');
	await expect(page.getByText('Reviews in total')).toBeVisible();
	await expect(page.locator('.card', { hasText: 'Reviews in total' }).locator('.stat')).toHaveText('0');
});

test('a grade whose write is aborted brings the card back and says it was not saved', async ({ page }) => {
	await page.goto('/cards');
	const card = page.getByTestId('review-card');
	await expect(card).toBeVisible();
	const counts = page.locator('.counts');
	const newBefore = await counts.locator('.new').textContent();
	const first = await card.getAttribute('data-card-id');
	// The next review-log write is aborted inside its transaction (as a full disk or a closing tab would).
	await page.evaluate(() => {
		const add = IDBObjectStore.prototype.add;
		IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
			const request = add.apply(this, args);
			if (this.name === 'reviewLogs') {
				IDBObjectStore.prototype.add = add;
				this.transaction.abort();
			}
			return request;
		};
	});
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(page.getByRole('alert')).toContainText('Your last grade was not saved');
	await expect(card).toHaveAttribute('data-card-id', first!);
	await expect(counts.locator('.new')).toHaveText(newBefore!);
	await expect(page.getByRole('button', { name: /Undo/ })).toBeDisabled();

	// Graded again, it is stored this time, and only once.
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	await page.reload();
	await expect(card).toBeVisible();
	await expect(card).not.toHaveAttribute('data-card-id', first!);
	await expect(counts.locator('.new')).not.toHaveText(newBefore!);
});
