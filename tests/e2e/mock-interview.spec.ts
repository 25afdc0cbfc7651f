import { expect, test } from './fixtures';

test('a drawn question is answered, graded by keyboard, scheduled and remembered', async ({ page }) => {
	await page.goto('/interview');
	await page.locator('html[data-interactive]').waitFor();
	await expect(page.getByTestId('trend-empty')).toBeVisible();
	await page.getByRole('button', { name: 'Draw a question' }).click();
	await expect(page).toHaveURL(/\/interview\/[a-z0-9-]+$/);
	const id = page.url().split('/').pop()!;
	await expect(page.getByTestId('history-empty')).toBeVisible();

	// The countdown runs from two minutes.
	await expect(page.getByTestId('time-left')).toHaveText(/^1:\d\d left$|^2:00 left$/);

	// A draft survives a reload before it is saved; markup typed by the learner stays text.
	const answer = page.getByRole('textbox', { name: 'Your answer' });
	await answer.fill('The decision was which accounts to call first. <b>Batch</b> scoring nightly with a run log.');
	await page.reload();
	await page.locator('html[data-interactive]').waitFor();
	await expect(answer).toHaveValue(/which accounts to call first. <b>Batch<\/b> scoring/);

	await page.getByRole('button', { name: 'Show model answer' }).click();
	await expect(page.getByTestId('your-answer')).toContainText('<b>Batch</b> scoring');
	await expect(page.getByTestId('your-answer').locator('b')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
	// Follow-ups are kept for after grading.
	await expect(page.getByRole('heading', { name: /Follow-ups/ })).toHaveCount(0);

	// Tick every point of the first part (Context) by keyboard, nothing else.
	const contextPoints = page.locator('fieldset.checklist').first().getByRole('checkbox');
	const count = await contextPoints.count();
	await contextPoints.first().focus();
	for (let i = 0; i < count; i++) {
		await page.keyboard.press('Space');
		await expect(contextPoints.nth(i)).toBeChecked();
		await page.keyboard.press('Tab');
	}
	await page.getByRole('button', { name: 'Save and schedule' }).click();

	const result = page.getByTestId('result');
	await expect(result).toBeVisible();
	// Context is complete, so the weakest part is the next one, with nothing ticked: Again, back within minutes.
	await expect(page.getByTestId('weakest')).toContainText('Weakest part: Architecture & data (0 %)');
	await expect(page.getByTestId('weakest')).toContainText('Again');
	await expect(page.getByTestId('next-review')).toHaveText(/comes back in \d+m \(/);
	await expect(page.getByRole('heading', { name: /Follow-ups/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Pitfalls' })).toBeVisible();

	await page.reload();
	const history = page.getByTestId('history');
	await expect(history.locator('tbody tr')).toHaveCount(1);
	await expect(history.locator('tbody tr').first()).toContainText('100 %');
	await expect(history.locator('tbody tr').first()).toContainText('Again');
	// The saved draft was cleared: a fresh answer box.
	await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');

	await page.goto(`/interview#${id}`);
	const item = page.locator(`[id="${id}"]`);
	await expect(item).toHaveClass(/highlighted/);
	await expect(item.getByTestId('last-score')).toHaveText('Last score 20 %');
	await expect(page.getByTestId('most-skipped')).toContainText('The part you skip most is Architecture & data');
	await expect(page.locator('.trend canvas')).toBeVisible();
});

test('the list filters by area and by due, and the countdown can be switched off', async ({ page }) => {
	await page.goto('/interview');
	await page.locator('html[data-interactive]').waitFor();
	const items = page.getByTestId('interview-item');
	const total = await items.count();
	expect(total).toBeGreaterThan(10);
	await expect(items.first()).toContainText('New');

	await page.getByLabel('Area').selectOption('operations');
	const inArea = await items.count();
	expect(inArea).toBeGreaterThan(0);
	expect(inArea).toBeLessThan(total);

	await page.getByLabel('Due only').check();
	await expect(items).toHaveCount(0);
	await expect(page.getByTestId('list-empty')).toContainText('Nothing is due right now');

	await page.goto('/interview/batch-run-failure');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByLabel(/Countdown/).uncheck();
	await expect(page.getByTestId('time-left')).toHaveCount(0);
	await expect(page.getByText('No countdown; your time is still recorded.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel(/Countdown/)).not.toBeChecked();
});

test('the drill page fits a 360 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/interview/batch-run-failure');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByRole('button', { name: 'Show model answer' }).click();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('when the countdown runs out the answer stays editable and the overrun is recorded', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-25T09:00:00') });
	await page.goto('/interview/batch-run-failure');
	await page.locator('html[data-interactive]').waitFor();
	await expect(page.getByTestId('time-left')).toHaveText('2:00 left');
	await page.clock.fastForward('01:30');
	await expect(page.getByTestId('time-left')).toHaveText('0:30 left');
	await page.clock.fastForward('00:45');
	await expect(page.getByTestId('time-left')).toHaveText('Time is up');
	await expect(page.getByRole('status').filter({ hasText: 'the time you take is recorded' })).toBeVisible();
	const answer = page.getByRole('textbox', { name: 'Your answer' });
	await expect(answer).toBeEditable();
	await answer.fill('Still answering after the bell.');
	await page.getByRole('button', { name: 'Show model answer' }).click();
	await expect(page.getByTestId('duration')).toHaveText(/You answered in 2:1\d, 0:1\d over the limit\./);
});
