import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportBackupFile, planBackupExport } from '../../../src/lib/app/export-backup';
import { backupToBlob, readBackupFile } from '../../../src/lib/backup/backup-file';
import { BackupError, parseBackup } from '../../../src/lib/backup/backup-format';
import { fromTaggedJson, toTaggedJson } from '../../../src/lib/backup/tagged-json';
import { exportBackup, restoreBackup, storeCounts } from '../../../src/lib/db/backup-store';
import { idbDatastore } from '../../../src/lib/db/idb-datastore';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { saveReview } from '../../../src/lib/db/review-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { saveStudySettings } from '../../../src/lib/db/settings-store';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { loadExamHistory } from '../../../src/lib/app/exam-history';
import { finishExam } from '../../../src/lib/app/finish-exam';
import { findUnfinishedExam } from '../../../src/lib/app/resume-exam';
import { saveExamProgress } from '../../../src/lib/app/save-exam-progress';
import { toAnkiTsv } from '../../../src/lib/study/anki-export';
import type { Responses } from '../../../src/lib/study/exam-engine';
import { caseStudy, right, single, wrong } from '../app/exam-items';
import { gradeCard, newCardState, Rating } from '../../../src/lib/study/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/study/study-settings';

const t0 = new Date('2026-11-25T09:00:00Z');
let n = 0;

const examItems = [single('a1', 'a'), single('a2', 'a'), single('b1', 'b'), caseStudy('c1', 'b', ['c1-1', 'c1-2'])];
const examSession = (responses: Responses) => ({
	mode: 'full' as const,
	domain: null,
	seed: 7,
	itemIds: examItems.map((i) => i.id),
	responses,
	marked: [],
	checked: [],
	position: 0,
	startedAt: t0,
	minutes: null,
	strict: false,
	usedMs: 0
});

async function filledDb() {
	const db = await openPrepLabDb({}, `backup-${n++}`);
	const r = gradeCard(newCardState('dp100/a', t0), Rating.Good, t0, 1200);
	await saveReview(db, r.next, r.log);
	await saveStudySettings(db, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 7, examDate: '2027-01-15', track: 'dp100' });
	const { draft, test } = trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
	const registry = idbRegistry(db);
	await registry.register(draft, { description: 'first' }, test);
	await registry.setAlias('delinquency', 'champion', 1);
	await idbDatastore(db).writeText('raw', 'a.csv', 'x,y\n1,0\n');
	return db;
}

describe('tagged JSON', () => {
	it('round-trips dates and typed arrays', () => {
		const value = { when: t0, y: Uint8Array.from([1, 0]), p: Float64Array.from([0.25, 0.5]), nested: [{ d: t0 }] };
		expect(fromTaggedJson(toTaggedJson(value))).toEqual(value);
	});

	it('cannot be spoofed by user data shaped like a tag: keys starting with "$" come back as they were', () => {
		const value = { tags: { $date: '2026-01-01' }, other: { $u8: [1, 2], $$x: 'y', $f64: [0.5] }, note: '{"$date":"2026-01-01"}' };
		expect(toTaggedJson(value)).toContain('"$$date":"2026-01-01"');
		expect(fromTaggedJson(toTaggedJson(value))).toEqual(value);
	});

	it('reads a format-1 file as before (no escapes then)', () => {
		expect(fromTaggedJson('{"a":{"$date":"2026-01-01T00:00:00.000Z"},"b":{"$$k":1}}', false)).toEqual({ a: new Date('2026-01-01T00:00:00.000Z'), b: { $$k: 1 } });
	});
});

describe('backup export size', () => {
	/** A database holding datastore files of these sizes (bytes), named big-<size>.bin. */
	async function withFiles(sizes: number[]) {
		const db = await openPrepLabDb({}, `backup-${n++}`);
		const datastore = idbDatastore(db, () => t0, async () => ({}));
		for (const size of sizes) await datastore.writeBlob('raw', `big-${size}.bin`, new Blob([new Uint8Array(size)]));
		return db;
	}

	it('plans to leave out the fewest largest files so the file fits what restore accepts, and exports without them', async () => {
		const db = await withFiles([3000, 30_000, 60_000, 5000]);
		// 100 KB limit: the files take about 131 KB as base64; leaving out the 60 KB one is enough.
		const plan = await planBackupExport(db, 100_000);
		expect(plan.leaveOut).toEqual([{ path: 'raw/big-60000.bin', size: 60_000 }]);
		expect(plan.estimatedBytes).toBeGreaterThan(100_000);
		const file = await exportBackupFile(db, t0, plan.leaveOut.map((f) => f.path), 100_000);
		expect(file.blob.size).toBeLessThanOrEqual(100_000);
		expect(file.leftOut).toEqual(['raw/big-60000.bin']);
		const restored = await readBackupFile(file.blob);
		expect(restored.stores.files.map((f) => f.name)).toEqual(['big-3000.bin', 'big-30000.bin', 'big-5000.bin']);
		expect((await planBackupExport(await withFiles([1000]), 100_000)).leaveOut).toEqual([]);
	});

	it('never makes a file larger than restore accepts: it refuses with the sizes instead', async () => {
		const db = await withFiles([90_000]);
		await expect(exportBackupFile(db, t0, [], 100_000)).rejects.toThrow(/^This backup would be 0 MB, more than restore accepts \(0 MB\)\. Leave large datastore files out of it\.$/);
	});
});

describe('backup', () => {
	it('exports every store and restores it exactly into an empty database', async () => {
		const source = await filledDb();
		const text = await (await backupToBlob(await exportBackup(source, t0))).text();
		const target = await openPrepLabDb({}, `backup-${n++}`);
		await restoreBackup(target, parseBackup(text));
		expect(await storeCounts(target)).toEqual(await storeCounts(source));
		expect(await target.getAll('cardStates')).toEqual(await source.getAll('cardStates'));
		expect(await target.getAll('reviewLogs')).toEqual(await source.getAll('reviewLogs'));
		expect(await idbRegistry(target).aliases('delinquency')).toEqual({ champion: 1 });
		expect(await idbRegistry(target).heldOut('delinquency', 1)).toEqual(await idbRegistry(source).heldOut('delinquency', 1));
		expect(await idbDatastore(target).readText('raw', 'a.csv')).toBe('x,y\n1,0\n');
		expect((await target.get('settings', 'study'))?.value).toMatchObject({ newCardsPerDay: 7, examDate: '2027-01-15', track: 'dp100' });
	});

	it('refuses foreign, newer, truncated and tampered files with a message, changing nothing', async () => {
		const db = await filledDb();
		const good = JSON.parse(await (await backupToBlob(await exportBackup(db, t0))).text());
		const before = await storeCounts(db);
		const refused = (text: string) => {
			try {
				parseBackup(text);
				return 'accepted';
			} catch (e) {
				expect(e).toBeInstanceOf(BackupError);
				return (e as Error).message;
			}
		};
		expect(refused('{"hello": 1}')).toBe('This file is not a Prep Lab backup.');
		expect(refused(JSON.stringify({ ...good, version: 9 }))).toMatch(/made by a newer Prep Lab \(format 9\)/);
		expect(refused(JSON.stringify(good).slice(0, 200))).toMatch(/^The file is not valid JSON/);
		const badDate = structuredClone(good);
		badDate.stores.reviewLogs[0].reviewedAt = 'yesterday';
		expect(refused(JSON.stringify(badDate))).toBe('Review history (reviewLogs), record 1: "reviewedAt" is missing or has the wrong type.');
		const dangling = structuredClone(good);
		dangling.stores.aliases[0].version = 5;
		expect(refused(JSON.stringify(dangling))).toBe('Model aliases (aliases): "champion" points to delinquency:5, which is not in the backup.');
		const duplicate = structuredClone(good);
		duplicate.stores.cardStates.push(duplicate.stores.cardStates[0]);
		expect(refused(JSON.stringify(duplicate))).toMatch(/record 2: the id "dp100\/a" appears twice/);
		const escape = structuredClone(good);
		escape.stores.files[0].name = '../../etc.csv';
		expect(refused(JSON.stringify(escape))).toMatch(/Datastore files \(files\), record 1: "name"/);
		expect(await storeCounts(db)).toEqual(before);
	});

	it('a restore that fails part-way leaves every store as it was', async () => {
		const db = await filledDb();
		const before = await storeCounts(db);
		const backup = parseBackup(await (await backupToBlob(await exportBackup(db, t0))).text());
		// A record IndexedDB cannot store (no key) makes the transaction fail after the clears.
		(backup.stores.mistakes as unknown[]).push({ front: 'x' });
		await expect(restoreBackup(db, backup)).rejects.toThrow();
		expect(await storeCounts(db)).toEqual(before);
	});
	it('keeps the answers of practice-exam attempts and leaves no exam in progress pointing at replaced data', async () => {
		const source = await filledDb();
		const s = { ...examSession({ a1: right, 'c1-1': wrong }), savedAt: t0 };
		await finishExam(source, s, examItems, 'stopped', t0);
		const old = { mode: 'full', startedAt: t0, finishedAt: t0, itemIds: ['a1'], correct: { a1: false }, score: 0, byDomain: { a: { correct: 0, total: 1 } } };
		await source.add('examAttempts', old as never); // as saved before answers were recorded
		const text = await (await backupToBlob(await exportBackup(source, t0))).text();

		const target = await openPrepLabDb({}, `backup-${n++}`);
		await saveExamProgress(target, examSession({ a1: wrong }), t0);
		await restoreBackup(target, parseBackup(text));
		expect(await target.getAll('examAttempts')).toEqual(await source.getAll('examAttempts'));
		const [partial] = (await loadExamHistory(target)).attempts.filter((a) => a.status === 'partial');
		expect(partial).toMatchObject({ responses: { a1: right, 'c1-1': wrong }, seed: 7, unanswered: ['a2', 'b1', 'c1-2'], examItemIds: ['a1', 'a2', 'b1', 'c1'] });
		expect((await loadExamHistory(target)).skipped).toEqual([]);
		expect(await findUnfinishedExam(target, examItems, t0)).toEqual({ kind: 'none' });

		// A tampered attempt is refused before anything is written, naming the field.
		const tampered = JSON.parse(text);
		tampered.stores.examAttempts[0].status = 'won';
		expect(() => parseBackup(JSON.stringify(tampered))).toThrow('Practice exams (examAttempts), record 1: "status" is missing or has the wrong type.');
	});
});

describe('Anki export', () => {
	it('writes tab-separated front, back and tags that Anki reads', () => {
		const tsv = toAnkiTsv([{ front: '<p>Q\twith tab</p>', back: '<p>line 1\nline 2</p>', tags: ['endpoints'], deck: 'dp100' }]);
		expect(tsv).toBe('#separator:tab\n#html:true\n#tags column:3\n<p>Q with tab</p>\t<p>line 1<br>line 2</p>\tprep-lab::dp100 endpoints\n');
	});
});
