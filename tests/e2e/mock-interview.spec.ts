import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

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
	// Context is complete, so the weakest part is the next one, with nothing ticked: Again, back tomorrow (not in minutes).
	await expect(page.getByTestId('weakest')).toContainText('Weakest part: Architecture & data (0 %)');
	await expect(page.getByTestId('weakest')).toContainText('Again');
	await expect(page.getByTestId('next-review')).toHaveText(/comes back in 1d \(/);
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
	await expect(item).toContainText('Due in 1d');
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
	// The clock stands still from here except when moved on, so a slow machine does not change the times.
	await page.clock.pauseAt(new Date('2026-11-25T09:00:30'));
	await page.getByRole('button', { name: 'Start', exact: true }).click();
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

test('the answer box has focus on open and the countdown waits for the first keystroke', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-25T09:00:00') });
	await page.goto('/interview/batch-run-failure');
	const answer = page.getByRole('textbox', { name: 'Your answer' });
	await expect(answer).toBeFocused();
	await page.clock.pauseAt(new Date('2026-11-25T09:00:30'));
	// Reading the question is not answering it: the clock stands still.
	await page.clock.fastForward('00:45');
	await expect(page.getByTestId('time-left')).toHaveText('2:00 left');
	await expect(page.getByTestId('clock-waiting')).toBeVisible();

	await page.keyboard.type('The decision');
	await expect(page.getByTestId('clock-waiting')).toHaveCount(0);
	await page.clock.fastForward('00:30');
	await expect(page.getByTestId('time-left')).toHaveText('1:30 left');
	await page.getByRole('button', { name: 'Show model answer' }).click();
	// Counted from the first keystroke, not from opening the page 45 s earlier.
	await expect(page.getByTestId('duration')).toHaveText('You answered in 0:30.');
});

test('an interview graded Hard comes back in days, as the preview said, on the interview settings', async ({ page }) => {
	await page.goto('/interview/batch-run-failure');
	await page.getByRole('textbox', { name: 'Your answer' }).fill('Most of it.');
	await page.getByRole('button', { name: 'Show model answer' }).click();
	// Tick about half of every part's points: the weakest part lands between 40 % and 70 %, a Hard answer.
	const parts = page.locator('fieldset.checklist');
	for (let p = 0; p < (await parts.count()); p++) {
		const points = parts.nth(p).getByRole('checkbox');
		const n = await points.count();
		for (let i = 0; i < Math.ceil(n / 2); i++) await points.nth(i).check();
	}
	const preview = page.getByTestId('grade-preview');
	await expect(preview).toContainText(/→\s*Hard, back in \d+d/);
	const promised = /back in (\d+d)/.exec((await preview.textContent())!)![1];
	await page.getByRole('button', { name: 'Save and schedule' }).click();
	await expect(page.getByTestId('weakest')).toContainText('Hard');
	await expect(page.getByTestId('next-review')).toHaveText(new RegExp(`comes back in ${promised} \\(`));
	expect(Number.parseInt(promised!)).toBeGreaterThanOrEqual(1);
	await page.goto('/interview#batch-run-failure');
	await expect(page.locator('[id="batch-run-failure"]')).toContainText(`Due in ${promised}`);

	// The interview settings decide the days: a lower retention spaces a full answer further out.
	const easyInterval = async () => {
		await page.goto('/interview/end-to-end-project');
		await page.getByRole('button', { name: 'Show model answer' }).click();
		const all = page.locator('fieldset.checklist').getByRole('checkbox');
		for (let i = 0; i < (await all.count()); i++) await all.nth(i).check();
		await expect(page.getByTestId('grade-preview')).toContainText(/Easy, back in \d+(d|mo|y)/);
		const [, n, unit] = /back in ([\d.]+)(d|mo|y)/.exec((await page.getByTestId('grade-preview').textContent())!)!;
		return Number(n) * { d: 1, mo: 30, y: 365 }[unit as 'd' | 'mo' | 'y'];
	};
	const atDefault = await easyInterval();
	await page.goto('/settings');
	await page.getByLabel(/Interview retention/).fill('0.75');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	expect(await easyInterval()).toBeGreaterThan(atDefault);
});
