// The RAG lab as a learner uses it: build an index, ask a question and read its trace (offline),
// evaluate a small sample of the content dataset, change k and evaluate again, compare the two runs
// on the Runs page, save two configuration versions and promote one with the confirm, and a phone.
import type { Page } from '@playwright/test';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

// Exact vector search: building an HNSW graph adds seconds that these tests do not need.
async function exactSearch(page: Page) {
	await page.getByTestId('vector-index').selectOption('exact');
}

/** The first build of the whole corpus takes a few seconds (more on a loaded machine). */
const BUILD = { timeout: 60_000 };

async function buildIndex(page: Page) {
	await exactSearch(page);
	await page.getByTestId('build-index').click();
	await expect(page.getByTestId('chunk-count')).not.toHaveText('0', BUILD);
}

/** Moves between RAG steps inside the app, so the lab worker keeps the index it built. */
async function step(page: Page, name: string) {
	const link = page.getByRole('navigation', { name: 'RAG lab steps' }).getByRole('link', { name });
	await link.click();
	// The step is on screen once its link is the current page (the old step's form may still be there before).
	await expect(link).toHaveAttribute('aria-current', 'page');
}

async function evaluate(page: Page, questions: string) {
	await step(page, '3. Evaluate');
	await page.getByTestId('dataset-size').fill(questions);
	await page.getByTestId('run-evaluation').click();
	await expect(page.getByTestId('eval-report')).toBeVisible(BUILD);
}

test('offline: build the index, ask a question with citations, open its trace and evaluate', async ({ page, context }) => {
	test.slow();
	await page.goto('/lab/rag');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
	});
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('no-index')).toBeVisible();
	await buildIndex(page);
	await expect(page.getByTestId('index-info')).toContainText('chunks from');

	await page.getByRole('link', { name: 'Ask a question' }).click();
	await page.getByTestId('question').fill('What does reciprocal rank fusion combine in hybrid search?');
	await page.getByRole('button', { name: 'Ask', exact: true }).click();
	const answer = page.getByTestId('answer');
	await expect(answer).toContainText('Extractive');
	// Citations and retrieved chunks link to the note's section.
	await expect(answer.locator('a[href^="/notes/"]').first()).toBeVisible();
	await expect(page.getByTestId('prompt-tokens')).not.toHaveText('0');
	// Editing a price changes the cost per 1,000 questions.
	const before = await page.getByTestId('cost-per-1k').textContent();
	await page.getByTestId('input-price').fill('0.5');
	await expect(page.getByTestId('cost-per-1k')).not.toHaveText(before ?? '');

	const trace = page.getByTestId('trace');
	await expect(trace.locator('[data-span="rag.answer"]')).toBeVisible();
	await trace.locator('[data-span="compose"]').click();
	await expect(page.getByTestId('span-attributes')).toContainText('compose');
	await trace.locator('[data-span="rag.answer"]').click();
	await expect(page.getByTestId('span-attributes')).toContainText('gen_ai.operation.name');

	// Still offline: evaluate a few questions of the content dataset (the index is reused) and find the run.
	await evaluate(page, '10');
	await expect(page.getByTestId('eval-report')).toContainText('10 of 10 questions');
	await page.goto('/lab/runs');
	await expect(page.getByTestId('runs-table').locator('tbody tr', { hasText: 'rag' })).toHaveCount(1);
});

test.describe('online pages', () => {
	test.use(WITHOUT_SERVICE_WORKER);

	test('evaluate, change k, evaluate again and compare the two runs on the Runs page', async ({ page }) => {
		test.slow();
		await page.goto('/lab/rag');
		await exactSearch(page);
		await page.getByTestId('top-k').fill('3');
		await page.getByTestId('top-k').blur();
		await evaluate(page, '10');
		await expect(page.getByTestId('eval-report')).toContainText('10 of 10 questions, k = 3');
		await expect(page.getByTestId('gate-result')).toContainText(/Quality gate (passed|failed)/);
		await expect(page.getByTestId('metrics-table').locator('[data-metric="groundedness_proxy"]')).toContainText('proxy');
		// A question's trace opens from the per-question table.
		await page.getByTestId('eval-questions').getByRole('button', { name: /^Trace of/ }).first().click();
		await expect(page.getByTestId('eval-questions').getByTestId('trace')).toBeVisible();

		await step(page, '1. Build');
		await page.getByTestId('top-k').fill('8');
		await page.getByTestId('top-k').blur();
		await evaluate(page, '10');
		await expect(page.getByTestId('eval-report')).toContainText('k = 8');

		await page.goto('/lab/runs');
		const rows = page.getByTestId('runs-table').locator('tbody tr');
		await expect(rows).toHaveCount(2);
		await expect(rows.first()).toContainText('rag');
		await page.getByRole('checkbox', { name: /Compare run/ }).nth(0).check();
		await page.getByRole('checkbox', { name: /Compare run/ }).nth(1).check();
		const compare = page.getByTestId('compare');
		await expect(compare.locator('tr[data-param="k"]')).toHaveClass(/differs/);
		await expect(compare.locator('tr[data-metric="hit_rate"]')).toBeVisible();
	});

	test('save configuration versions 1 and 2, promote with a confirm that says what it replaces, and monitor it', async ({ page }) => {
		test.slow();
		await page.goto('/lab/rag');
		await exactSearch(page);
		await step(page, '4. Configs');
		await expect(page.getByTestId('no-configs')).toBeVisible();
		await page.getByTestId('save-config').click();
		await expect(page.getByTestId('configs-notice')).toHaveText('Saved notes-qa:1.');
		await step(page, '1. Build');
		await page.getByTestId('top-k').fill('4');
		await page.getByTestId('top-k').blur();
		await step(page, '4. Configs');
		await page.getByTestId('save-config').click();
		await expect(page.getByTestId('configs-notice')).toHaveText('Saved notes-qa:2.');

		await page.getByRole('button', { name: 'Promote notes-qa:1 to production' }).click();
		await expect(page.getByRole('dialog')).toContainText('no version of "notes-qa" is in production yet');
		await page.getByRole('dialog').getByRole('button', { name: 'Promote' }).click();
		await expect(page.locator('tr[data-version="notes-qa:1"]')).toContainText('production');

		await page.getByRole('button', { name: 'Promote notes-qa:2 to production' }).click();
		await expect(page.getByRole('dialog')).toContainText('replacing notes-qa:1');
		await page.getByRole('dialog').getByRole('button', { name: 'Promote' }).click();
		await expect(page.getByTestId('configs-notice')).toContainText('it pointed at notes-qa:1');
		await expect(page.locator('tr[data-version="notes-qa:2"]')).toContainText('production');
		await expect(page.locator('tr[data-version="notes-qa:1"]')).not.toContainText('production');

		// Monitoring re-runs the production version on the production sample and logs the check.
		await step(page, '6. Monitor');
		await expect(page.getByTestId('no-checks')).toBeVisible();
		await page.getByTestId('monitor-check').click();
		await expect(page.getByTestId('monitor-history')).toContainText('across 1 check', BUILD);
		await expect(page.getByTestId('monitor-history')).toContainText('notes-qa:2');
	});

	test('a two-trial sweep over k logs each trial as a run and charts quality against latency and cost', async ({ page }) => {
		test.slow();
		await page.goto('/lab/rag');
		await exactSearch(page);
		await step(page, '5. Sweep');
		// One chunking, one retriever, no re-ranking; k = 3 or 5: two trials.
		const sweep = page.locator('form');
		await sweep.getByRole('group', { name: /Chunking/ }).getByLabel('heading').uncheck();
		await sweep.getByRole('group', { name: 'Retriever' }).getByLabel('hybrid').uncheck();
		await page.getByLabel('Questions').fill('10');
		await page.getByRole('button', { name: 'Run sweep' }).click();
		const result = page.getByTestId('rag-sweep-result');
		await expect(result.locator('tbody tr')).toHaveCount(2, BUILD);
		await expect(result).toContainText('bm25 k=3');
		await expect(result).toContainText('bm25 k=5');
		await page.goto('/lab/runs');
		await expect(page.getByTestId('runs-table').locator('tbody tr', { hasText: 'rag-sweep-' })).toHaveCount(2);
	});

	test('a JSONL dataset whose mapping names a missing field gets a message naming it', async ({ page }) => {
		await page.goto('/lab/rag/evaluate');
		await page.getByLabel('Upload JSONL').check();
		const lines = ['{"question": "What is BM25?", "answer": "A keyword ranking function."}', '{"question": "What is MMR?", "answer": "A re-ranking for diversity."}'].join('\n');
		await page.locator('input[type="file"]').setInputFiles({ name: 'qa.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines) });
		await expect(page.getByTestId('mapping-error')).toBeVisible();
		await page.getByTestId('map-query').fill('${data.question}');
		await page.getByTestId('map-ground_truth').fill('${data.answer}');
		await page.getByTestId('map-ground_truth').blur();
		await expect(page.getByText('2 questions read through the mapping.')).toBeVisible();
		await page.getByTestId('map-query').fill('${data.prompt}');
		await page.getByTestId('map-query').blur();
		await expect(page.getByTestId('mapping-error')).toContainText('prompt');
		await expect(page.getByTestId('run-evaluation')).toBeDisabled();
	});
});

test.describe('on a phone', () => {
	test.use({ ...WITHOUT_SERVICE_WORKER, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('build and ask with touch, nothing wider than the screen', async ({ page }) => {
		await page.goto('/lab/rag');
		await exactSearch(page);
		await page.getByTestId('build-index').tap();
		await expect(page.getByTestId('chunk-count')).not.toHaveText('0', BUILD);
		await page.getByRole('link', { name: 'Ask a question' }).tap();
		await page.getByRole('button', { name: 'Ask', exact: true }).tap();
		await expect(page.getByTestId('answer')).toBeVisible();
		await page.getByTestId('trace').locator('[data-span="rag.answer"]').tap();
		await expect(page.getByTestId('span-attributes')).toBeVisible();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
	});
});
