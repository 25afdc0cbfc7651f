// Every broken, foreign or tampered backup in the corpus, taken through the restore path the
// settings page uses (read the file, check it, restore): each is refused with its reason and every
// store of a filled database is exactly as it was.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupToBlob, readBackupFile } from '../../../src/lib/backup/backup-file';
import { BACKUP_STORES, BackupError } from '../../../src/lib/backup/backup-format';
import { readableVersions } from '../../../src/lib/app/model-versions';
import { exportBackup, restoreBackup, storeCounts } from '../../../src/lib/db/backup-store';
import { listEndpoints } from '../../../src/lib/db/endpoint-store';
import { formatDateTime, formatMetric } from '../../../src/lib/format';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { saveReview } from '../../../src/lib/db/review-store';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { gradeCard, newCardState, Rating } from '../../../src/lib/study/scheduler';
import { badBlob, rejection } from './corpus';

const t0 = new Date('2026-11-25T09:00:00Z');
let db: PrepLabDb;
let n = 0;

/** Everything in every store, files as their bytes: equal snapshots mean nothing changed. */
const snapshot = async (target: PrepLabDb) => (await backupToBlob(await exportBackup(target, t0))).text();

beforeAll(async () => {
	db = await openPrepLabDb({}, `hostile-backup-${n++}`);
	const r = gradeCard(newCardState('dp100/a', t0), Rating.Good, t0, 1200);
	await saveReview(db, r.next, r.log);
	const { draft, test } = trainModel(generateDelinquencyTable(300, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
	await idbRegistry(db).register(draft, {}, test);
	await idbRegistry(db).setAlias('delinquency', 'champion', 1);
	await idbDatastore(db).writeText('raw', 'a.csv', 'x,y\n1,0\n');
});

const restoreFile = async (target: PrepLabDb, file: string) => restoreBackup(target, await readBackupFile(badBlob(file)));

describe('backups that are refused, changing nothing', () => {
	const refused: [file: string, message: string | RegExp][] = [
		['backup-empty.json', 'The file is empty.'],
		['backup-truncated.json', /^The file is not valid JSON \(.+\)\. It may be truncated or not a backup\.$/],
		['backup-wrong-version.json', 'This backup was made by a newer Prep Lab (format 9); this version reads format 2. Update the app first.'],
		['backup-version-not-number.json', 'The backup has no valid version number.'],
		['backup-foreign.json', 'This file is not a Prep Lab backup.'],
		['backup-json-array.json', 'This file is not a Prep Lab backup.'],
		['backup-binary-renamed.json', 'The file is not UTF-8 text, so it is not a Prep Lab backup (is it an image, an archive or a spreadsheet?).'],
		['backup-tampered-ids.json', 'Review history (reviewLogs), record 3: the id "1" appears twice.'],
		['backup-missing-reference.json', 'Model aliases (aliases): "champion" points to delinquency:3, which is not in the backup.'],
		['backup-heldout-orphan.json', 'Model evaluation data (heldOut): delinquency:2 is not in the backup.'],
		['backup-heldout-length-mismatch.json', 'Model evaluation data (heldOut): delinquency:1 has 3 labels but 2 scores.'],
		['backup-model-weights-mismatch.json', 'Registered models (models), model delinquency:1: its weights do not match its preprocessing.'],
		['backup-bad-date.json', 'Review history (reviewLogs), record 2: "reviewedAt" is missing or has the wrong type.'],
		['backup-tagged-bad-date.json', 'Mistakes deck (mistakes), record 1: "addedAt" is missing or has the wrong type.'],
		['backup-no-export-date.json', 'The backup has no valid export date.'],
		['backup-no-stores.json', 'The backup has no data section ("stores").'],
		['backup-store-not-list.json', '"cardStates" in the backup is not a list.'],
		['backup-record-not-object.json', 'Mistakes deck (mistakes), record 1 is not an object.'],
		['backup-path-escape.json', 'Datastore files (files), record 1: "name" is not a plain file name (letters, digits, ".", "_" and "-", no folders).'],
		['backup-bad-zone.json', 'Datastore files (files), record 1: "zone" must be one of raw, curated, logs.'],
		['backup-metrics-text.json', 'Registered models (models), record 1: "metrics" has "rocAuc" that is not a number.'],
		['backup-bad-base64.json', 'Datastore files (files), record 1: has no readable contents ("base64" or "text").']
	];
	it.each(refused)('%s', async (file, message) => {
		const before = await snapshot(db);
		const counts = await storeCounts(db);
		const e = await rejection(restoreFile(db, file));
		expect(e).toBeInstanceOf(BackupError);
		if (typeof message === 'string') expect(e.message).toBe(message);
		else expect(e.message).toMatch(message);
		expect(await storeCounts(db)).toEqual(counts);
		expect(await snapshot(db)).toBe(before);
	});
});

describe('backups that are awkward but valid', () => {
	const emptyExcept = (store: string, count: number) => Object.fromEntries(BACKUP_STORES.map((s) => [s, s === store ? count : 0]));

	it('backup-bom.json (saved by an editor with a byte-order mark) restores', async () => {
		const target = await openPrepLabDb({}, `hostile-backup-${n++}`);
		await restoreFile(target, 'backup-bom.json');
		expect(await storeCounts(target)).toEqual(emptyExcept('mistakes', 1));
		expect(await target.get('mistakes', 'exam/q1')).toEqual({ itemId: 'exam/q1', front: 'Which metric?', back: 'ROC AUC', addedAt: new Date('2026-11-24T10:00:00.000Z') });
	});

	it('backup-unknown-store.json restores the known stores and drops the unknown one', async () => {
		const target = await openPrepLabDb({}, `hostile-backup-${n++}`);
		await restoreFile(target, 'backup-unknown-store.json');
		expect(await storeCounts(target)).toEqual(emptyExcept('mistakes', 1));
		expect(target.objectStoreNames.contains('passwords' as never)).toBe(false);
	});

	it('backup-format1-text-files.json (made before format 2) still restores, its text file as UTF-8 bytes', async () => {
		const target = await openPrepLabDb({}, `hostile-backup-${n++}`);
		await restoreFile(target, 'backup-format1-text-files.json');
		expect(await storeCounts(target)).toEqual({ ...emptyExcept('files', 1), settings: 1 });
		const blob = (await target.get('files', ['raw', 'cities.csv']))!.blob;
		expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new TextEncoder().encode('city,n\nmünchen,1\n'));
	});

	it('backup-tag-lookalike.json: user text that looks like a type tag comes back as the same text', async () => {
		const target = await openPrepLabDb({}, `hostile-backup-${n++}`);
		await restoreFile(target, 'backup-tag-lookalike.json');
		expect((await target.get('settings', 'notes'))!.value).toEqual({ $date: '2026-01-01', $u8: [1, 2] });
		const mistake = (await target.get('mistakes', 'exam/q1'))!;
		expect([mistake.note, mistake.front]).toEqual(['$date=2026-01-01', '{"$date":"2026-01-01"}']);
	});

	it('backup-metrics-missing.json: versions without metrics and an endpoint without dates restore, and the pages list them', async () => {
		const target = await openPrepLabDb({}, `hostile-backup-${n++}`);
		await restoreFile(target, 'backup-metrics-missing.json');
		const { versions, broken } = await readableVersions(idbRegistry(target), "delinquency");
		expect(versions.map((v) => [v.version, formatMetric(v.metrics.rocAuc)])).toEqual([
			[2, '—'],
			[1, '—']
		]);
		expect(broken).toEqual([]);
		const endpoints = await listEndpoints(target);
		expect(endpoints.map((e) => [e.name, formatDateTime(e.createdAt)])).toEqual([['credit-risk', '—']]);
	});
});
