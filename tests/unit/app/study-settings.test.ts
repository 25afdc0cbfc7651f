// The exam a learner prepares for is a study setting: AI-300 until one is chosen, checked when read
// back (a damaged value is not trusted), and choosing it keeps every other setting.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { chooseTrack, loadSettings, saveSettings } from '../../../src/lib/app/study-settings';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { chosenTrack, DEFAULT_STUDY_SETTINGS, normaliseStudySettings } from '../../../src/lib/study/study-settings';

let dbCount = 0;
const freshDb = () => openPrepLabDb({}, `study-settings-${++dbCount}`);

describe('the chosen exam (track)', () => {
	it('is unset at first and then means AI-300, the exam that can be booked today', async () => {
		const db = await freshDb();
		const settings = await loadSettings(db);
		expect(settings.track).toBeNull();
		expect(chosenTrack(settings)).toBe('ai300');
	});

	it('is chosen without touching the other settings', async () => {
		const db = await freshDb();
		expect(await saveSettings(db, { ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 7, examDate: '2027-01-15' })).toBeNull();
		await chooseTrack(db, 'dp100');
		expect(await loadSettings(db)).toEqual({ ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 7, examDate: '2027-01-15', track: 'dp100' });
	});

	it('refuses an unknown exam when saving, naming the field, and does not trust one read back', async () => {
		const db = await freshDb();
		expect(await saveSettings(db, { ...DEFAULT_STUDY_SETTINGS, track: 'az900' as never })).toBe('The exam must be AI-300 or DP-100.');
		expect((await loadSettings(db)).track).toBeNull();
		expect(normaliseStudySettings({ ...DEFAULT_STUDY_SETTINGS, newCardsPerDay: 3, track: 'az900' })).toEqual(DEFAULT_STUDY_SETTINGS);
		expect(normaliseStudySettings({ ...DEFAULT_STUDY_SETTINGS, track: 'dp100' }).track).toBe('dp100');
	});
});
