// Practice exams never lose answers: stopping scores what was answered, the exam in progress
// survives reloads (online and offline) and closed tabs, unanswered items are not mistakes, past
// attempts open a read-only review, and "Keep working" gives the keyboard back to the exam.
import type { Page } from '@playwright/test';
import { chooseExam } from './choose-exam';
import { expect, test } from './fixtures';

/** Answers the item on screen with the first option (or Yes to every statement, or the order shown). */
async function answer(page: Page): Promise<void> {
	const question = page.getByTestId('question');
	const type = await question.getAttribute('data-item-type');
	if (type === 'yesno') {
		const statements = await question.locator('fieldset.statement').count();
		for (let i = 1; i <= statements; i++) await page.keyboard.press(String(i));
	} else if (type === 'ordering') {
		await question.getByRole('button', { name: 'Move down: step 1' }).press('Enter');
		await question.getByRole('heading', { level: 2 }).focus();
	} else await page.keyboard.press('1');
}

// These tests use the DP-100 bank (its domain names and 10- and 20-item draws).
test.beforeEach(async ({ page }) => chooseExam(page, 'DP-100'));

async function startPractice(page: Page, seed: number) {
	await page.goto(`/exam/practice?mode=domain&seed=${seed}`);
	await page.getByRole('combobox', { name: 'Domain' }).selectOption({ label: 'Train and deploy models' });
	await page.getByRole('button', { name: 'Start practice' }).click();
	await expect(page.getByTestId('progress')).toHaveText('Item 1 of 10');
}

async function startFullExam(page: Page, seed: number, strict = false) {
	await page.goto(`/exam/practice?seed=${seed}`);
	await page.getByLabel('20 items').check();
	if (strict) await page.getByLabel(/Strict timing/).check();
	await page.getByRole('button', { name: 'Start exam' }).click();
	await expect(page.getByTestId('progress')).toHaveText('Item 1 of 20');
}

async function waitForOfflineReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
}

test('stopping practice scores what was answered, keeps wrong answers as mistakes and records a partial attempt', async ({ page }) => {
	await startPractice(page, 4);
	const answered: { id: string; wrong: boolean }[] = [];
	for (let i = 1; i <= 3; i++) {
		const question = page.getByTestId('question');
		const id = (await question.getAttribute('data-item-id'))!;
		await answer(page);
		await page.keyboard.press('Enter'); // check
		const verdict = await question.getByTestId('feedback').locator('.verdict').textContent();
		answered.push({ id, wrong: verdict === 'Incorrect.' });
		await page.keyboard.press('Enter'); // next
	}
	const skipped = (await page.getByTestId('question').getAttribute('data-item-id'))!;
	const wrong = answered.filter((a) => a.wrong).map((a) => a.id);

	await page.getByRole('button', { name: 'Stop practice' }).click();
	const dialog = page.getByRole('dialog', { name: 'Stop and score your answers?' });
	await expect(dialog).toContainText('You answered 3 of 10');
	await expect(dialog).toContainText('The 7 unanswered items are not counted.');
	// Discarding is offered only as the secondary choice, says what it throws away, and is not focused.
	await expect(dialog.getByRole('button', { name: 'Keep working' })).toBeFocused();
	await expect(dialog.getByRole('button', { name: 'Stop and score' })).toHaveClass(/primary/);
	await expect(dialog.getByRole('button', { name: 'Discard 3 answers' })).not.toHaveClass(/primary/);
	await dialog.getByRole('button', { name: 'Stop and score' }).click();

	await expect(page.getByTestId('results')).toBeVisible();
	await expect(page.getByTestId('partial-notice')).toContainText('scored on the 3 items you answered; the 7 unanswered are not counted');
	const right = 3 - wrong.length;
	await expect(page.getByTestId('scaled-score')).toHaveText(String(Math.round((1000 * right) / 3)));
	await expect(page.getByTestId('domain-results').locator('.bar-value')).toHaveText([`${right} / 3 (${Math.round((100 * right) / 3)} %)`]);
	await expect(page.getByTestId('answered-items').getByTestId('result-item')).toHaveCount(3);
	await expect(page.getByTestId('unanswered-items').getByTestId('result-item')).toHaveCount(7);
	// Every option is still explained for the answered items.
	await expect(page.getByTestId('answered-items').getByText('Explanation:').first()).toBeVisible();
	await expect(page.getByTestId('mistakes-added')).toHaveText(
		wrong.length ? `${wrong.length} item${wrong.length === 1 ? '' : 's'} added to your mistakes deck.` : 'No items answered wrong this time, so nothing was added to your mistakes deck.'
	);

	// Saved: the attempt is listed as partial, the mistakes are exactly the wrong answers, no exam is left to resume.
	await page.reload();
	await expect(page.getByTestId('resume')).toHaveCount(0);
	const row = page.getByTestId('attempts').locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('partial');
	await expect(row).toContainText(`${right} of 3 answered`);
	if (wrong.length) {
		await page.getByText('Show the items').click();
		await expect(page.getByTestId('mistakes').locator('li')).toHaveCount(wrong.length);
		for (const id of wrong) await expect(page.getByTestId('mistakes').locator(`li[data-item-id="${id}"]`)).toHaveCount(1);
	} else await expect(page.getByTestId('no-mistakes')).toBeVisible();
	await expect(page.locator(`[data-testid="mistakes"] li[data-item-id="${skipped}"]`)).toHaveCount(0);
});

test('unanswered items never join the mistakes deck, and the results list them apart', async ({ page }) => {
	await startPractice(page, 6);
	const first = (await page.getByTestId('question').getAttribute('data-item-id'))!;
	// Find an answer that is wrong for item 1, so exactly one mistake is expected.
	await answer(page);
	await page.keyboard.press('Enter');
	const firstWrong = (await page.getByTestId('feedback').locator('.verdict').textContent()) === 'Incorrect.';
	for (let i = 1; i <= 10; i++) await page.keyboard.press('Enter'); // on through the unanswered ones
	await page.getByRole('dialog').getByRole('button', { name: 'Submit anyway' }).click();
	await expect(page.getByTestId('results')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Not answered (9)' })).toBeVisible();
	await expect(page.getByTestId('unanswered-items').getByTestId('result-item')).toHaveCount(9);
	await expect(page.getByTestId('answered-items').getByTestId('result-item')).toHaveAttribute('data-item-id', first);
	await expect(page.getByTestId('mistakes-added')).toHaveText(firstWrong ? '1 item added to your mistakes deck.' : 'No items answered wrong this time, so nothing was added to your mistakes deck.');
	await page.getByRole('button', { name: 'Start another exam' }).click();
	if (firstWrong) await expect(page.getByTestId('mistakes-count')).toContainText('1 item you answered wrong');
	else await expect(page.getByTestId('no-mistakes')).toBeVisible();
});

test('a timed exam survives a reload and an offline reload, and offers Resume with progress and time left', async ({ page, context }) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	await startFullExam(page, 12);
	await answer(page);
	await page.keyboard.press('Enter');
	await answer(page);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('progress')).toHaveText('Item 3 of 20');
	// The move to item 3 is saved a moment after it shows (after the answers' writes, in order); a reload
	// within those milliseconds can abort it, as it can any write. Reload once it is stored.
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					new Promise<number | null>((resolve, reject) => {
						const open = indexedDB.open('prep-lab');
						open.onsuccess = () => {
							const read = open.result.transaction('examSessions').objectStore('examSessions').getAll();
							read.onsuccess = () => (open.result.close(), resolve((read.result[0] as { position?: number } | undefined)?.position ?? null));
							read.onerror = () => reject(read.error);
						};
						open.onerror = () => reject(open.error);
					})
			)
		)
		.toBe(2);

	await page.reload();
	const resume = page.getByTestId('resume');
	await expect(resume.getByTestId('resume-progress')).toHaveText('2 of 20 answered');
	await expect(resume.getByTestId('resume-time')).toHaveText(/^3[23]:\d\d left$/);

	await context.setOffline(true);
	const offline = await page.reload();
	expect(offline?.fromServiceWorker()).toBe(true);
	await expect(resume.getByTestId('resume-progress')).toHaveText('2 of 20 answered');
	await page.getByRole('button', { name: 'Resume' }).click();
	await expect(page.getByTestId('progress')).toHaveText('Item 3 of 20');
	await expect(page.getByText('2 answered')).toBeVisible();
	await expect(page.getByRole('timer')).toHaveText(/Time left 3[23]:\d\d/);
	await expect(page.getByRole('heading', { name: /^Item 3/ })).toBeFocused();
});

test('the clock does not run while the app is closed, unless strict timing was chosen', async ({ page }) => {
	await page.clock.install();
	await startFullExam(page, 13);
	await answer(page);
	await page.keyboard.press('Enter');
	await page.goto('/'); // the exam is closed for 20 minutes
	await page.clock.fastForward('20:00');
	await page.goto('/exam/practice');
	await expect(page.getByTestId('resume-time')).toHaveText(/^3[23]:\d\d left$/);
	await expect(page.getByTestId('resume')).toContainText('The clock stops while Prep Lab is closed');

	// Strict timing: the same 20 minutes away count.
	await page.getByRole('button', { name: 'Abandon…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Discard 1 answer' }).click();
	await startFullExam(page, 13, true);
	await answer(page);
	await page.goto('/');
	await page.clock.fastForward('20:00');
	await page.goto('/exam/practice');
	await expect(page.getByTestId('resume-time')).toHaveText(/^1[23]:\d\d left$/);
	await expect(page.getByTestId('resume')).toContainText('Strict timing');
});

test('past attempts open a read-only review from the exam page and the progress page, old ones too', async ({ page }) => {
	await startPractice(page, 8);
	const ids: string[] = [];
	for (let i = 1; i <= 2; i++) {
		ids.push((await page.getByTestId('question').getAttribute('data-item-id'))!);
		await answer(page);
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
	}
	await page.getByRole('button', { name: 'Stop practice' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Stop and score' }).click();
	const score = await page.getByTestId('scaled-score').textContent();
	await page.getByRole('button', { name: 'Start another exam' }).click();

	await page.getByTestId('attempts').getByRole('link', { name: /^Review/ }).click();
	await expect(page).toHaveURL(/\/exam\/attempt\?id=1$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Attempt review' })).toBeVisible();
	await expect(page.getByTestId('attempt-score')).toHaveText(score!);
	await expect(page.getByTestId('attempt-summary')).toContainText('Partial');
	const answeredItems = page.getByTestId('answered-items').getByTestId('result-item');
	await expect(answeredItems).toHaveCount(2);
	for (const [i, id] of ids.entries()) await expect(answeredItems.nth(i)).toHaveAttribute('data-item-id', id);
	await expect(answeredItems.first().getByText(/Your answer|Your order|Yours/).first()).toBeVisible();
	await expect(answeredItems.first().getByText('Explanation:')).toBeVisible();
	await expect(page.getByTestId('unanswered-items').getByTestId('result-item')).toHaveCount(8);
	// Read-only: nothing to answer here.
	await expect(page.locator('input, [data-testid="question"]')).toHaveCount(0);

	// An attempt saved before answers were recorded still opens, saying so.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('prep-lab');
				open.onsuccess = () => {
					const tx = open.result.transaction('examAttempts', 'readwrite');
					const at = new Date('2026-11-01T10:00:00Z');
					tx.objectStore('examAttempts').add({ mode: 'full', startedAt: at, finishedAt: at, itemIds: ['td-001'], correct: { 'td-001': false }, score: 0, byDomain: { 'train-deploy': { correct: 0, total: 1 } } });
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await page.goto('/progress');
	const rows = page.getByTestId('attempts').locator('tbody tr');
	await page.getByText('Every attempt, with its review').click();
	await expect(rows).toHaveCount(2);
	await rows.filter({ hasText: 'Full exam' }).getByRole('link', { name: /^Review/ }).click();
	await expect(page).toHaveURL(/\/exam\/attempt\?id=2$/);
	await expect(page.getByTestId('answers-not-recorded')).toContainText('Your answers were not recorded');
	const old = page.getByTestId('answered-items').getByTestId('result-item');
	await expect(old).toHaveCount(1);
	await expect(old).toContainText('Incorrect');

	await page.goto('/exam/attempt?id=99');
	await expect(page.getByTestId('review-problem')).toContainText('attempt 99 is not on this device');
});

test('after "Keep working" the focus is back on the item, so Enter checks the answer instead of reopening the dialog', async ({ page }) => {
	await startPractice(page, 9);
	await answer(page);
	await page.getByRole('button', { name: 'Stop practice' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('button', { name: 'Keep working' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { name: /^Item 1/ })).toBeFocused();
	await page.keyboard.press('Enter'); // the key hint: check, then next
	await expect(page.getByTestId('feedback')).toBeVisible();
	await expect(dialog).toBeHidden();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('progress')).toHaveText('Item 2 of 10');

	// Escape keeps working too, with the same focus.
	await page.getByRole('button', { name: 'Stop practice' }).click();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('heading', { name: /^Item 2/ })).toBeFocused();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('the stop dialog and the Resume offer fit the screen and answer taps', async ({ page }) => {
		await startPractice(page, 4);
		await answer(page);
		await page.getByRole('button', { name: 'Stop practice' }).tap();
		const dialog = page.getByRole('dialog');
		for (const name of ['Stop and score', 'Keep working', 'Discard 1 answer']) {
			const box = (await dialog.getByRole('button', { name }).boundingBox())!;
			expect(box.x, name).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width, name).toBeLessThanOrEqual(390);
			expect(box.y + box.height, name).toBeLessThanOrEqual(844);
			expect(box.height, name).toBeGreaterThanOrEqual(24);
		}
		await dialog.getByRole('button', { name: 'Keep working' }).tap();
		await page.reload();
		const resume = page.getByRole('button', { name: 'Resume' });
		const box = (await resume.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		expect(box.y + box.height).toBeLessThanOrEqual(844); // visible without scrolling
		await resume.tap();
		await expect(page.getByTestId('progress')).toHaveText('Item 1 of 10');
		await expect(page.getByText('1 answered')).toBeVisible();
	});
});
