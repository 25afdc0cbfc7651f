import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('progress shows today on the heatmap, the forecast and an exam-day plan with predicted recall', async ({ page }) => {
	await page.goto('/progress');
	await expect(page.getByText('No reviews yet.')).toBeVisible();
	await expect(page.getByText('Set your exam date in Settings')).toBeVisible();
	await expect(page.getByText('No practice exams yet.')).toBeVisible();

	const exam = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
	await page.goto('/settings');
	await page.getByLabel('Exam date').fill(exam);
	// The cards reviewed below are DP-100 cards: readiness follows the exam chosen here.
	await page.getByRole('radio', { name: /^DP-100/ }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await page.goto('/cards');
	await page.getByLabel('CATER method').uncheck();
	await page.getByLabel('Azure concepts for interviews').uncheck();
	await page.getByLabel('AI-300 MLOps facts').uncheck();
	await page.getByLabel('AI-300 GenAIOps facts').uncheck();
	await page.locator('h1').click();
	for (let i = 0; i < 3; i++) {
		const card = page.getByTestId('review-card');
		const id = await card.getAttribute('data-card-id');
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expect(card).not.toHaveAttribute('data-card-id', id!);
	}

	await page.goto('/progress');
	await expect(page.getByTestId('plan')).toContainText(`Exam on ${exam}, in 40 days`);
	await expect(page.getByTestId('plan')).toContainText(/about \d+ new cards and \d+ reviews a day/);
	await expect(page.getByTestId('predicted-recall')).toHaveText(/^\d+\.\d %$/);
	expect(parseFloat((await page.getByTestId('predicted-recall').textContent())!)).toBeGreaterThan(0);
	await expect(page.getByTestId('mastery').locator('tbody tr')).toHaveCount(4);
	await expect(page.getByTestId('heatmap').locator('span[title$=": 3 reviews"]')).toHaveCount(1);
	await expect(page.getByText('1 study day in the last 365.')).toBeVisible();
});

test('progress counts today’s card reviews and interview attempts apart, and the heatmap names its months', async ({ page }) => {
	await page.goto('/cards');
	await page.getByLabel('CATER method').uncheck();
	await page.getByLabel('Azure concepts for interviews').uncheck();
	await page.getByLabel('AI-300 MLOps facts').uncheck();
	await page.getByLabel('AI-300 GenAIOps facts').uncheck();
	await page.locator('h1').click();
	for (let i = 0; i < 2; i++) {
		const card = page.getByTestId('review-card');
		const id = await card.getAttribute('data-card-id');
		await page.keyboard.press('Space');
		await page.keyboard.press('3');
		await expect(card).not.toHaveAttribute('data-card-id', id!);
	}
	await page.goto('/interview');
	await page.getByRole('button', { name: 'Draw a question' }).click();
	await expect(page).toHaveURL(/\/interview\/[a-z0-9-]+$/);
	await page.locator('html[data-interactive]').waitFor();
	await page.getByRole('textbox', { name: 'Your answer' }).fill('Context first, then the approach.');
	await page.getByRole('button', { name: 'Show model answer' }).click();
	await page.getByRole('button', { name: 'Save and schedule' }).click();
	await expect(page.getByTestId('result')).toBeVisible();

	await page.goto('/progress');
	await expect(page.getByTestId('card-reviews-today')).toHaveText('2');
	await expect(page.getByTestId('interview-attempts-today')).toHaveText('1');
	await expect(page.getByText('Interview attempts today')).toBeVisible();
	// The heatmap spans a year: about twelve month labels, this month's among them, each above its first column.
	const months = page.getByTestId('heatmap-months').locator('span');
	expect(await months.count()).toBeGreaterThanOrEqual(11);
	const thisMonth = new Date().toLocaleString('en', { month: 'short' });
	await expect(months.filter({ hasText: new RegExp(`^${thisMonth}$`) })).toHaveCount(1);
	const labels = await months.evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().left));
	expect(labels).toEqual([...labels].sort((a, b) => a - b));
});
