// Hand-edited or damaged registry files on disk, used through the CLI: a broken version is named (file
// and field), never scored, and the other versions still work; nothing in the folder changes.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../src/cli/main';
import { fsLabStorage } from '../../../src/cli/fs-lab-storage';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { cli, cliFailure, snapshot } from './cli-folder';
import { BAD_DIR } from './corpus';

const dir = mkdtempSync(join(tmpdir(), 'prep-lab-registry-corpus-'));
const data = join(dir, 'accounts.csv');
const record = { credit_utilization: 0.9, days_past_due_12m: 3, num_open_accounts: 5, annual_income: 40000, debt_to_income: 0.5, months_on_book: 12, payment_to_balance: 0.05, region: 'south' };
let roots = 0;

/** A lab folder with a good version 1 and, when given, a version 2 whose model.json is a corpus file. */
async function labWith(modelFile?: string): Promise<string> {
	const root = join(dir, `lab-${roots++}`);
	const storage = await fsLabStorage(root);
	const { draft, test } = trainModel(generateDelinquencyTable(400, 2), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
	await storage.registry.register(draft, {}, test);
	if (modelFile) {
		const v1 = join(root, 'registry/delinquency/model_v001');
		const v2 = join(root, 'registry/delinquency/model_v002');
		mkdirSync(v2);
		copyFileSync(join(v1, 'metrics.json'), join(v2, 'metrics.json'));
		writeFileSync(join(v2, 'metadata.json'), readFileSync(join(v1, 'metadata.json'), 'utf8').replace('"version": 1', '"version": 2'));
		copyFileSync(join(BAD_DIR, modelFile), join(v2, 'model.json'));
	}
	return root;
}

beforeAll(() => {
	writeFileSync(data, tableToCsv(generateDelinquencyTable(50, 4)));
});

describe('a broken model.json is named, the other versions still work, and nothing changes', () => {
	const where = 'registry/delinquency/model_v002/model.json';
	const cases: [file: string, message: string | RegExp][] = [
		['model-weight-null.json', `${where}: "weights[2]" must be a finite number, not null.`],
		['model-weight-text.json', `${where}: "weights[0]" must be a finite number, not "1".`],
		['model-scale-null.json', `${where}: "preprocessor.numeric[3].scale" must be a finite number, not null.`],
		['model-intercept-missing.json', `${where}: "intercept" must be a finite number, not nothing.`],
		['model-truncated.json', new RegExp(`^${where}: is not valid JSON \\(.+\\); it may be truncated\\.$`)],
		['model-empty.json', `${where}: is empty.`]
	];
	it.each(cases)('%s', async (file, message) => {
		const root = await labWith(file);
		const before = snapshot(root);
		const versions = (await cli(['versions', '--root', root])).out;
		expect(versions).toHaveLength(2);
		expect(versions[0]).toMatch(/^delinquency:2\tcannot be read: /);
		expect(versions[0]!.replace('delinquency:2\tcannot be read: ', '')).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
		expect(versions[1]).toMatch(/^delinquency:1\tROC AUC 0\.\d{4}\t/);
		for (const ref of [['--version', '2'], []]) {
			const refused = await cliFailure(['predict', '--root', root, ...ref, '--json', JSON.stringify([record])]);
			if (typeof message === 'string') expect(refused).toBe(message);
			else expect(refused).toMatch(message);
		}
		const out = join(dir, `scored-${file}.csv`);
		expect(await cliFailure(['score', '--root', root, '--version', '2', '--data', data, '--out', out])).not.toBe('no error');
		// Version 1 is untouched by its broken neighbour.
		const predicted = JSON.parse((await cli(['predict', '--root', root, '--version', '1', '--json', JSON.stringify([record])])).out.join('\n'));
		expect(predicted.predictions[0].probability).toBeGreaterThan(0);
		expect(snapshot(root)).toEqual(before);
	});
});

describe('aliases', () => {
	it('aliases-cycle.json is refused at once, naming the file, instead of spinning', async () => {
		const root = await labWith();
		copyFileSync(join(BAD_DIR, 'aliases-cycle.json'), join(root, 'registry/delinquency/aliases.json'));
		const before = snapshot(root);
		expect(await cliFailure(['predict', '--root', root, '--version', 'a', '--json', JSON.stringify([record])])).toBe(
			'registry/delinquency/aliases.json: "a" points to "b"; an alias must point to a version number.'
		);
		expect(snapshot(root)).toEqual(before);
	});

	it('__proto__ and constructor are not aliases', async () => {
		const root = await labWith();
		for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
			expect(await cliFailure(['predict', '--root', root, '--version', name, '--json', JSON.stringify([record])])).toBe(`Alias "${name}" of model "delinquency" does not exist.`);
		}
	});
});
