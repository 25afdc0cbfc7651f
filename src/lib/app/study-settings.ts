// The learner's study settings, for the Settings page and the first-run exam chooser: read
// (checked on read by normaliseStudySettings), saved after the same check, and the exam chosen
// on its own without touching the other settings.
import type { PrepLabDb } from '../db/schema';
import { loadStudySettings, saveStudySettings, updateStudySettings } from '../db/settings-store';
import type { Track } from '../content/tracks';
import { checkStudySettings, chosenTrack, type StudySettings } from '../study/study-settings';

export const loadSettings = (db: PrepLabDb): Promise<StudySettings> => loadStudySettings(db);

/** Saves the settings when they pass the check; returns the message naming the first bad field, else null. */
export async function saveSettings(db: PrepLabDb, values: StudySettings): Promise<string | null> {
	const problem = checkStudySettings(values);
	if (problem) return problem;
	await saveStudySettings(db, values);
	return null;
}

/** Records the exam the learner prepares for, keeping every other setting (one transaction). */
export const chooseTrack = (db: PrepLabDb, track: Track): Promise<StudySettings> => updateStudySettings(db, (current) => ({ ...current, track }));

/** The exam the pages follow: the chosen one, else AI-300. */
export const loadTrack = async (db: PrepLabDb): Promise<Track> => chosenTrack(await loadStudySettings(db));
