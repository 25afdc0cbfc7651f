import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { EXPORT_CONTENTS } from '../../src/lib/ml/azureml-export-contents';
import { expect, test, WITHOUT_SERVICE_WORKER } from './fixtures';

test.use(WITHOUT_SERVICE_WORKER);

test('a registered version exports to an Azure ML zip with the model folder, score.py and endpoint YAML', async ({ page }) => {
	await page.goto('/lab/train');
	await page.getByLabel('Rows').fill('1000');
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await expect(page.getByTestId('train-result')).toBeVisible();
	await page.getByRole('button', { name: 'Register model' }).click();
	await expect(page.getByTestId('registered')).toContainText('version 1');

	await page.goto('/lab/models');
	await expect(page.locator('html[data-interactive]')).toBeAttached();
	const contents = page.getByTestId('export-contents');
	await contents.getByText('Files in the zip').click();
	await expect(contents.locator('li')).toHaveCount(EXPORT_CONTENTS.length);
	await expect(contents.getByRole('link', { name: 'managed online endpoint' })).toHaveAttribute('href', '/notes/managed-online-endpoints');

	// Keyboard: focus the button and press Enter.
	const button = page.getByRole('button', { name: 'Export to Azure ML: version 1' });
	await button.focus();
	const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
	expect(download.suggestedFilename()).toBe('delinquency-v1-azureml.zip');
	await expect(page.getByText('Downloaded delinquency-v1-azureml.zip')).toHaveAttribute('role', 'status');

	const files = unzipSync(readFileSync((await download.path())!));
	expect(Object.keys(files).sort()).toEqual(EXPORT_CONTENTS.map((f) => `delinquency-v1/${f.path}`).sort());
	const model = JSON.parse(strFromU8(files['delinquency-v1/model/model.json']!)) as { name: string; version: number; weights: number[]; tags: Record<string, string> };
	expect(model).toMatchObject({ name: 'delinquency', version: 1 });
	expect(model.weights.length).toBeGreaterThan(7);
	expect(strFromU8(files['delinquency-v1/endpoints/online-deployment.yml']!)).toContain('model: azureml:delinquency:1');
	const mlmodel = parseYaml(strFromU8(files['delinquency-v1/model/MLmodel']!)) as { flavors: { python_function: { loader_module: string } }; signature: { inputs: string } };
	expect(mlmodel.flavors.python_function.loader_module).toBe('score');
	// Whole-number inputs are long in the signature, so MLflow accepts pd.read_csv of a generated file.
	expect(JSON.parse(mlmodel.signature.inputs)).toContainEqual({ type: 'long', name: 'days_past_due_12m' });
	// score.py predicts with the threshold the version is served with, as the app's endpoint does.
	expect(strFromU8(files['delinquency-v1/model/code/score.py']!)).toContain(`\nTHRESHOLD = ${Number(model.tags.threshold ?? 0.5)}\n`);
	expect(parseYaml(strFromU8(files['delinquency-v1/endpoints/batch-deployment.yml']!))).toMatchObject({ type: 'model', settings: { output_action: 'append_row' } });
});
