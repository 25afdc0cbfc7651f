import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadToday } from '../../../src/lib/app/today';
import { idbRegistry } from '../../../src/lib/db/idb-registry';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { saveStudySettings } from '../../../src/lib/db/settings-store';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/study/study-settings';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `today-${++dbCount}`);
const cardIds = Array.from({ length: 30 }, (_, i) => `deck/card-${i}`);
const now = new Date(Date.UTC(2026, 10, 30, 9));

describe('loadToday', () => {
	it('counts new cards under the learner’s own limit, as the review screen does', async () => {
		const db = await freshDb();
		expect((await loadToday(db, cardIds, now)).due).toEqual({ new: DEFAULT_STUDY_SETTINGS.newCardsPerDay, learning: 0, review: 0 });
		await saveStudySettings(db, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 7 });
		const today = await loadToday(db, cardIds, now);
		expect(today.due.new).toBe(7);
		expect(today.models).toBe(0);
	});

	it('counts the registered versions of the lab model', async () => {
		const db = await freshDb();
		const { draft } = trainModel(generateDelinquencyTable(300, 5), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS);
		await idbRegistry(db).register(draft);
		await idbRegistry(db).register(draft);
		expect((await loadToday(db, cardIds, now)).models).toBe(2);
	});
});
