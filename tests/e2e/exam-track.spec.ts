// The exam a learner prepares for (AI-300 or DP-100): chosen on first run or in Settings, and the
// home page, the exam pages and progress follow it; a timed AI-300 exam is drawn by AI-300's weights.
import { chooseExam } from './choose-exam';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('switching the exam in Settings: home, exam, practice and progress follow it', async ({ page }) => {
	await page.goto('/');
	// Nothing chosen yet: AI-300 is in force and the chooser asks.
	await expect(page.getByTestId('track-chooser')).toBeVisible();
	await expect(page.getByTestId('home-track')).toContainText('Preparing for AI-300');

	await page.goto('/settings');
	await expect(page.getByRole('radio', { name: /^AI-300/ })).toBeChecked();
	await page.getByRole('radio', { name: /^DP-100/ }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await page.goto('/');
	await expect(page.getByTestId('home-track')).toContainText('Preparing for DP-100');
	await expect(page.getByTestId('track-chooser')).toHaveCount(0);
	await page.goto('/exam');
	await expect(page.getByTestId('exam-title')).toHaveText(/^DP-100: /);
	await expect(page.locator('tbody tr')).toHaveCount(4);
	await page.goto('/exam/practice?mode=domain');
	await expect(page.getByTestId('practice-track')).toHaveText('DP-100');
	await expect(page.getByRole('combobox', { name: 'Domain' }).locator('option')).toHaveText([
		'Design and prepare a machine learning solution',
		'Explore data, and run experiments',
		'Train and deploy models',
		'Optimize language models for AI applications'
	]);
	await page.goto('/progress');
	await expect(page.getByTestId('progress-track')).toHaveText('DP-100');
	await expect(page.getByTestId('mastery').locator('tbody tr')).toHaveCount(4);

	await page.goto('/settings');
	await page.getByRole('radio', { name: /^AI-300/ }).check();
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto('/exam');
	await expect(page.getByTestId('exam-title')).toHaveText(/^AI-300: /);
	await expect(page.locator('tbody tr')).toHaveCount(5);
	await page.goto('/progress');
	await expect(page.getByTestId('progress-track')).toHaveText('AI-300');
	await expect(page.getByTestId('mastery').locator('tbody tr')).toHaveCount(5);
	await expect(page.getByTestId('per-track').locator('tbody tr')).toHaveCount(2);
	await expect(page.getByTestId('per-track').locator('tbody tr').first()).toContainText('AI-300 (chosen)');
	await page.goto('/exam/outline');
	await expect(page.getByTestId('outline-title')).toHaveText('AI-300 outline and coverage');
	await expect(page.locator('section.domain')).toHaveCount(5);
});

test('a timed AI-300 exam draws its items in proportion to the AI-300 weights', async ({ page }) => {
	await chooseExam(page, 'AI-300');
	// The weights and the size of each domain's bank, as the outline page shows them.
	await page.goto('/exam');
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(5);
	const domains: { title: string; lo: number; hi: number; available: number }[] = [];
	for (const row of await rows.all()) {
		const title = (await row.locator('th a').textContent())!.trim();
		const [lo, hi] = (await row.locator('td').nth(0).textContent())!.match(/\d+/g)!.map(Number) as [number, number];
		domains.push({ title, lo, hi, available: Number(await row.locator('td').nth(2).textContent()) });
	}

	await page.goto('/exam/practice?seed=21');
	await expect(page.getByTestId('practice-track')).toHaveText('AI-300');
	await page.getByLabel('20 items').check();
	await page.getByRole('button', { name: 'Start exam' }).click();
	const total = Number((await page.getByTestId('progress').textContent())!.match(/of (\d+)/)![1]);
	// Submit unanswered to see the drawn set per domain on the results screen.
	await page.getByRole('button', { name: /^Review (all|answers)/ }).click();
	await page.getByRole('button', { name: 'Submit exam' }).click();
	await page.getByRole('dialog', { name: 'Submit with unanswered items?' }).getByRole('button', { name: 'Submit anyway' }).click();
	const bars = page.getByTestId('domain-results').locator('li');
	await expect(bars.first()).toBeVisible();
	const drawn = new Map<string, number>();
	for (const bar of await bars.all()) {
		const title = (await bar.locator('.bar-label').textContent())!.trim();
		drawn.set(title, Number(/\/ (\d+)/.exec((await bar.locator('.bar-value').textContent())!)![1]));
	}
	expect([...drawn.keys()].every((t) => domains.some((d) => d.title === t)), 'only AI-300 domains').toBe(true);
	expect([...drawn.values()].reduce((s, n) => s + n, 0)).toBe(total);
	const enough = domains.every((d) => d.available >= Math.ceil((d.hi / 100) * 20));
	for (const d of domains) {
		const n = drawn.get(d.title) ?? 0;
		if (enough) {
			// A bank large enough for every domain: each domain's share of the drawn set is within its weights.
			expect(n, d.title).toBeGreaterThanOrEqual(Math.floor((d.lo / 100) * total));
			expect(n, d.title).toBeLessThanOrEqual(Math.ceil((d.hi / 100) * total));
		} else {
			// The sample bank of the loader branch is smaller than one exam: every item is drawn.
			expect(n, d.title).toBe(d.available);
		}
	}
});

for (const phone of [false, true]) {
	test(`the first-run exam chooser works ${phone ? 'by touch on a 390 × 844 phone' : 'by keyboard'}`, async ({ browser }) => {
		const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } : {});
		const page = await context.newPage();
		await page.goto('/');
		await page.locator('html[data-interactive]').waitFor();
		const chooser = page.getByTestId('track-chooser');
		await expect(chooser).toBeVisible();
		const dp100 = chooser.getByRole('button', { name: /^DP-100/ });
		if (phone) {
			const box = (await dp100.boundingBox())!;
			expect(box.height).toBeGreaterThanOrEqual(44);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			await dp100.tap();
		} else {
			await dp100.focus();
			await expect(dp100).toBeFocused();
			await page.keyboard.press('Enter');
		}
		await expect(chooser).toHaveCount(0);
		await expect(page.getByTestId('home-track')).toContainText('Preparing for DP-100');
		await page.reload();
		await page.locator('html[data-interactive]').waitFor();
		await expect(page.getByTestId('home-track')).toContainText('Preparing for DP-100');
		await expect(page.getByTestId('track-chooser')).toHaveCount(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone ? 390 : 10_000);
		await context.close();
	});
}

test('dismissing the chooser keeps AI-300 and does not ask again', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: /^Dismiss/ }).click();
	await expect(page.getByTestId('track-chooser')).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('home-track')).toContainText('Preparing for AI-300');
	await expect(page.getByTestId('track-chooser')).toHaveCount(0);
});

test('the exam items are fetched once as /exam/bank.json; if they cannot be had, the page says why and can try again', async ({ page }) => {
	// Not inside the pages: each page's HTML stays small, and the one file is cached once.
	const html = await (await page.request.get('/exam/practice')).text();
	expect(html.length).toBeLessThan(100_000);
	let answer: 'error' | 'broken' | 'file' = 'error';
	await page.route('**/exam/bank.json', (route) =>
		answer === 'error' ? route.fulfill({ status: 500, body: 'oops' }) : answer === 'broken' ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"ai300": {"exam": "AI-300"}}' }) : route.continue()
	);
	await page.goto('/exam/practice');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice exam');
	await expect(page.getByTestId('bank-problem')).toHaveText('The exam items could not be loaded: /exam/bank.json answered HTTP 500.');
	answer = 'broken';
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByTestId('bank-problem')).toHaveText('The exam items could not be loaded: /exam/bank.json cannot be used: the ai300 exam has no list of domains.');
	answer = 'file';
	await page.getByRole('button', { name: 'Try again' }).click();
	await expect(page.getByTestId('practice-track')).toHaveText('AI-300');
	await expect(page.getByTestId('bank-problem')).toHaveCount(0);

	answer = 'error';
	await page.goto('/exam/attempt?id=1');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attempt review');
	await expect(page.getByTestId('bank-problem')).toContainText('answered HTTP 500');
});
