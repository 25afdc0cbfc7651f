import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, main } from '../../../src/cli/main';

async function run(args: string[]) {
	const lines: string[] = [];
	await main(args, (l) => lines.push(l));
	return lines.join('\n');
}

describe('prep-lab CLI', () => {
	const dir = mkdtempSync(join(tmpdir(), 'prep-lab-cli-'));
	const root = join(dir, 'lab');
	const data = join(dir, 'accounts.csv');

	it('generates, trains and registers, predicts, scores and runs the daily pipeline', async () => {
		expect(JSON.parse(await run(['generate', '--rows', '2000', '--seed', '5', '--out', data]))).toEqual({ rows: 2000, out: data });
		const trained = JSON.parse(await run(['train', '--data', data, '--root', root, '--C', '0.5']));
		expect(trained).toMatchObject({ name: 'delinquency', version: 1, rows: 2000 });
		expect(trained.schema.age_band).toBe('sensitive (categorical)');
		expect(trained.metrics.rocAuc).toBeGreaterThan(0.75);
		expect(JSON.parse(await run(['train', '--data', data, '--root', root, '--solver', 'gd'])).version).toBe(2);
		expect(existsSync(join(root, 'registry/delinquency/model_v002/model.json'))).toBe(true);
		// The training profile (the reference for drift monitoring) is part of the artifact on disk too.
		const onDisk = JSON.parse(readFileSync(join(root, 'registry/delinquency/model_v002/model.json'), 'utf8'));
		expect(onDisk.profile.features.map((f: { name: string }) => f.name)).toEqual(onDisk.signature.inputs.map((i: { name: string }) => i.name));

		const record = { credit_utilization: 0.9, days_past_due_12m: 3, num_open_accounts: 5, annual_income: 40000, debt_to_income: 0.5, months_on_book: 12, payment_to_balance: 0.05, region: 'south' };
		const predicted = JSON.parse(await run(['predict', '--root', root, '--version', '1', '--json', JSON.stringify([record])]));
		expect(predicted.version).toBe(1);
		expect(predicted.predictions[0].prediction).toBe(1);

		const scored = JSON.parse(await run(['score', '--root', root, '--data', data, '--out', join(dir, 'out.csv')]));
		expect(scored).toMatchObject({ version: 2, rowsIn: 2000, rowsOut: 2000 });
		expect(readFileSync(join(dir, 'out.csv'), 'utf8').split('\n')[0]).toMatch(/,prediction,score,risk_bucket$/);

		const raw = join(root, 'raw', 'accounts_2026-11-24.csv');
		await run(['generate', '--rows', '300', '--seed', '6', '--out', raw]);
		const pipeline = JSON.parse(await run(['pipeline', '--root', root, '--date', '2026-11-24']));
		expect(pipeline).toMatchObject({ status: 'succeeded', rowsIn: 300, output: 'curated/accounts_2026-11-24_predictions.csv' });
		expect(readFileSync(join(root, 'logs', 'batch_runs_log.csv'), 'utf8')).toContain('raw/accounts_2026-11-24.csv');
		expect(await run(['versions', '--root', root])).toMatch(/^delinquency:2\t.*\ndelinquency:1\t/);
	});

	it('simulates drifting days through the pipeline and reports drift per day', async () => {
		const simRoot = join(dir, 'sim');
		await run(['generate', '--rows', '2000', '--seed', '5', '--out', data]);
		await run(['train', '--data', data, '--root', simRoot]);
		const simulated = (await run(['simulate', '--root', simRoot, '--start', '2026-12-01', '--days', '6', '--rows', '500', '--shift-day', '4'])).split('\n');
		expect(simulated).toHaveLength(7);
		expect(simulated[6]).toBe('New files in raw/: 6 (2026-12-01 to 2026-12-06).');
		expect(simulated[0]).toMatch(/^raw\/accounts_2026-12-01\.csv → curated\/accounts_2026-12-01_predictions\.csv\t500 rows/);
		expect(readFileSync(join(simRoot, 'logs', 'batch_runs_log.csv'), 'utf8').trim().split('\n')).toHaveLength(7);
		const days = (await run(['monitor', '--root', simRoot])).split('\n');
		expect(days.map((d) => d.split('\t')[0])).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
		// Before the sudden shift nothing is significant; from its day on, months_on_book is.
		expect(days[0]).not.toContain('significant');
		expect(days[3]).toMatch(/worst months_on_book PSI \d+\.\d{3} \(significant\)/);
		expect(days[3]).toMatch(/prediction PSI \d\.\d{3}, JS \d\.\d{3}$/);
	});

	it('simulate never replaces a raw file that exists: it skips its date, or scores it as it is', async () => {
		const simRoot = join(dir, 'sim-own-file');
		await run(['generate', '--rows', '2000', '--seed', '5', '--out', data]);
		await run(['train', '--data', data, '--root', simRoot]);
		// The learner's own file for 2026-12-02, with rows no generator setting would make.
		const own = join(simRoot, 'raw', 'accounts_2026-12-02.csv');
		await run(['generate', '--rows', '120', '--seed', '99', '--out', own]);
		const before = readFileSync(own);
		const lines = (await run(['simulate', '--root', simRoot, '--start', '2026-12-01', '--days', '3', '--rows', '200', '--shift-day', '0'])).split('\n');
		expect(readFileSync(own).equals(before)).toBe(true);
		expect(lines.slice(0, 3).map((l) => l.split(' → ')[0])).toEqual(['raw/accounts_2026-12-01.csv', 'raw/accounts_2026-12-03.csv', 'raw/accounts_2026-12-04.csv']);
		expect(lines[3]).toBe('New files in raw/: 3 (2026-12-01 to 2026-12-04). Skipped 2026-12-02: raw/accounts_2026-12-02.csv already exists and is left as it is.');

		const scored = (await run(['simulate', '--root', simRoot, '--start', '2026-12-02', '--days', '1', '--shift-day', '0', '--existing', 'score'])).split('\n');
		expect(readFileSync(own).equals(before)).toBe(true);
		expect(scored[0]).toMatch(/^raw\/accounts_2026-12-02\.csv → curated\/accounts_2026-12-02_predictions\.csv\t120 rows/);
		expect(scored[1]).toBe('No new file in raw/. Existing raw/accounts_2026-12-02.csv is scored as it is, not rewritten.');
	});

	it('retrains a challenger on the latest daily files, registers it as challenger, and promotes it', async () => {
		const loopRoot = join(dir, 'retrain');
		await run(['generate', '--rows', '2000', '--seed', '5', '--out', data]);
		await run(['train', '--data', data, '--root', loopRoot]);
		const failure = (args: string[]) => run(args).then(() => 'no error', (e: unknown) => describeError(e));
		expect(await failure(['retrain', '--root', loopRoot])).toBe('There are no daily files in raw/ yet: run the pipeline first.');
		await run(['simulate', '--root', loopRoot, '--start', '2026-12-01', '--days', '4', '--rows', '500', '--shift-day', '0']);
		// No champion yet: --version names the version to compare with.
		expect(await failure(['retrain', '--root', loopRoot, '--days', '2'])).toMatch(/^There is no champion to compare with/);
		const retrained = JSON.parse(await run(['retrain', '--root', loopRoot, '--days', '2', '--version', '1']));
		expect(retrained).toMatchObject({ challenger: 2, champion: 1, days: ['2026-12-03', '2026-12-04'] });
		expect(retrained.metrics.challenger.rocAuc).toBeGreaterThan(0.7);
		expect(JSON.parse(readFileSync(join(loopRoot, 'registry/delinquency/aliases.json'), 'utf8'))).toEqual({ challenger: 2 });
		expect(await run(['promote', '--root', loopRoot])).toBe('delinquency:2 is now champion.');
		expect(JSON.parse(readFileSync(join(loopRoot, 'registry/delinquency/aliases.json'), 'utf8'))).toEqual({ champion: 2 });
		expect(await failure(['promote', '--root', loopRoot])).toBe('Alias "challenger" of model "delinquency" does not exist.');
	});

	it('explains bad input', async () => {
		const failure = (args: string[]) => run(args).then(() => 'no error', (e: unknown) => describeError(e));
		expect(await failure(['frobnicate'])).toMatch(/^Unknown command "frobnicate"/);
		expect(await failure(['generate', '--rows', 'ten', '--out', 'x.csv'])).toBe('--rows must be a valid number, got "ten".');
		expect(await failure(['train', '--root', root])).toBe('--data is required.');
		expect(await failure(['train', '--data', join(dir, 'nope.csv'), '--root', root])).toMatch(/^File not found: .*nope\.csv$/);
		expect(await failure(['predict', '--root', root, '--json', '{oops'])).toMatch(/^--json is not valid JSON/);
		expect(await failure(['predict', '--root', root, '--json', '[{"credit_utilization": "lots"}]'])).toMatch(/record 0: "credit_utilization" must be a number/);
		expect(await failure(['predict', '--root', join(dir, 'empty'), '--json', '[]'])).toBe('A registered version of model "delinquency" does not exist.');
		expect(await failure(['pipeline', '--root', root, '--date', '2026-01-01'])).toBe('raw/accounts_2026-01-01.csv does not exist.');
		expect(await failure(['simulate', '--root', root, '--start', '2026-13-01'])).toBe('Start date "2026-13-01" is not a date like 2026-11-25.');
		expect(await failure(['simulate', '--root', root, '--start', '2026-12-01', '--days', '3', '--shift-day', '5'])).toBe('Sudden-shift day must be a whole number from 1 to 3.');
		expect(await failure(['simulate', '--root', root, '--start', '2026-12-01', '--existing', 'replace'])).toBe('--existing must be skip or score, got "replace".');
		expect(await failure(['monitor', '--root', join(dir, 'sim-empty')])).toBe('A registered version of model "delinquency" does not exist.');
	});
});
