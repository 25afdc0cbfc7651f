import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('two tabs registering at the same moment get distinct versions', async ({ context, page }) => {
	const other = await context.newPage();
	for (const p of [page, other]) {
		await p.goto('/lab/train');
		await p.locator('html[data-interactive]').waitFor();
		await p.getByLabel('Rows').fill('800');
		await p.getByRole('button', { name: 'Train', exact: true }).click();
		await expect(p.getByRole('button', { name: 'Register model' })).toBeVisible();
	}
	await Promise.all([page.getByRole('button', { name: 'Register model' }).click(), other.getByRole('button', { name: 'Register model' }).click()]);
	const versions = await Promise.all([page, other].map(async (p) => Number(/version (\d+)/.exec((await p.getByTestId('registered').textContent())!)![1])));
	expect(versions.sort()).toEqual([1, 2]);
	await page.goto('/lab/models');
	await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(2);
});

test('reviews made in two tabs at the same moment are both kept', async ({ context, page }) => {
	const other = await context.newPage();
	for (const p of [page, other]) {
		await p.goto('/cards');
		await p.locator('html[data-interactive]').waitFor();
		await expect(p.getByTestId('review-card')).toBeVisible();
	}
	const first = await page.getByTestId('review-card').getAttribute('data-card-id');
	await expect(other.getByTestId('review-card')).toHaveAttribute('data-card-id', first!);
	// Both tabs grade the same card at once: neither review may be lost.
	await page.keyboard.press('Space');
	await other.keyboard.press('Space');
	await Promise.all([page.keyboard.press('3'), other.keyboard.press('4')]);
	await expect(page.getByTestId('review-card')).not.toHaveAttribute('data-card-id', first!);
	await expect(other.getByTestId('review-card')).not.toHaveAttribute('data-card-id', first!);
	// The next card shows before the write settles; the learner moves on through the app's own
	// navigation, which keeps the document (and its pending write) alive.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
	await expect(page.locator('.card', { hasText: 'Reviews in total' }).locator('.stat')).toHaveText('2');
});

test('a card reviewed in another tab leaves this tab’s queue when the learner comes back to it', async ({ context, page }) => {
	const other = await context.newPage();
	for (const p of [page, other]) {
		await p.goto('/cards');
		await p.locator('html[data-interactive]').waitFor();
		await expect(p.getByTestId('review-card')).toBeVisible();
	}
	const first = await page.getByTestId('review-card').getAttribute('data-card-id');
	await other.keyboard.press('Space');
	await other.keyboard.press('4');
	await expect(other.getByTestId('review-card')).not.toHaveAttribute('data-card-id', first!);
	const newInOther = await other.locator('.counts .new').textContent();
	// Coming back to the first tab (the page becomes visible again) reads the queue again.
	await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
	await expect(page.getByTestId('review-card')).not.toHaveAttribute('data-card-id', first!);
	await expect(page.locator('.counts .new')).toHaveText(newInOther!);
});

test('a tab open on an old version is told to reload when another tab upgrades the database', async ({ context, page }) => {
	await page.goto('/cards');
	await expect(page.getByTestId('review-card')).toBeVisible();
	const other = await context.newPage();
	await other.goto('/settings');
	// Stand in for a newer release: open the same database at a higher version.
	const upgraded = await other.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('prep-lab', 99);
				request.onsuccess = () => {
					const version = request.result.version;
					request.result.close();
					resolve(version);
				};
				request.onerror = () => reject(request.error);
			})
	);
	expect(upgraded).toBe(99);
	await expect(page.getByRole('alert')).toContainText('Prep Lab was updated in another tab. Reload this page to keep working.');
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
