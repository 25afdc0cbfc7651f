import { expect, test } from './fixtures';

test('progress shows today on the heatmap, the forecast and an exam-day plan with predicted recall', async ({ page }) => {
	await page.goto('/progress');
	await expect(page.getByText('No reviews yet.')).toBeVisible();
	await expect(page.getByText('Set your exam date in Settings')).toBeVisible();
	await expect(page.getByText('No practice exams yet.')).toBeVisible();

	const exam = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
	await page.goto('/settings');
	await page.getByLabel('Exam date').fill(exam);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await page.goto('/cards');
	await page.getByLabel('CATER method').uncheck();
	await page.getByLabel('Azure concepts for interviews').uncheck();
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
