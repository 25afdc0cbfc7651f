import { normaliseStudySettings, type StudySettings } from '../study/study-settings';
import type { PrepLabDb } from './schema';

const KEY = 'study';

export async function loadStudySettings(db: PrepLabDb): Promise<StudySettings> {
	return normaliseStudySettings((await db.get('settings', KEY))?.value);
}

export const saveStudySettings = (db: PrepLabDb, settings: StudySettings) => db.put('settings', { key: KEY, value: settings });
