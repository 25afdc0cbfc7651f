// Spreadsheet-formula neutralisation in scored CSVs: one rule in batch scoring, shared by the browser's
// IndexedDB datastore and the CLI.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { batchScore, neutraliseFormula } from '../../../src/lib/lab/batch-score';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { tableToCsv } from '../../../src/cli/main';

describe('neutraliseFormula', () => {
	it.each([
		["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
		['+SUM(A1:A9)', "'+SUM(A1:A9)"],
		['-2+3', "'-2+3"],
		['@cmd', "'@cmd"],
		['\tTAB', "'\tTAB"],
		['\rCR', "'\rCR"]
	])('prefixes %j with a quote', (cell, expected) => {
		expect(neutraliseFormula(cell)).toBe(expected);
	});

	it.each(['-0.5', '+3', '-1e-3', 'north', 'A-1', '', "'=already"])('leaves %j as it is', (cell) => {
		expect(neutraliseFormula(cell)).toBe(cell);
	});
});

describe('batch scoring in the browser datastore', () => {
	it('writes formula-like text cells neutralised and numbers unchanged', async () => {
		const db = await openPrepLabDb({}, 'formulas');
		const storage = { datastore: idbDatastore(db), registry: idbRegistry(db) };
		const model = await storage.registry.register(trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft);
		const lines = tableToCsv(generateDelinquencyTable(3, 2)).trim().split('\n');
		const header = lines[0]!.split(',');
		const row = lines[1]!.split(',');
		row[header.indexOf('account_id')] = '=HYPERLINK("http://evil.example")';
		row[header.indexOf('credit_utilization')] = '-0.5';
		await storage.datastore.writeText('raw', 'hostile.csv', `${lines[0]}\n${row.map((c) => (c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`);
		await batchScore(storage, model, { zone: 'raw', name: 'hostile.csv' });
		const out = (await storage.datastore.readText('curated', 'hostile_predictions.csv')).split('\n')[1]!;
		expect(out.startsWith(`"'=HYPERLINK(""http://evil.example"")",-0.5,`)).toBe(true);
	});
});
