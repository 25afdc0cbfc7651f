import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listModelVersions, registerModel } from '../../../src/lib/db/model-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { trainDelinquencyModel } from '../../../src/lib/ml/train-delinquency';

const draft = trainDelinquencyModel({ seed: 1, rows: 400, C: 1, testFraction: 0.2 }).draft;
let n = 0;
const freshDb = () => openPrepLabDb({}, `models-test-${n++}`);

describe('model registry store', () => {
	it('numbers versions 1, 2, 3 per model name and lists newest first', async () => {
		const db = await freshDb();
		const v1 = await registerModel(db, draft);
		const v2 = await registerModel(db, { ...draft, params: { ...draft.params, C: 0.1 } });
		const other = await registerModel(db, { ...draft, name: 'other' });
		expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
		const listed = await listModelVersions(db, 'delinquency');
		expect(listed.map((m) => m.version)).toEqual([2, 1]);
		expect(listed[0]!.params.C).toBe(0.1);
		expect(listed[1]!.weights).toEqual(draft.weights);
	});

	it('gives distinct versions to registrations made at the same moment from two connections', async () => {
		const name = `models-race-${n++}`;
		const [a, b] = await Promise.all([openPrepLabDb({}, name), openPrepLabDb({}, name)]);
		const results = await Promise.all([
			registerModel(a, draft),
			registerModel(b, draft),
			registerModel(a, draft),
			registerModel(b, draft)
		]);
		expect(results.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
		expect((await listModelVersions(a, 'delinquency')).length).toBe(4);
	});

	it('keeps data when the database is reopened', async () => {
		const name = `models-reopen-${n++}`;
		const db = await openPrepLabDb({}, name);
		await registerModel(db, draft);
		db.close();
		const again = await openPrepLabDb({}, name);
		expect((await listModelVersions(again, 'delinquency')).map((m) => m.version)).toEqual([1]);
	});
});
