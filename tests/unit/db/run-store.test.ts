import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteRun, listRuns, logRun, setRunModelVersion } from '../../../src/lib/db/run-store';
import { openPrepLabDb, type StoredRun } from '../../../src/lib/db/schema';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `run-store-${++dbCount}`);
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 9, minutes));
const run = (startedAt: Date, C: number): Omit<StoredRun, 'id'> => ({
	experiment: 'train',
	startedAt,
	durationMs: 1200,
	status: 'finished',
	params: { solver: 'newton', C },
	metrics: { rocAuc: 0.8 },
	history: { loss: [{ step: 0, value: 0.69 }, { step: 1, value: 0.4 }] },
	tags: { source: 'synthetic' }
});

describe('run store', () => {
	it('logs runs with new ids and lists them newest first, history and dates intact', async () => {
		const db = await freshDb();
		const first = await logRun(db, run(at(0), 1));
		const third = await logRun(db, run(at(20), 0.01));
		const second = await logRun(db, run(at(10), 0.1));
		expect(new Set([first, second, third]).size).toBe(3);
		const runs = await listRuns(db);
		expect(runs.map((r) => r.id)).toEqual([third, second, first]);
		expect(runs[0]!.startedAt).toEqual(at(20));
		expect(runs[2]!.history?.['loss']).toHaveLength(2);
	});

	it('records the registered version of a run and refuses an unknown run', async () => {
		const db = await freshDb();
		const id = await logRun(db, run(at(0), 1));
		await setRunModelVersion(db, id, 3);
		expect((await listRuns(db))[0]).toMatchObject({ id, modelVersion: 3, params: { C: 1 } });
		await expect(setRunModelVersion(db, 999, 1)).rejects.toThrow(/999/);
	});

	it('deletes one run and keeps the others', async () => {
		const db = await freshDb();
		const a = await logRun(db, run(at(0), 1));
		const b = await logRun(db, run(at(1), 2));
		await deleteRun(db, a);
		expect((await listRuns(db)).map((r) => r.id)).toEqual([b]);
	});
});
