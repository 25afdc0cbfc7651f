import type { Page } from '@playwright/test';
import { chooseExam } from './choose-exam';
import { expect, test } from './fixtures';

/** Answers the item on screen with the keyboard only: number keys, or Enter on a focused button for ordering. */
async function answerByKeyboard(page: Page): Promise<string> {
	const question = page.getByTestId('question');
	const type = (await question.getAttribute('data-item-type'))!;
	if (type === 'single') await page.keyboard.press('1');
	else if (type === 'multiple') {
		await page.keyboard.press('1');
		await page.keyboard.press('2');
	} else if (type === 'yesno') {
		const statements = await question.locator('fieldset.statement').count();
		for (let i = 1; i <= statements; i++) await page.keyboard.press(String(i));
	} else if (type === 'ordering') {
		await question.getByRole('button', { name: 'Move down: step 1' }).press('Enter');
		await question.getByRole('heading', { level: 2 }).focus();
	}
	return type;
}

async function waitForOfflineReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
}

test('a 20-item full exam by keyboard: mark, review, confirm, results by domain, saved attempt', async ({ page }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.goto('/exam');
	await page.getByRole('link', { name: 'Full exam' }).click();
	await expect(page).toHaveURL(/\/exam\/practice/);
	await page.goto('/exam/practice?seed=7');
	await page.locator('html[data-interactive]').waitFor();
	await expect(page.getByTestId('no-attempts')).toBeVisible();
	await page.getByLabel('20 items').check();
	await expect(page.getByLabel('Timer: 33 minutes')).toBeChecked();
	await page.getByRole('button', { name: 'Start exam' }).click();

	const progress = page.getByTestId('progress');
	const types = new Set<string>();
	for (let i = 1; i <= 20; i++) {
		await expect(progress).toHaveText(`Item ${i} of 20`);
		if (i === 1) await expect(page.getByRole('timer')).toHaveText(/Time left 3[23]:\d\d/);
		if (i === 3) {
			await page.keyboard.press('m');
			await expect(page.getByRole('button', { name: /Marked for review/ })).toHaveAttribute('aria-pressed', 'true');
		}
		if (i < 20) types.add(await answerByKeyboard(page)); // the last item stays unanswered
		await page.keyboard.press('Enter');
	}
	expect(types.has('single')).toBe(true);

	const review = page.getByTestId('review-screen');
	await expect(review).toBeVisible();
	await expect(page.getByTestId('review-marked').getByRole('button')).toHaveText(['Item 3']);
	await expect(page.getByTestId('review-unanswered').getByRole('button')).toHaveText(['Item 20']);
	await expect(page.getByTestId('review-answered').getByRole('button')).toHaveCount(19);

	await page.getByTestId('review-marked').getByRole('button', { name: 'Item 3' }).click();
	await expect(progress).toHaveText('Item 3 of 20');
	await expect(page.getByTestId('question').getByText('Marked for review')).toBeVisible();
	await page.getByRole('button', { name: 'Review all' }).click();

	await page.getByRole('button', { name: 'Submit exam' }).click();
	const dialog = page.getByRole('dialog', { name: 'Submit with unanswered items?' });
	await expect(dialog).toContainText('1 of 20 items have no answer');
	await dialog.getByRole('button', { name: 'Keep working' }).click();
	await expect(dialog).toBeHidden();
	await expect(review).toBeVisible();
	await page.getByRole('button', { name: 'Submit exam' }).click();
	await dialog.getByRole('button', { name: 'Submit anyway' }).click();

	const results = page.getByTestId('results');
	await expect(results).toBeVisible();
	const bars = page.getByTestId('domain-results').locator('li');
	await expect(bars).toHaveCount(4);
	const totals = (await bars.locator('.bar-value').allTextContents()).map((t) => Number(/\/ (\d+)/.exec(t)![1]));
	expect(totals.reduce((s, n) => s + n, 0)).toBe(20);
	const scaled = Number(await page.getByTestId('scaled-score').textContent());
	expect(scaled).toBeGreaterThanOrEqual(0);
	expect(scaled).toBeLessThanOrEqual(950); // item 20 was left unanswered
	await expect(results).toContainText('scaling is not public');
	// Per outline skill: every one of the 20 items counts toward one skill line of the outline.
	const skills = page.getByTestId('skill-results');
	await skills.getByText(/By outline skill/).click();
	const skillTotals = (await skills.locator(':scope > ul > li > .value').allTextContents()).map((t) => Number(/\/ (\d+)/.exec(t)![1]));
	expect(skillTotals.reduce((s, n) => s + n, 0)).toBe(20);
	// The unanswered item counts as missed, so there is always a note to read next.
	await expect(page.getByTestId('read-next').getByRole('link').first()).toHaveAttribute('href', /^\/notes\//);

	const items = page.getByTestId('result-item');
	await expect(items).toHaveCount(20);
	const last = items.last();
	await expect(last).toContainText('Not answered');
	await expect(last.getByText('Explanation:')).toBeVisible();
	await expect(last.getByRole('link', { name: 'Microsoft Learn' })).toHaveAttribute('href', /^https:\/\/learn\.microsoft\.com\//);
	await expect(last.getByRole('link').first()).toHaveAttribute('href', /^\/notes\//);
	// Only items answered wrong join the mistakes deck; the unanswered one is listed apart.
	await expect(page.getByTestId('unanswered-items').getByTestId('result-item')).toHaveCount(1);
	await expect(page.getByTestId('answered-items').getByTestId('result-item')).toHaveCount(19);
	const added = Number(/(\d+) items? added/.exec((await page.getByTestId('mistakes-added').textContent())!)![1]);
	expect(added).toBeGreaterThanOrEqual(1);
	expect(added).toBe(await items.filter({ hasText: /^\s*Incorrect ·/ }).count());

	// The attempt and its mistakes were saved: after a reload the start screen lists them.
	const lastId = await last.getAttribute('data-item-id');
	await page.reload();
	const attempts = page.getByTestId('attempts').locator('tbody tr');
	await expect(attempts).toHaveCount(1);
	await expect(attempts.first()).toContainText('Full exam');
	await expect(attempts.first()).toContainText(`${scaled} / 1000`);
	await expect(page.getByTestId('mistakes-count')).toContainText(`${added} item`);
	await page.getByText('Show the items').click();
	await expect(page.getByTestId('mistakes').locator('li')).toHaveCount(added);
	await expect(page.getByTestId('mistakes').locator(`li[data-item-id="${lastId}"]`)).toHaveCount(0);

	// Progress charts the attempt.
	await page.goto('/progress');
	await expect(page.getByTestId('attempt-summary')).toHaveText(`1 attempt; latest ${scaled} of 1000.`);
});

test('practice by domain gives feedback after each item and keeps wrong answers as mistakes', async ({ page }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.goto('/exam/practice?mode=domain&seed=3');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByRole('combobox', { name: 'Domain' }).selectOption({ label: 'Train and deploy models' });
	await expect(page.getByRole('timer')).toHaveCount(0);
	await page.getByRole('button', { name: 'Start practice' }).click();

	const progress = page.getByTestId('progress');
	await expect(progress).toHaveText('Item 1 of 10');
	await expect(page.getByRole('timer')).toHaveCount(0);
	const wrong: string[] = [];
	for (let i = 1; i <= 10; i++) {
		await expect(progress).toHaveText(`Item ${i} of 10`);
		const question = page.getByTestId('question');
		const id = (await question.getAttribute('data-item-id'))!;
		await expect(question.getByTestId('feedback')).toHaveCount(0);
		await answerByKeyboard(page);
		await page.keyboard.press('Enter'); // check
		const feedback = question.getByTestId('feedback');
		await expect(feedback).toBeVisible();
		await expect(feedback.getByText('Explanation:')).toBeVisible();
		if ((await feedback.locator('.verdict').textContent()) === 'Incorrect.') wrong.push(id);
		// The answer is locked once checked.
		await page.keyboard.press('2');
		await expect(feedback).toBeVisible();
		await page.keyboard.press('Enter'); // next, or finish after the last
	}
	expect(wrong.length).toBeGreaterThan(0);

	await expect(page.getByTestId('results')).toBeVisible();
	await expect(page.getByTestId('domain-results').locator('li')).toHaveCount(1);
	await expect(page.getByTestId('mistakes-added')).toHaveText(`${wrong.length} item${wrong.length === 1 ? '' : 's'} added to your mistakes deck.`);

	await page.reload();
	await expect(page.getByTestId('attempts').locator('tbody tr').first()).toContainText('Practice: Train and deploy models');
	await page.getByText('Show the items').click();
	const deck = page.getByTestId('mistakes');
	for (const id of wrong) await expect(deck.locator(`li[data-item-id="${id}"]`)).toBeVisible();
	await deck.locator(`li[data-item-id="${wrong[0]}"]`).getByRole('button', { name: 'Remove' }).click();
	await expect(deck.locator('li')).toHaveCount(wrong.length - 1);

	// The mistakes come back as flashcards on the FSRS schedule.
	await page.goto('/cards');
	const mistakesDeck = page.getByLabel(/Mistakes from practice exams/);
	await expect(mistakesDeck).toBeChecked();
	await expect(page.locator('label', { hasText: 'Mistakes from practice exams' })).toContainText(`(${wrong.length - 1})`);
	for (const other of ['DP-100 exam facts', 'AI-300 MLOps facts', 'AI-300 GenAIOps facts', 'CATER method', 'Azure concepts for interviews']) await page.getByLabel(other).uncheck();
	const card = page.getByTestId('review-card');
	await expect(card).toHaveAttribute('data-card-id', /^mistakes\//);
	expect(wrong.slice(1).map((id) => `mistakes/${id}`)).toContain(await card.getAttribute('data-card-id'));
	await page.locator('h1').click();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('answer')).toBeVisible();
	await page.keyboard.press('3');
	await expect(page.locator('.counts .learning')).toHaveText('1 learning');
});

test('a reload mid-exam offers to resume where the learner was, with the answers given', async ({ page }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.goto('/exam/practice?seed=11');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByLabel('20 items').check();
	await page.getByRole('button', { name: 'Start exam' }).click();
	const first = page.getByTestId('question');
	const firstId = await first.getAttribute('data-item-id');
	await answerByKeyboard(page);
	await page.keyboard.press('m');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('progress')).toHaveText('Item 2 of 20');

	await page.reload();
	await expect(page.getByTestId('resume-progress')).toHaveText('1 of 20 answered');
	await expect(page.getByRole('button', { name: 'Start exam' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('progress')).toHaveText('Item 2 of 20');
	await expect(page.getByText('1 answered')).toBeVisible();
	await page.getByRole('button', { name: 'Previous' }).click();
	await expect(page.getByTestId('question')).toHaveAttribute('data-item-id', firstId!);
	await expect(page.getByRole('button', { name: /Marked for review/ })).toHaveAttribute('aria-pressed', 'true');

	await page.getByRole('button', { name: 'Stop exam' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Discard 1 answer' }).click();
	await expect(page.getByRole('button', { name: 'Start exam' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('button', { name: 'Start exam' })).toBeVisible();
	await expect(page.getByTestId('no-attempts')).toBeVisible();
});

test('when the time runs out the exam is submitted by itself', async ({ page }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.clock.install();
	await page.goto('/exam/practice?seed=5');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByLabel('20 items').check();
	await page.getByRole('button', { name: 'Start exam' }).click();
	await answerByKeyboard(page);
	await page.clock.fastForward('33:30');
	await expect(page.getByTestId('results')).toBeVisible();
	await expect(page.getByText('Time ran out, so the exam was submitted for you.')).toBeVisible();
	await expect(page.getByTestId('result-item')).toHaveCount(20);
});

test('the practice exam works offline once the app is installed', async ({ page, context }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.goto('/');
	await waitForOfflineReady(page);
	await context.setOffline(true);
	const response = await page.goto('/exam/practice?seed=9');
	expect(response?.fromServiceWorker()).toBe(true);
	await page.locator('html[data-interactive]').waitFor();
	await page.getByLabel('20 items').check();
	await page.getByLabel('Timer: 33 minutes').uncheck();
	await page.getByRole('button', { name: 'Start exam' }).click();
	await expect(page.getByRole('timer')).toHaveCount(0);
	await answerByKeyboard(page);
	await page.getByRole('button', { name: 'Review all' }).click();
	await page.getByRole('button', { name: 'Submit exam' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Submit anyway' }).click();
	await expect(page.getByTestId('results')).toBeVisible();
	// One item answered: at most that one joins the mistakes deck, never the 19 unanswered.
	const wrong = await page.getByTestId('answered-items').getByText('Incorrect', { exact: true }).count();
	await expect(page.getByTestId('mistakes-added')).toHaveText(wrong ? '1 item added to your mistakes deck.' : 'No items answered wrong this time, so nothing was added to your mistakes deck.');
	await page.reload();
	await expect(page.getByTestId('attempts').locator('tbody tr')).toHaveCount(1);
});

test('items, case studies and results fit a 360 px phone without sideways scrolling', async ({ page }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.setViewportSize({ width: 360, height: 780 });
	await page.goto('/exam/practice?mode=domain&seed=3');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByRole('combobox', { name: 'Items' }).selectOption({ index: 2 }); // all items of the domain
	await page.getByRole('button', { name: 'Start practice' }).click();
	const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	const progress = page.getByTestId('progress');
	const total = Number(/of (\d+)/.exec((await progress.textContent())!)![1]);
	let sawCase = false;
	for (let i = 1; i <= total; i++) {
		await expect(progress).toHaveText(`Item ${i} of ${total}`);
		const question = page.getByTestId('question');
		sawCase ||= (await question.getByRole('complementary', { name: 'Case study' }).count()) > 0;
		expect(await overflow(), `item ${await question.getAttribute('data-item-id')}`).toBeLessThanOrEqual(0);
		await page.keyboard.press('Enter'); // unanswered: on to the next item
	}
	await page.getByRole('dialog').getByRole('button', { name: 'Submit anyway' }).click();
	expect(sawCase).toBe(true);
	await expect(page.getByTestId('results')).toBeVisible();
	expect(await overflow()).toBeLessThanOrEqual(0);
});

test('a second Enter at the submit question keeps working instead of submitting', async ({ page }) => {
	// These tests use the DP-100 bank (its four domains and 20-item draws).
	await chooseExam(page, 'DP-100');
	await page.goto('/exam/practice?mode=domain&seed=2');
	await page.locator('html[data-interactive]').waitFor();
	await page.getByRole('button', { name: 'Start practice' }).click();
	for (let i = 1; i <= 10; i++) {
		await expect(page.getByTestId('progress')).toHaveText(`Item ${i} of 10`);
		await page.keyboard.press('Enter');
	}
	const dialog = page.getByRole('dialog', { name: 'Submit with unanswered items?' });
	await expect(dialog).toContainText('10 of 10 items have no answer');
	await expect(dialog.getByRole('button', { name: 'Keep working' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('results')).toHaveCount(0);
	await expect(page.getByTestId('progress')).toHaveText('Item 10 of 10');
});
