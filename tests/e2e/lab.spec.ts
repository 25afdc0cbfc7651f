import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('train, read every metric, move the threshold, compare solvers, register, and manage versions', async ({ page }) => {
	await page.goto('/lab/models');
	await expect(page.getByTestId('no-models')).toBeVisible();

	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('3000');
	await page.getByLabel('Cross-validation folds').fill('3');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
	const auc = Number(await page.getByTestId('metric-rocAuc').textContent());
	expect(auc).toBeGreaterThan(0.7);
	expect(auc).toBeLessThan(1);
	for (const key of ['accuracy', 'precision', 'recall', 'f1', 'prAuc', 'logLoss', 'brier']) await expect(page.getByTestId(`metric-${key}`)).not.toBeEmpty();
	await expect(page.getByText('3-fold CV mean ± sd')).toBeVisible();

	// Lowering the threshold calls more accounts: recall rises.
	const recallAt = async () => parseFloat((await page.getByTestId('recall').textContent())!);
	const before = await recallAt();
	await page.getByRole('slider', { name: 'Decision threshold' }).fill('0.2');
	await expect(page.getByTestId('threshold-value')).toHaveText('0.20');
	expect(await recallAt()).toBeGreaterThan(before);
	await expect(page.getByTestId('top-decile-capture')).toHaveText(/\d+\.\d %/);
	// The cost view picks a threshold and can apply it.
	await page.getByLabel('Cost of a missed delinquent').fill('2000');
	await page.getByLabel('Cost of an outreach call').fill('10');
	await expect(page.getByTestId('cheapest')).toContainText('Cheapest threshold');
	await page.getByRole('button', { name: 'Use this threshold' }).click();
	await expect(page.getByTestId('threshold-value')).not.toHaveText('0.20');

	await page.getByLabel('Description (optional)').fill('baseline newton');
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');

	// Same data, the other solver: both loss curves are shown.
	await page.getByRole('combobox', { name: /^Solver/ }).selectOption('gd');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Register model' })).toBeVisible();
	await expect(page.getByTestId('loss-summary').locator('li')).toHaveCount(2);
	await expect(page.getByTestId('loss-summary')).toContainText('Gradient descent');
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 2');

	await page.goto('/lab/models');
	await page.reload();
	const rows = page.getByTestId('model-versions').locator('tbody tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('delinquency:2');
	await expect(rows.nth(1)).toContainText('baseline newton');

	await page.getByLabel('Set an alias for version 1').selectOption('champion');
	await expect(rows.nth(1).locator('.alias')).toHaveText('champion');
	await rows.nth(0).getByRole('button', { name: 'Edit' }).click();
	await page.getByLabel('Tags (key=value, comma-separated)').fill('owner=risk, stage=challenger');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(rows.nth(0)).toContainText('owner=risk, stage=challenger');

	await page.getByLabel('Compare version 1').check();
	await page.getByLabel('Compare version 2').check();
	await expect(page.getByTestId('compare')).toContainText('Data fingerprint');

	await rows.nth(0).getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('button', { name: 'Keep it' }).click();
	await expect(rows).toHaveCount(2);
	await rows.nth(0).getByRole('button', { name: 'Delete' }).click();
	await page.getByRole('button', { name: 'Delete version 2' }).click();
	await expect(rows).toHaveCount(1);
	await page.reload();
	await expect(rows).toHaveCount(1);
	await expect(rows.nth(0)).toContainText('champion');
	await page.goto('/');
	await expect(page.getByText('model version registered')).toBeVisible();
});

const header = 'account_id,credit_utilization,days_past_due_12m,annual_income,region,age_band,delinquent_90d';
const goodCsv = [header, ...Array.from({ length: 400 }, (_, i) => `A${i},${((i * 37) % 100) / 100},${i % 4},${30000 + ((i * 7919) % 50000)},${['north', 'south'][i % 2]},30-44,${(i * 37) % 100 > 60 || i % 4 === 3 ? 1 : 0}`)].join('\n');

test('files that cannot be used are refused with the reason, and nothing is stored', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('A CSV file').check();
	const upload = (name: string, buffer: Buffer) => page.locator('#csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
	await upload('no-target.csv', Buffer.from('a,b\nx,7\ny,9\n'));
	await expect(page.getByTestId('data-error')).toContainText('"no-target.csv" cannot be used: No target column found');
	await upload('empty.csv', Buffer.from(''));
	await expect(page.getByTestId('data-error')).toContainText('"empty.csv" cannot be used: The file is empty');
	await upload('dup.csv', Buffer.from('a,b,a\n1,2,3\n'));
	await expect(page.getByTestId('data-error')).toContainText('The header names "a" twice (columns 1 and 3).');
	await upload('sheet.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81, 0xc3, 0x28, 0x0a]));
	await expect(page.getByTestId('data-error')).toContainText('not UTF-8 text');
	await expect(page.getByLabel('File in raw/').locator('option')).toHaveText(['No files yet']);
});

test('import a CSV, confirm its columns, train on it, and a bad value is named by row and column', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('A CSV file').check();
	await page.locator('#csv-file').setInputFiles({ name: 'my accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(goodCsv) });
	const editor = page.getByTestId('schema-editor');
	await expect(editor).toBeVisible();
	await expect(page.getByLabel('Role of delinquent_90d')).toHaveValue('target');
	await expect(page.getByLabel('Role of age_band')).toHaveValue('sensitive');
	await expect(page.getByLabel('Role of account_id')).toHaveValue('ignore');
	await page.getByLabel('Role of region').selectOption('ignore');
	await page.getByRole('button', { name: 'Use these columns' }).click();
	await expect(page.getByTestId('schema-summary')).toContainText('Target delinquent_90d, 3 features');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toContainText('raw/my_accounts.csv');

	// After a reload the confirmed columns are remembered.
	await page.reload();
	await page.getByLabel('A CSV file').check();
	await page.getByLabel('File in raw/').selectOption('my_accounts.csv');
	await expect(page.getByTestId('schema-summary')).toContainText('3 features');

	// A file whose numeric column holds text in one row: training names the row and column.
	const broken = goodCsv.split('\n');
	const fields = broken[5]!.split(','); // file row 6
	fields[2] = 'two'; // days_past_due_12m
	broken[5] = fields.join(',');
	await page.locator('#csv-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken.join('\n')) });
	await expect(page.getByLabel('Role of days_past_due_12m')).toHaveValue('feature');
	await page.getByLabel('Kind of days_past_due_12m').selectOption('numeric');
	await page.getByRole('button', { name: 'Use these columns' }).click();
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Row 6, column "days_past_due_12m": "two" is not a number.');
});

test('training shows progress and can be cancelled without registering', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('400000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('Training cancelled. Nothing was registered.')).toBeVisible();
	await expect(page.getByTestId('train-result')).toHaveCount(0);
});

test('invalid parameters get a clear message', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('50');
	await page.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(/Rows must be a whole number from 200/);
});
