import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportBackupFile } from '../../../src/lib/app/export-backup';
import { mergeBackup } from '../../../src/lib/app/merge-backup';
import { previewMerge } from '../../../src/lib/app/preview-merge';
import { replaceWithBackup } from '../../../src/lib/app/restore-backup';
import { readBackupFile } from '../../../src/lib/backup/backup-file';
import { BackupError } from '../../../src/lib/backup/backup-format';
import { FROM_DEVICE_TAG } from '../../../src/lib/backup/merge-lab';
import { storeCounts } from '../../../src/lib/db/backup-store';
import { storedDeviceId } from '../../../src/lib/db/device-store';
import { writeMerge } from '../../../src/lib/db/merge-store';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { saveReview } from '../../../src/lib/db/review-store';
import { openPrepLabDb, type PrepLabDb } from '../../../src/lib/db/schema';
import { loadStudySettings, saveStudySettings } from '../../../src/lib/db/settings-store';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { gradeCard, newCardState, Rating, type Grade } from '../../../src/lib/study/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/study/study-settings';

let n = 0;
const t0 = new Date('2026-11-25T09:00:00Z').getTime();
const at = (hours: number) => new Date(t0 + hours * 3_600_000);

async function review(db: PrepLabDb, cardId: string, grade: Grade, when: Date) {
	const before = (await db.get('cardStates', cardId)) ?? newCardState(cardId, when);
	const { next, log } = gradeCard(before, grade, when, 1000);
	await saveReview(db, next, log);
}

/** A device's backup file, read back as the other device would read it. */
async function backupOf(db: PrepLabDb, seed: number, when = at(100)) {
	const file = await exportBackupFile(db, when, [], undefined, seededRandom(seed));
	return readBackupFile(file.blob);
}

const schedules = async (db: PrepLabDb) => (await db.getAll('cardStates')).map((s) => ({ cardId: s.cardId, due: s.due, fsrs: s.fsrs }));
const reviewTimes = async (db: PrepLabDb) => (await db.getAll('reviewLogs')).map((l) => `${l.cardId}@${l.reviewedAt.toISOString()}`).sort();

/** Phone: reviewed a and (first) c; laptop: reviewed b and (later) c. */
async function twoDevices() {
	const phone = await openPrepLabDb({}, `merge-phone-${n++}`);
	const laptop = await openPrepLabDb({}, `merge-laptop-${n++}`);
	await review(phone, 'dp100/a', Rating.Good, at(0));
	await review(phone, 'dp100/c', Rating.Again, at(1));
	await review(laptop, 'dp100/b', Rating.Easy, at(2));
	await review(laptop, 'dp100/c', Rating.Good, at(30));
	return { phone, laptop };
}

describe('merging a backup', () => {
	it('previews what would be added and changes nothing until confirmed', async () => {
		const { phone, laptop } = await twoDevices();
		const before = await storeCounts(phone);
		const preview = await previewMerge(phone, await backupOf(laptop, 2), 'laptop.json', at(100));
		expect(preview.localEmpty).toBe(false);
		expect(preview.added).toMatchObject({ reviews: 2, versions: 0 });
		expect(preview.cardsChanged).toBe(2); // b is new here, c gets the laptop's later review
		expect(preview.fromDevice).toMatch(/^[a-z0-9]{8}$/);
		expect(preview.replace.find((r) => r.store === 'reviewLogs')).toEqual({ store: 'reviewLogs', now: 2, backup: 2, lost: 2 });
		expect(await storeCounts(phone)).toEqual(before);
	});

	it('two devices exchanging backups in either order end with the same reviews and schedules; merging again changes nothing', async () => {
		const { phone, laptop } = await twoDevices();
		const phoneFile = await backupOf(phone, 1);
		await mergeBackup(laptop, phoneFile, [], at(100));
		await mergeBackup(phone, await backupOf(laptop, 2), [], at(101));
		expect(await reviewTimes(phone)).toHaveLength(4);
		expect(await reviewTimes(phone)).toEqual(await reviewTimes(laptop));
		expect(await schedules(phone)).toEqual(await schedules(laptop));
		// c was reviewed on both: its schedule is the one both reviews imply, in time order.
		const single = await openPrepLabDb({}, `merge-single-${n++}`);
		await review(single, 'dp100/c', Rating.Again, at(1));
		await review(single, 'dp100/c', Rating.Good, at(30));
		expect((await phone.get('cardStates', 'dp100/c'))!.fsrs).toEqual((await single.get('cardStates', 'dp100/c'))!.fsrs);

		const counts = await storeCounts(phone);
		const again = await mergeBackup(phone, phoneFile, [], at(102));
		expect(again.message).toBe('Nothing to merge: this device already has everything in the backup.');
		expect(await storeCounts(phone)).toEqual(counts);
	});

	it('keeps this device\'s settings unless a difference is taken, and never its device id', async () => {
		const { phone, laptop } = await twoDevices();
		await saveStudySettings(phone, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 12 });
		await saveStudySettings(laptop, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 30, examDate: '2027-02-01' });
		await backupOf(phone, 1);
		const phoneId = await storedDeviceId(phone);
		const laptopFile = await backupOf(laptop, 2);
		const preview = await previewMerge(phone, laptopFile, 'laptop.json', at(100));
		expect(preview.differences.map((d) => [d.what, d.here, d.backup])).toEqual([
			['New cards per day', '12', '30'],
			['Exam date', 'not set', '2027-02-01']
		]);
		await mergeBackup(phone, laptopFile, [preview.differences[1]!.id], at(100));
		expect(await loadStudySettings(phone)).toEqual({ ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 12, examDate: '2027-02-01' });
		expect(await storedDeviceId(phone)).toBe(phoneId);
		// Replace takes the backup's settings, but this device stays itself.
		await replaceWithBackup(phone, laptopFile);
		expect((await loadStudySettings(phone)).newCardsPerDay).toBe(30);
		expect(await storedDeviceId(phone)).toBe(phoneId);
	});

	it('adds a model version whose number is taken here as a new version tagged with the other device', async () => {
		const { phone, laptop } = await twoDevices();
		const train = (seed: number) => trainModel(generateDelinquencyTable(300, seed), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
		const one = train(1);
		await idbRegistry(phone).register(one.draft, { description: 'phone' }, one.test);
		const two = train(2);
		await idbRegistry(laptop).register(two.draft, { description: 'laptop' }, two.test);
		const laptopFile = await backupOf(laptop, 2);
		const preview = await previewMerge(phone, laptopFile, 'laptop.json', at(100));
		expect(preview.renumbered).toEqual([{ name: 'delinquency', from: 1, to: 2 }]);
		await mergeBackup(phone, laptopFile, [], at(100));
		const versions = await idbRegistry(phone).list('delinquency');
		expect(versions.map((v) => [v.version, v.description, v.tags[FROM_DEVICE_TAG]]).sort()).toEqual([
			[1, 'phone', undefined],
			[2, 'laptop', laptopFile.deviceId]
		]);
		expect((await previewMerge(phone, laptopFile, 'laptop.json', at(101))).added.versions).toBe(0);
	});

	it('reads a backup made before device ids (format 2 without one) and merges it', async () => {
		const { phone, laptop } = await twoDevices();
		const { deviceId: _id, ...old } = await backupOf(laptop, 2);
		const preview = await previewMerge(phone, old, 'old.json', at(100));
		expect(preview.fromDevice).toBe('unknown');
		expect((await mergeBackup(phone, old, [], at(100))).reviews).toBe(2);
	});

	it('writes all or nothing: one bad record leaves every store as it was', async () => {
		const { phone } = await twoDevices();
		const before = await storeCounts(phone);
		const log = { cardId: 'dp100/z', grade: 3, reviewedAt: at(50), elapsedMs: 1, stateBefore: 0, stateAfter: 1, scheduledDays: 0 };
		await expect(writeMerge(phone, { reviewLogs: [log], mistakes: [{ front: 'no item id' }] })).rejects.toThrow();
		expect(await storeCounts(phone)).toEqual(before);
		// Replace too: its clears are dropped with the refused record.
		const backup = await backupOf(phone, 1);
		const withId = await storeCounts(phone);
		await expect(replaceWithBackup(phone, { ...backup, stores: { ...backup.stores, mistakes: [{ front: 'no item id' }] } })).rejects.toThrow();
		expect(await storeCounts(phone)).toEqual(withId);
		expect(withId.reviewLogs).toBe(2);
	});

	it('a corrupt file is refused with what is wrong and where, before anything is read into the database', async () => {
		const bad = new Blob([JSON.stringify({ format: 'prep-lab-backup', version: 2, exportedAt: { $date: '2026-11-25T00:00:00Z' }, deviceId: 'a b', stores: {} })]);
		await expect(readBackupFile(bad)).rejects.toThrow(BackupError);
		await expect(readBackupFile(bad)).rejects.toThrow('device id ("deviceId")');
	});
});
