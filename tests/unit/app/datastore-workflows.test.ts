// The Data page's workflows on a real (fake-indexeddb) datastore: upload with renaming and asking
// before a replacement, the all-or-none room check, the sample generator, preview and delete.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteDatastoreFile, fileBlob, listZones, previewFile } from '../../../src/lib/app/datastore-files';
import { generateSampleFile } from '../../../src/lib/app/generate-sample-file';
import { planUpload, storeFiles } from '../../../src/lib/app/upload-files';
import { ensureRoom, idbDatastore } from '../../../src/lib/db/idb-datastore';
import { openPrepLabDb } from '../../../src/lib/db/schema';

let n = 0;
const freshDatastore = async () => idbDatastore(await openPrepLabDb({}, `datastore-workflows-${n++}`), () => new Date('2026-11-30T09:00:00Z'), async () => ({}));
const file = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const roomy = async () => undefined;

describe('uploading files to the datastore', () => {
	it('stores new files, renames unusable or colliding names and holds back those that would replace a file', async () => {
		const datastore = await freshDatastore();
		await datastore.writeText('raw', 'kept.csv', 'old\n');
		const plan = planUpload([file('kept.csv', 'new\n'), file('dup name.csv', 'a\n'), file('dup_name.csv', 'b\n')], 'raw', (await datastore.list('raw')).map((f) => f.name));
		expect(plan.fresh.map((f) => f.name)).toEqual(['dup_name-2.csv', 'dup_name.csv']);
		expect(plan.clashing.map((f) => f.name)).toEqual(['kept.csv']);
		expect(plan.renamed).toEqual(['"dup name.csv" is stored as raw/dup_name-2.csv.']);
		await storeFiles(datastore, 'raw', plan.fresh, roomy);
		expect(await datastore.readText('raw', 'kept.csv')).toBe('old\n');
		expect(await datastore.readText('raw', 'dup_name.csv')).toBe('b\n');
		expect(await datastore.readText('raw', 'dup_name-2.csv')).toBe('a\n');
		await storeFiles(datastore, 'raw', plan.clashing, roomy);
		expect(await datastore.readText('raw', 'kept.csv')).toBe('new\n');
	});

	it('writes none of the files when together they do not fit in the free quota', async () => {
		const datastore = await freshDatastore();
		const files = [file('a.csv', 'x'.repeat(600)), file('b.csv', 'y'.repeat(600))];
		// Each file fits alone (quota 1,100 bytes less the 5 % margin), both together do not.
		await expect(storeFiles(datastore, 'raw', files, (bytes) => ensureRoom(bytes, async () => ({ usage: 0, quota: 1100 })))).rejects.toThrow('Nothing was written');
		expect(await listZones(datastore)).toEqual({ raw: [], curated: [], logs: [] });
	});
});

describe('the sample generator', () => {
	it('writes raw/accounts_<date>.csv with the asked number of accounts, and refuses a bad count before writing', async () => {
		const datastore = await freshDatastore();
		const name = await generateSampleFile(datastore, 25, 3, new Date(2026, 10, 30, 12));
		expect(name).toBe('accounts_2026-11-30.csv');
		const lines = (await datastore.readText('raw', name)).trim().split('\n');
		expect(lines).toHaveLength(26);
		await expect(generateSampleFile(datastore, 0, 3, new Date(2026, 11, 1, 12))).rejects.toThrow('Rows must be a whole number from 1');
		expect((await datastore.list('raw')).map((f) => f.name)).toEqual(['accounts_2026-11-30.csv']);
	});
});

describe('previewing, downloading and deleting a file', () => {
	it('previews the first rows of a CSV and says whether it goes on', async () => {
		const datastore = await freshDatastore();
		await datastore.writeText('curated', 'p.csv', 'id,score\n1,0.2\n2,0.9\n3,0.5\n');
		expect(await previewFile(datastore, 'curated', 'p.csv', 2)).toEqual({ zone: 'curated', name: 'p.csv', header: ['id', 'score'], rows: [['1', '0.2'], ['2', '0.9']], more: true });
		expect(await previewFile(datastore, 'curated', 'p.csv', 3)).toMatchObject({ more: false });
		expect(await (await fileBlob(datastore, 'curated', 'p.csv')).text()).toBe('id,score\n1,0.2\n2,0.9\n3,0.5\n');
	});

	it('names a file it cannot show as a table instead of failing', async () => {
		const datastore = await freshDatastore();
		await datastore.writeText('logs', 'notes.txt', 'hello');
		expect(await previewFile(datastore, 'logs', 'notes.txt')).toMatchObject({ problem: 'notes.txt is not a CSV file, so it cannot be shown as a table. Download it to open it.' });
		expect(await previewFile(datastore, 'logs', 'gone.csv')).toMatchObject({ problem: expect.stringMatching(/^logs\/gone\.csv cannot be previewed: .*does not exist/) });
	});

	it('deletes one file and leaves the others', async () => {
		const datastore = await freshDatastore();
		await datastore.writeText('raw', 'a.csv', 'a\n');
		await datastore.writeText('raw', 'b.csv', 'b\n');
		await deleteDatastoreFile(datastore, 'raw', 'a.csv');
		expect((await listZones(datastore)).raw.map((f) => f.name)).toEqual(['b.csv']);
	});
});
