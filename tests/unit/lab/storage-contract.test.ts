// One contract, two homes: the IndexedDB and file-system storages must behave the same.
import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsLabStorage } from '../../../src/cli/fs-lab-storage';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { resolveVersion } from '../../../src/lib/lab/registry';
import { checkFileName, NotFoundError, usableFileName, type LabStorage } from '../../../src/lib/lab/storage';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const draft = trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
let n = 0;
const homes: [string, () => Promise<LabStorage>][] = [
	[
		'IndexedDB',
		async () => {
			const db = await openPrepLabDb({}, `contract-${n++}`);
			return { datastore: idbDatastore(db), registry: idbRegistry(db) };
		}
	],
	['file system', () => fsLabStorage(mkdtempSync(join(tmpdir(), 'prep-lab-contract-')))]
];

describe.each(homes)('lab storage in %s', (_home, make) => {
	it('numbers versions per name, lists newest first, and keeps models unchanged', async () => {
		const { registry } = await make();
		const v1 = await registry.register(draft);
		const v2 = await registry.register({ ...draft, params: { ...draft.params, C: 0.1 } }, { description: 'stronger penalty' });
		const other = await registry.register({ ...draft, name: 'other' });
		expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
		const listed = await registry.list('delinquency');
		expect(listed.map((m) => m.version)).toEqual([2, 1]);
		expect(listed[0]!.description).toBe('stronger penalty');
		expect(await registry.get('delinquency', 1)).toEqual(v1);
	});

	it('keeps held-out scores with a version and drops them with it', async () => {
		const { registry } = await make();
		const heldOut = { y: Uint8Array.from([0, 1, 1]), p: Float64Array.from([0.1, 0.7, 0.4]) };
		await registry.register(draft, {}, heldOut);
		await registry.register(draft);
		expect(await registry.heldOut('delinquency', 1)).toEqual(heldOut);
		expect(await registry.heldOut('delinquency', 2)).toBeUndefined();
		await registry.delete('delinquency', 1);
		expect(await registry.heldOut('delinquency', 1)).toBeUndefined();
	});

	it('gives distinct versions to registrations made at the same moment', async () => {
		const { registry } = await make();
		const results = await Promise.all([1, 2, 3, 4].map(() => registry.register(draft)));
		expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
	});

	it('edits description and tags but nothing else; aliases resolve and follow deletes', async () => {
		const { registry } = await make();
		await registry.register(draft);
		await registry.register(draft);
		const edited = await registry.updateMeta('delinquency', 1, { tags: { owner: 'risk' } });
		expect(edited.tags).toEqual({ owner: 'risk' });
		expect(edited.weights).toEqual(draft.weights);
		await registry.setAlias('delinquency', 'champion', 1);
		await registry.setAlias('delinquency', 'challenger', 2);
		expect((await resolveVersion(registry, 'delinquency', 'champion')).version).toBe(1);
		expect((await resolveVersion(registry, 'delinquency')).version).toBe(2);
		await expect(registry.setAlias('delinquency', 'Bad Alias', 1)).rejects.toThrow(/must start with a letter/);
		await expect(registry.setAlias('delinquency', 'x', 9)).rejects.toBeInstanceOf(NotFoundError);
		// A promotion is all or nothing: one missing target and no alias changes.
		await expect(registry.setAliases('delinquency', { challenger: null, champion: 9 })).rejects.toBeInstanceOf(NotFoundError);
		expect(await registry.aliases('delinquency')).toEqual({ champion: 1, challenger: 2 });
		await registry.setAliases('delinquency', { champion: 2, challenger: null });
		expect(await registry.aliases('delinquency')).toEqual({ champion: 2 });
		await registry.setAliases('delinquency', { champion: 1, challenger: 2 });
		await registry.delete('delinquency', 1);
		expect(await registry.aliases('delinquency')).toEqual({ challenger: 2 });
		await expect(resolveVersion(registry, 'delinquency', 'champion')).rejects.toThrow('Alias "champion" of model "delinquency" does not exist.');
		// A deleted version number is never handed out again.
		expect((await registry.register(draft)).version).toBe(3);
	});

	it('registers a version with its aliases in one write, and refuses a bad alias before storing anything', async () => {
		const { registry } = await make();
		await registry.register(draft, {}, undefined, ['champion']);
		const challenger = await registry.register(draft, { description: 'retrained' }, undefined, ['challenger']);
		expect(challenger.version).toBe(2);
		expect(await registry.aliases('delinquency')).toEqual({ champion: 1, challenger: 2 });
		await expect(registry.register(draft, {}, undefined, ['Not An Alias'])).rejects.toThrow(/must start with a letter/);
		expect((await registry.list('delinquency')).map((v) => v.version)).toEqual([2, 1]);
	});

	it('stores files in zones, appends atomically, and only shows a written file once closed', async () => {
		const { datastore } = await make();
		await datastore.writeText('raw', 'a.csv', 'x,y\n1,2\n');
		await datastore.writeBlob('raw', 'b.csv', new Blob(['x\n3\n']));
		expect(await datastore.readText('raw', 'b.csv')).toBe('x\n3\n');
		await datastore.delete('raw', 'b.csv');
		expect(await datastore.readText('raw', 'a.csv')).toBe('x,y\n1,2\n');
		expect((await datastore.list('raw')).map((f) => [f.name, f.size])).toEqual([['a.csv', 8]]);
		await Promise.all(['1\n', '2\n', '3\n'].map((t) => datastore.appendText('logs', 'log.csv', t)));
		expect((await datastore.readText('logs', 'log.csv')).split('\n').filter(Boolean).sort()).toEqual(['1', '2', '3']);
		const writer = await datastore.createWriter('curated', 'out.csv');
		await writer.write('partial');
		expect(await datastore.exists('curated', 'out.csv')).toBe(false);
		await writer.abort();
		expect(await datastore.exists('curated', 'out.csv')).toBe(false);
		await expect(datastore.readText('raw', 'missing.csv')).rejects.toBeInstanceOf(NotFoundError);
		await expect(datastore.writeText('raw', '../escape.csv', 'x')).rejects.toThrow(/not a usable file name/);
	});
});

describe('registry on disk', () => {
	it('lays versions out as registry/<name>/model_vNNN/{model,metrics,metadata}.json', async () => {
		const root = mkdtempSync(join(tmpdir(), 'prep-lab-layout-'));
		const { registry } = await fsLabStorage(root);
		await registry.register(draft);
		const dir = join(root, 'registry', 'delinquency', 'model_v001');
		expect(readdirSync(dir).sort()).toEqual(['metadata.json', 'metrics.json', 'model.json']);
		const meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8'));
		expect(meta).toMatchObject({ name: 'delinquency', version: 1, seed: 42, data_fingerprint: draft.dataFingerprint });
		expect(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')).rocAuc).toBe(draft.metrics.rocAuc);
		expect(readdirSync(root).sort()).toEqual(['curated', 'logs', 'raw', 'registry']);
	});
});

describe('datastore quota (IndexedDB)', () => {
	it('refuses a file that would not fit before writing anything, and says how much is free', async () => {
		const db = await openPrepLabDb({}, `quota-${n++}`);
		const datastore = idbDatastore(db, () => new Date(), async () => ({ usage: 9_000_000, quota: 10_000_000 }));
		await datastore.writeText('raw', 'small.csv', 'x\n1\n');
		const big = new Blob([new Uint8Array(2_000_000)]);
		await expect(datastore.writeBlob('raw', 'big.csv', big)).rejects.toThrow('This file needs 1.9 MB but only 0.5 MB of this site\'s storage is free. Nothing was written');
		expect((await datastore.list('raw')).map((f) => f.name)).toEqual(['small.csv']);
		const writer = await datastore.createWriter('curated', 'out.csv');
		await writer.write('y'.repeat(1_000_000));
		await expect(writer.close()).rejects.toThrow(/Nothing was written/);
		expect(await datastore.exists('curated', 'out.csv')).toBe(false);
	});
});

describe('usableFileName', () => {
	it('turns any uploaded name into one the datastore accepts, keeping the extension', () => {
		const cases: [string, string][] = [
			['accounts.csv', 'accounts.csv'],
			['my accounts (1).csv', 'my_accounts_1_.csv'],
			['../../etc/passwd', 'etc_passwd'],
			['..csv', 'file.csv'],
			['données été.CSV', 'donn_es_t_.CSV'],
			['.hidden', 'file.hidden']
		];
		for (const [from, to] of cases) {
			expect(usableFileName(from), from).toBe(to);
			expect(() => checkFileName(usableFileName(from))).not.toThrow();
		}
	});
});
