import { normaliseStudySettings, type StudySettings } from '../study/study-settings';
import type { PrepLabDb } from './schema';

const KEY = 'study';

export async function loadStudySettings(db: PrepLabDb): Promise<StudySettings> {
	return normaliseStudySettings((await db.get('settings', KEY))?.value);
}

export const saveStudySettings = (db: PrepLabDb, settings: StudySettings) => db.put('settings', { key: KEY, value: settings });

/** Reads, changes and writes the settings in one transaction, so no other write is lost in between. */
export async function updateStudySettings(db: PrepLabDb, change: (current: StudySettings) => StudySettings): Promise<StudySettings> {
	const tx = db.transaction('settings', 'readwrite');
	const next = change(normaliseStudySettings((await tx.store.get(KEY))?.value));
	await tx.store.put({ key: KEY, value: next });
	await tx.done;
	return next;
}
