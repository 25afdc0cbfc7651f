// Property-style: random valid records written through every store (seeded, so a failure can be
// replayed), exported, restored into an empty database and compared record by record and byte by
// byte, including binary datastore files holding every byte value and user text that looks like
// the backup's own type tags.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { backupToBlob, readBackupFile } from '../../../src/lib/backup/backup-file';
import { BACKUP_STORES } from '../../../src/lib/backup/backup-format';
import { DEVICE_SETTINGS } from '../../../src/lib/backup/merge-choices';
import { exportBackup, restoreBackup } from '../../../src/lib/db/backup-store';
import { saveDatasetSchema } from '../../../src/lib/db/dataset-store';
import { addEndpoint } from '../../../src/lib/db/endpoint-store';
import { saveExamAttempt } from '../../../src/lib/db/exam-store';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { saveInterviewAttempt } from '../../../src/lib/db/interview-store';
import { saveReview } from '../../../src/lib/db/review-store';
import { logRun } from '../../../src/lib/db/run-store';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { readServingVersion } from '../../../src/lib/db/serving-version';
import { addDeployment, createEndpoint } from '../../../src/lib/lab/online-endpoint';
import { ZONES } from '../../../src/lib/lab/storage';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom, type Random } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { gradeCard, newCardState, type Grade } from '../../../src/lib/study/scheduler';

const { draft, test: heldOut } = trainModel(generateDelinquencyTable(300, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
let n = 0;

/** Text a learner might type, including what looks like the backup's tags and escapes. */
const TRICKY = ['$date', '$date=2026-01-01', '$u8', '$$date', '$f64', '__proto__', 'constructor', 'ü münchen', '😀', '"quoted"', '\\', '\n', ''];
const pick = <T>(r: Random, items: readonly T[]) => items[Math.floor(r() * items.length)]!;
const text = (r: Random) => `${pick(r, TRICKY)}${Math.floor(r() * 1000)}${pick(r, TRICKY)}`;
const int = (r: Random, max: number) => Math.floor(r() * max);

/** Random bytes that always include every value 0..255, shuffled, then a random tail. */
function bytes(r: Random): Uint8Array {
	const out = new Uint8Array(256 + int(r, 3000));
	for (let i = 0; i < out.length; i++) out[i] = i < 256 ? i : int(r, 256);
	for (let i = 255; i > 0; i--) {
		const j = int(r, i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

async function randomDb(seed: number): Promise<PrepLabDb> {
	const r = seededRandom(seed);
	const db = await openPrepLabDb({}, `roundtrip-${n++}`);
	const t = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * 864e5 + int(r, 864e5));
	await db.put('settings', { key: 'study', value: { retention: 0.9, examDate: '2027-01-15', [text(r)]: text(r), nested: { $date: '2026-01-01' } } });
	for (let i = 0; i < 5; i++) {
		const { next, log } = gradeCard(newCardState(`deck/${text(r)}`, t(i)), (1 + int(r, 4)) as Grade, t(i + 1), int(r, 60000));
		await saveReview(db, next, log);
	}
	const parts = { context: [0], architecture: [], tradeoffs: [1], execution: [], risks: [0] };
	await saveInterviewAttempt(db, { questionId: text(r), startedAt: t(3), durationMs: int(r, 1e6), answer: text(r), ticked: parts, partScores: { context: r(), architecture: 0, tradeoffs: r(), execution: 0, risks: 1 }, grade: (1 + int(r, 4)) as Grade }, t(4));
	const itemIds = [text(r), text(r)];
	await saveExamAttempt(
		db,
		{ mode: 'full', startedAt: t(5), finishedAt: t(6), itemIds, correct: { [itemIds[0]!]: true, [itemIds[1]!]: false }, score: int(r, 1000), byDomain: { [text(r)]: { correct: 1, total: 2 } } },
		[{ itemId: itemIds[1]!, domain: text(r), note: text(r), front: text(r), back: text(r), addedAt: t(6) }]
	);
	const registry = idbRegistry(db);
	for (let v = 0; v < 3; v++) await registry.register(draft, { description: text(r), tags: { $date: '2026-01-01', [text(r)]: text(r) } }, heldOut);
	await registry.setAlias('delinquency', 'champion', 1 + int(r, 3));
	await saveDatasetSchema(db, text(r).replace(/[^a-z0-9]/gi, 'x') || 'file', [{ name: text(r), role: 'numeric' }] as never, t(7));
	const datastore = idbDatastore(db, () => t(8), async () => ({}));
	for (let f = 0; f < 3; f++) await datastore.writeBlob(pick(r, ZONES), `file-${seed}-${f}.${pick(r, ['png', 'csv', 'bin'])}`, new Blob([bytes(r) as Uint8Array<ArrayBuffer>], { type: pick(r, ['image/png', 'text/csv', '']) }));
	await datastore.writeBlob('raw', 'latin1.csv', new Blob([Uint8Array.from([0x6d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e, 0x0a])]));
	await logRun(db, { experiment: text(r), startedAt: t(9), durationMs: int(r, 1e5), status: 'finished', params: { C: r(), solver: 'newton', $date: '2026-01-01' }, metrics: { rocAuc: r(), prAuc: null as never }, tags: { [text(r)]: text(r) }, history: { loss: [{ step: 0, value: r() }] } });
	await addEndpoint(db, addDeployment(createEndpoint(`ep-${seed}`, r, t(10)), { name: 'blue', modelName: 'delinquency', modelVersion: 1 }, t(10)));
	return db;
}

/** Every record a backup carries: a device's own settings (its serving version…) stay on the device. */
async function everything(db: PrepLabDb) {
	const out: Record<string, unknown[]> = {};
	for (const store of BACKUP_STORES) out[store] = await db.getAll(store);
	out.settings = (out.settings as { key: string }[]).filter((r) => !DEVICE_SETTINGS.includes(r.key));
	const files = out.files as { zone: string; name: string; blob: Blob; size: number; modifiedAt: string }[];
	out.files = await Promise.all(files.map(async ({ blob, ...rest }) => ({ ...rest, type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) })));
	return out;
}

describe('backup round trip (property-style, seeded)', () => {
	it.each([1, 2, 3, 4, 5])('seed %i: every store comes back exactly, files byte for byte', async (seed) => {
		const source = await randomDb(seed);
		const file = await backupToBlob(await exportBackup(source, new Date('2026-11-25T09:00:00Z')));
		const target = await openPrepLabDb({}, `roundtrip-${n++}`);
		await restoreBackup(target, await readBackupFile(file));
		const [before, after] = [await everything(source), await everything(target)];
		for (const store of BACKUP_STORES) expect(after[store], store).toEqual(before[store]);
		// The restore is a change to what endpoints answer on this device: its serving version is new.
		expect(await readServingVersion(target)).toMatch(/^[0-9a-f-]{36}$/);
		expect(await readServingVersion(target)).not.toBe(await readServingVersion(source));
		// The tag a learner typed stays text (not a Date), and the second export is the same file.
		const models = after.models as { tags: Record<string, unknown> }[];
		expect(models[0]!.tags.$date).toBe('2026-01-01');
		const again = await backupToBlob(await exportBackup(target, new Date('2026-11-25T09:00:00Z')));
		expect(new Uint8Array(await again.arrayBuffer())).toEqual(new Uint8Array(await file.arrayBuffer()));
	});
});
