// Hostile files and arguments given to the CLI: each is refused with the message asserted and the lab
// folder (and the files named on the command line) proved unchanged, or handled as a user expects.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { cli, cliFailure, snapshot } from './cli-folder';
import { BAD_DIR } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'prep-lab-cli-corpus-'));
const root = join(dir, 'lab');
const data = join(dir, 'accounts.csv');
const bad = (name: string) => join(BAD_DIR, name);
const NOT_UTF8 = 'CSV problem: The file could not be read as text: it is not UTF-8 text';

beforeAll(async () => {
	writeFileSync(data, tableToCsv(generateDelinquencyTable(600, 8)));
	await cli(['train', '--root', root, '--data', data]);
});

describe('training files the CLI refuses, registering nothing', () => {
	const cases: [file: string, message: string][] = [
		[
			'csv-huge-values.csv',
			'Column "huge_balance" has values too large to standardise (its mean or spread is not a finite number). Rescale the column (e.g. divide it by a power of ten) or set it to "ignore".'
		],
		[
			'csv-two-rows.csv',
			'Too few rows to train and evaluate: class 0 of "delinquent_90d" has 1 row; at least 3 rows of each class (0 and 1) are needed so that the 20 % test split can measure the model. Add rows (6 or more, both classes).'
		],
		[
			'csv-thousands-separators.csv',
			'CSV problem (row 3, column "annual_income"): Row 3, column "annual_income": "50 902" is not a number. Write numbers with a dot for decimals and no thousands separator (0.5, 1234). (and 19 more problems)'
		],
		['csv-latin1-not-utf8.csv', `${NOT_UTF8} (accented letters saved as Latin-1 or Windows-1252?). Save it as "CSV UTF-8" and choose that file.`],
		['csv-utf16.csv', `${NOT_UTF8}: it is UTF-16 text (Excel's "Unicode text"). Save it as "CSV UTF-8" and choose that file.`],
		['csv-binary-renamed.csv', `${NOT_UTF8}: it is a PNG image, not a CSV file.`],
		['csv-xlsx-renamed.csv', `${NOT_UTF8}: it is a ZIP archive (an Excel .xlsx workbook?), not a CSV file. Save it as "CSV UTF-8" and choose that file.`]
	];
	it.each(cases)('%s', async (file, message) => {
		const before = snapshot(root);
		expect(await cliFailure(['train', '--root', root, '--data', bad(file)])).toBe(message);
		expect(snapshot(root)).toEqual(before);
	});

	it('--C 0 says it must be greater than 0; --C 1e14 trains (no raw "not positive definite")', async () => {
		const before = snapshot(root);
		expect(await cliFailure(['train', '--root', root, '--data', data, '--C', '0'])).toBe('--C must be greater than 0, got "0".');
		expect(snapshot(root)).toEqual(before);
		const trained = JSON.parse((await cli(['train', '--root', root, '--data', data, '--C', '1e14'])).out.join('\n'));
		expect(trained.metrics.rocAuc).toBeGreaterThan(0.7);
	});
});

describe('csv-feature-named-constructor.csv', () => {
	it('trains with features named constructor, hasOwnProperty and toString, and imputes a missing one', async () => {
		const own = join(dir, 'own-names');
		const trained = JSON.parse((await cli(['train', '--root', own, '--data', bad('csv-feature-named-constructor.csv')])).out.join('\n'));
		expect(trained.schema).toMatchObject({ constructor: 'feature (numeric)', hasOwnProperty: 'feature (numeric)', toString: 'feature (categorical)' });
		const predicted = JSON.parse((await cli(['predict', '--root', own, '--json', JSON.stringify([{ hasOwnProperty: 2, toString: 'a' }])])).out.join('\n'));
		expect(predicted.predictions[0].probability).toBeGreaterThan(0);
		expect(predicted.warnings).toEqual(['"constructor" was missing in 1 record; the training median was used.']);
	});
});

describe('lab score --out: what is never overwritten', () => {
	const partials = (folder: string) => readdirSync(folder).filter((f) => f.includes('.partial'));

	it('refuses --out equal to --data, and the input is unchanged', async () => {
		const input = join(dir, 'same.csv');
		copyFileSync(data, input);
		const before = readFileSync(input);
		expect(await cliFailure(['score', '--root', root, '--data', input, '--out', input])).toBe(
			`--out ${input} is the input file; writing to it would destroy what is being read. Choose another output file.`
		);
		expect(readFileSync(input).equals(before)).toBe(true);
	});

	it('refuses a symbolic link, a device and a folder; names a missing folder; leaves no .partial file', async () => {
		const precious = join(dir, 'precious.txt');
		writeFileSync(precious, 'precious\n');
		const link = join(dir, 'link.csv');
		symlinkSync(precious, link);
		const folder = join(dir, 'out-folder');
		mkdirSync(folder);
		expect(await cliFailure(['score', '--root', root, '--data', data, '--out', link])).toBe(`--out ${link} is a symbolic link; it is not replaced. Give the path of a regular file.`);
		expect(await cliFailure(['score', '--root', root, '--data', data, '--out', '/dev/null'])).toBe('--out /dev/null is not a regular file (a device, pipe or socket); it is not written to.');
		expect(await cliFailure(['score', '--root', root, '--data', data, '--out', folder])).toBe(`--out ${folder} is a folder; give a file name, e.g. ${join(folder, 'scored.csv')}.`);
		const missing = join(dir, 'no-such-folder', 'out.csv');
		expect(await cliFailure(['score', '--root', root, '--data', data, '--out', missing])).toBe(
			`Cannot write ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist. Create it first, or choose another path.`
		);
		expect(readFileSync(precious, 'utf8')).toBe('precious\n');
		expect(readdirSync(folder)).toEqual([]);
		expect(partials(dir)).toEqual([]);
	});
});

describe('csv-formula-injection.csv, scored', () => {
	it("neutralises formula-like text cells with a leading ' and leaves numbers alone", async () => {
		const lab = join(dir, 'formulas');
		await cli(['train', '--root', lab, '--data', bad('csv-formula-injection.csv')]);
		const out = join(dir, 'formulas-scored.csv');
		await cli(['score', '--root', lab, '--data', bad('csv-formula-injection.csv'), '--out', out]);
		const lines = readFileSync(out, 'utf8').split('\n');
		expect(lines[1]).toBe(`A001,0.045,"'=HYPERLINK(""http://evil.example"",""click"")",1,${lines[1]!.split(',').slice(-3).join(',')}`);
		expect(lines[2]!.startsWith("A002,0.09,'+SUM(A1:A9),0,")).toBe(true);
		expect(lines[3]!.startsWith("A003,0.135,'@cmd,1,")).toBe(true);
		expect(lines[4]!.startsWith('A004,0.18,north,0,')).toBe(true);
	});
});

describe('predictions-truncated.csv in curated/', () => {
	it('is skipped and named by lab monitor; the other days are still monitored', async () => {
		const lab = join(dir, 'monitored');
		await cli(['train', '--root', lab, '--data', data]);
		await cli(['simulate', '--root', lab, '--start', '2026-12-01', '--days', '3', '--rows', '200']);
		copyFileSync(bad('predictions-truncated.csv'), join(lab, 'curated', 'accounts_2026-12-02_predictions.csv'));
		const before = snapshot(lab);
		const run = await cli(['monitor', '--root', lab]);
		expect(run.out.map((l) => l.split('\t')[0])).toEqual(['2026-12-01', '2026-12-03']);
		expect(run.warnings).toEqual([
			'curated/accounts_2026-12-02_predictions.csv was skipped: Row 4: a quoted field is never closed (a " has no matching "), so the rest of the file would be read as one value.'
		]);
		expect(snapshot(lab)).toEqual(before);
	});
});

describe('simulate arguments', () => {
	it('refuses 2026-02-30 instead of rolling it over, and --days 1 alone runs one day', async () => {
		const lab = join(dir, 'simulated');
		await cli(['train', '--root', lab, '--data', data]);
		const before = snapshot(lab);
		expect(await cliFailure(['simulate', '--root', lab, '--start', '2026-02-30'])).toBe('Start date "2026-02-30" is not a date like 2026-11-25.');
		expect(snapshot(lab)).toEqual(before);
		expect(existsSync(join(lab, 'raw', 'accounts_2026-03-02.csv'))).toBe(false);
		const one = (await cli(['simulate', '--root', lab, '--start', '2026-02-28', '--days', '1', '--rows', '100'])).out;
		expect(one).toHaveLength(2); // the day, then the summary of files written and dates skipped
		expect(one[0]).toMatch(/^raw\/accounts_2026-02-28\.csv → curated\/accounts_2026-02-28_predictions\.csv\t100 rows/);
		expect(one[1]).toBe('New files in raw/: 1 (2026-02-28).');
	});
});
