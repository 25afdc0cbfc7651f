import type { Page } from '@playwright/test';
import { axeViolations, COLOUR_RULES, seriousOf, WCAG_TAGS } from './axe-scan';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';
import { chooseExam } from './choose-exam';

// Every page, in the states a learner sees (a card answer revealed, a model answer shown, a trained
// model's charts), is checked by axe against WCAG 2.1 A and AA, in the light and the dark theme.
// Serious and critical violations fail the test; minor and moderate ones are printed.

/** `slow`: a long page (every item of a domain) whose axe scan alone takes tens of seconds. */
/** `worker`: the screen needs the service worker (it answers the online endpoint's requests). */
type Screen = { name: string; open: (page: Page) => Promise<void>; slow?: boolean; worker?: boolean };

const at = (url: string, ready?: (page: Page) => Promise<void>) => async (page: Page) => {
	await page.goto(url);
	await ready?.(page);
};

async function trainSmallModel(page: Page) {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
}

/** Gives some answer to the item on screen, whatever its type; right or wrong does not matter here. */
async function answerAnyhow(page: Page) {
	const question = page.getByTestId('question');
	const type = await question.getAttribute('data-item-type');
	if (type === 'ordering') await question.getByRole('button', { name: 'keep this order as my answer' }).click();
	else if (type === 'yesno') {
		const statements = await question.locator('fieldset.statement').count();
		for (let i = 1; i <= statements; i++) await page.keyboard.press(String(i));
	} else await page.keyboard.press('1');
}

const screens: Screen[] = [
	{ name: 'home', open: at('/', (p) => expect(p.getByTestId('due-today')).toBeVisible()) },
	{ name: 'notes', open: at('/notes') },
	{ name: 'note', open: at('/notes/managed-online-endpoints') },
	{ name: 'cards: a card shown', open: at('/cards', (p) => expect(p.getByTestId('review-card')).toBeVisible()) },
	{
		name: 'cards: answer revealed',
		open: async (page) => {
			await page.goto('/cards');
			await expect(page.getByTestId('review-card')).toBeVisible();
			await page.keyboard.press('Space');
			await expect(page.getByTestId('answer')).toBeVisible();
		}
	},
	// Filtered to a few rows: every row is built the same way, and axe's time grows with each of them.
	{ name: 'cards browse: filtered by a tag', open: at('/cards/browse?tag=key-vault', (p) => expect(p.getByTestId('card-table').locator('tbody tr').first()).toBeVisible()) },
	{
		name: 'cards browse: a card selected and opened with its history',
		open: async (page) => {
			await page.goto('/cards');
			await expect(page.getByTestId('review-card')).toBeVisible();
			await page.keyboard.press('Space');
			await page.keyboard.press('3');
			await expect(page.locator('.counts .learning')).toHaveText('1 learning');
			await page.goto('/cards/browse?state=learning');
			const rows = page.getByTestId('card-table').locator('tbody tr');
			await expect(rows).toHaveCount(1);
			await rows.first().getByRole('checkbox').check();
			await expect(page.getByTestId('bulk-actions')).toBeVisible();
			await rows.first().locator('.open').click();
			await expect(page.getByTestId('history').locator('tbody tr')).toHaveCount(1);
		}
	},
	{ name: 'interview', open: at('/interview') },
	{ name: 'interview question', open: at('/interview/end-to-end-project', (p) => expect(p.getByTestId('time-left')).toBeVisible()) },
	{
		name: 'interview question: model answer shown',
		open: async (page) => {
			await page.goto('/interview/end-to-end-project');
			await page.getByRole('textbox', { name: 'Your answer' }).fill('Context first, then the architecture.');
			await page.getByRole('button', { name: 'Show model answer' }).click();
			await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
		}
	},
	{ name: 'exam', open: at('/exam') },
	{ name: 'home: exam chooser', open: at('/', (p) => expect(p.getByTestId('track-chooser')).toBeVisible()) },
	{ name: 'exam outline and coverage', open: at('/exam/outline', (p) => expect(p.getByTestId('outline-title')).toBeVisible()) },
	{ name: 'exam domain', open: at('/exam/train-deploy'), slow: true },
	{ name: 'practice exam: start', open: at('/exam/practice', (p) => expect(p.getByTestId('no-attempts')).toBeVisible()) },
	{
		name: 'practice exam: item in progress',
		open: async (page) => {
			await chooseExam(page, 'DP-100');
			await page.goto('/exam/practice?seed=7');
			await page.getByLabel('20 items').check();
			await page.getByRole('button', { name: 'Start exam' }).click();
			await expect(page.getByTestId('progress')).toHaveText('Item 1 of 20');
		}
	},
	{
		name: 'practice by domain: feedback shown',
		open: async (page) => {
			await page.goto('/exam/practice?mode=domain&seed=3');
			await page.getByRole('button', { name: 'Start practice' }).click();
			await expect(page.getByTestId('progress')).toHaveText(/^Item 1 of/);
			await answerAnyhow(page);
			await page.getByRole('button', { name: 'Check answer' }).click();
			await expect(page.getByTestId('feedback')).toBeVisible();
		}
	},
	{
		name: 'practice exam: stop dialog',
		open: async (page) => {
			await page.goto('/exam/practice?mode=domain&seed=3');
			await page.getByRole('button', { name: 'Start practice' }).click();
			await answerAnyhow(page);
			await page.getByRole('button', { name: 'Stop practice' }).click();
			await expect(page.getByRole('dialog', { name: 'Stop and score your answers?' })).toBeVisible();
		}
	},
	{
		name: 'practice exam: resume offer',
		open: async (page) => {
			await page.goto('/exam/practice?mode=domain&seed=3');
			await page.getByRole('button', { name: 'Start practice' }).click();
			await answerAnyhow(page);
			await page.reload();
			await expect(page.getByTestId('resume-progress')).toHaveText(/^1 of \d+ answered$/);
		}
	},
	{
		name: 'practice exam: partial attempt reviewed',
		open: async (page) => {
			await page.goto('/exam/practice?mode=domain&seed=3');
			await page.getByRole('button', { name: 'Start practice' }).click();
			await answerAnyhow(page);
			await page.getByRole('button', { name: 'Stop practice' }).click();
			await page.getByRole('button', { name: 'Stop and score' }).click();
			await expect(page.getByTestId('partial-notice')).toBeVisible();
			await page.goto('/exam/attempt?id=1');
			await expect(page.getByTestId('answered-items')).toBeVisible();
		}
	},
	{ name: 'lab', open: at('/lab') },
	{ name: 'lab train', open: at('/lab/train') },
	{
		name: 'lab train: CSV source',
		open: async (page) => {
			await page.goto('/lab/train');
			await page.getByLabel('A CSV file').check();
			await expect(page.getByRole('button', { name: 'Import a CSV…' })).toBeVisible();
		}
	},
	{ name: 'lab train: trained', open: trainSmallModel },
	{
		name: 'lab models: one version',
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByRole('button', { name: 'Register model' }).click();
			await expect(page.getByTestId('registered')).toContainText('version 1');
			await page.goto('/lab/models');
			await expect(page.getByTestId('model-versions').locator('tbody tr')).toHaveCount(1);
		}
	},
	{
		name: 'lab models: export files listed',
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByRole('button', { name: 'Register model' }).click();
			await expect(page.getByTestId('registered')).toContainText('version 1');
			await page.goto('/lab/models');
			await page.getByText('Files in the zip').click();
			await expect(page.getByTestId('export-contents').locator('li').first()).toBeVisible();
		}
	},
	{ name: 'lab runs: none yet', open: at('/lab/runs', (p) => expect(p.getByTestId('no-runs')).toBeVisible()) },
	{
		name: 'lab runs: two runs compared',
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByLabel('C (inverse regularisation)').fill('0.1');
			await page.getByRole('button', { name: 'Train', exact: true }).click();
			await expect(page.getByRole('button', { name: 'Register model' })).toBeVisible();
			await page.goto('/lab/runs');
			// The runs load from IndexedDB after the page starts: wait for both before ticking them.
			const boxes = page.getByRole('checkbox', { name: /^Compare run/ });
			await expect(boxes).toHaveCount(2);
			for (const box of await boxes.all()) await box.check();
			await expect(page.getByTestId('compare')).toBeVisible();
		}
	},
	{ name: 'lab data: empty zones', open: at('/lab/data', (p) => expect(p.getByTestId('zone-raw')).toContainText('No raw files yet')) },
	{
		name: 'lab data: a sample file previewed',
		open: async (page) => {
			await page.goto('/lab/data');
			await page.getByLabel('Rows').fill('200');
			await page.getByRole('button', { name: 'Generate' }).click();
			await page.getByRole('button', { name: /^Preview raw\/accounts_/ }).click();
			await expect(page.getByTestId('preview').locator('tbody tr')).toHaveCount(20);
		}
	},
	{ name: 'lab batch: no model yet', open: at('/lab/batch', (p) => expect(p.getByTestId('no-models')).toBeVisible()) },
	{
		name: 'lab batch: a job with failed rows',
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByRole('button', { name: 'Register model' }).click();
			await expect(page.getByTestId('registered')).toContainText('version 1');
			await page.goto('/lab/data');
			await page.getByLabel('Files (or drop them here)').setInputFiles([{ name: 'daily.csv', mimeType: 'text/csv', buffer: Buffer.from('account_id,credit_utilization,days_past_due_12m,num_open_accounts,annual_income,debt_to_income,months_on_book,payment_to_balance,region\nA1,0.5,0,3,40000,0.3,24,0.1,north\nA2,lots,0,3,40000,0.3,24,0.1,north\n') }]);
			await expect(page.getByTestId('data-notice')).toBeVisible();
			await page.goto('/lab/batch');
			await page.getByRole('button', { name: 'Invoke' }).click();
			await expect(page.getByTestId('error-log')).toBeVisible();
		}
	},
	{
		name: 'lab responsible AI: one version',
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByRole('button', { name: 'Register model' }).click();
			await expect(page.getByTestId('registered')).toContainText('version 1');
			await page.goto('/lab/responsible-ai');
			await expect(page.getByTestId('model-card')).toBeVisible();
		}
	},
	{ name: 'lab endpoints: none yet', open: at('/lab/endpoints', (p) => expect(p.getByTestId('no-endpoints')).toBeVisible()) },
	{
		name: 'lab endpoints: a deployment answered a request',
		worker: true,
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByRole('button', { name: 'Register model' }).click();
			await expect(page.getByTestId('registered')).toContainText('version 1');
			await page.goto('/lab/endpoints');
			await page.getByRole('button', { name: 'Create endpoint' }).click();
			await page.getByRole('button', { name: 'Add deployment' }).click();
			await expect(page.getByTestId('deployments').locator('tbody tr')).toHaveCount(1);
			await page.getByRole('button', { name: 'Send', exact: true }).click();
			await expect(page.getByTestId('response-status')).toHaveText('HTTP 200');
			await expect(page.getByTestId('log-total')).toHaveText('1');
			await page.getByText('curl and fetch snippets').click();
		}
	},
	{ name: 'lab monitor: no models', open: at('/lab/monitor', (p) => expect(p.getByTestId('no-models')).toBeVisible()) },
	{
		name: 'lab monitor: drift and a challenger',
		open: async (page) => {
			await trainSmallModel(page);
			await page.getByRole('button', { name: 'Register model' }).click();
			await expect(page.getByTestId('registered')).toContainText('version 1');
			await page.goto('/lab/monitor');
			await page.getByLabel('Days', { exact: true }).fill('8');
			await page.getByLabel('Rows per day').fill('200');
			await page.getByLabel('Sudden shift from day').fill('6');
			await page.getByRole('button', { name: 'Simulate and score' }).click();
			await expect(page.getByTestId('drift-banner')).toContainText('Significant drift');
			await page.getByRole('button', { name: 'Train a challenger' }).click();
			await expect(page.getByTestId('comparison')).toBeVisible();
		}
	},
	{ name: 'lab rag: build step, no index yet', open: at('/lab/rag', (p) => expect(p.getByTestId('no-index')).toBeVisible()) },
	{ name: 'lab rag: evaluate step', open: at('/lab/rag/evaluate', (p) => expect(p.getByTestId('no-report')).toBeVisible()) },
	{ name: 'lab rag: configs, none saved', open: at('/lab/rag/configs', (p) => expect(p.getByTestId('no-configs')).toBeVisible()) },
	{ name: 'lab rag: monitor, no checks', open: at('/lab/rag/monitor', (p) => expect(p.getByTestId('no-checks')).toBeVisible()) },
	{ name: 'progress', open: at('/progress') },
	{ name: 'settings', open: at('/settings') },
	{ name: 'search', open: at('/search?q=endpoint', (p) => expect(p.getByTestId('search-results').locator('li').first()).toBeVisible()) },
	{ name: 'page not found', open: at('/no-such-page', (p) => expect(p.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()) }
];

// Screens are independent (each test has its own browser context), so they run in parallel. Each
// screen is opened once and checked in both themes. The dark theme only redefines colour variables
// (tests/unit/architecture/dark-theme.test.ts keeps it so), and switching the emulated scheme
// re-styles the open page without rebuilding its state: the light theme gets every rule, the dark
// theme the rules that depend on colour.
test.describe.configure({ mode: 'parallel' });

function checkBothThemes(screen: Screen) {
	test(`${screen.name} has no serious or critical WCAG 2.1 A/AA violations in the light and the dark theme`, async ({ page }) => {
		if (screen.slow) test.slow();
		await page.emulateMedia({ colorScheme: 'light' });
		await screen.open(page);
		const serious: string[] = [];
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			expect(await page.evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme)).toBe(true);
			const violations = await axeViolations(page, colorScheme === 'light' ? { tags: [...WCAG_TAGS, 'best-practice'] } : { rules: COLOUR_RULES });
			const minor = violations.filter((v) => v.impact === 'minor' || v.impact === 'moderate');
			if (minor.length > 0) console.log(`${colorScheme} ${screen.name}: ${minor.map((v) => `[${v.impact}] ${v.id}: ${v.help}`).join('\n')}`);
			serious.push(...seriousOf(violations, colorScheme));
		}
		expect(serious, `serious or critical violations on ${screen.name}`).toEqual([]);
	});
}

// What is checked here is the markup, so a screen that does not need the service worker runs without
// it: every new context would otherwise install it and precache the whole app first. Offline use is
// what offline.spec.ts and the lab specs check.
test.describe('without the service worker', () => {
	test.use(WITHOUT_SERVICE_WORKER);
	for (const screen of screens.filter((s) => !s.worker)) checkBothThemes(screen);
});
test.describe('with the service worker', () => {
	for (const screen of screens.filter((s) => s.worker)) checkBothThemes(screen);
});
