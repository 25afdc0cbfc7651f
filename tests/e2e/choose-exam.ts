// Choosing the exam a learner prepares for, as a learner does on first run: the home page's chooser.
import { expect, type Page } from '@playwright/test';

export async function chooseExam(page: Page, exam: 'AI-300' | 'DP-100'): Promise<void> {
	await page.goto('/');
	await page.getByTestId('track-chooser').getByRole('button', { name: new RegExp(`^${exam}`) }).click();
	await expect(page.getByTestId('track-chooser')).toHaveCount(0);
	await expect(page.getByTestId('home-track')).toContainText(`Preparing for ${exam}`);
}
