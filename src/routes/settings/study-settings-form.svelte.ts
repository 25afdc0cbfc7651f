// The study settings form: loads, validates and saves the learner's scheduling choices.
import { getDb } from '$lib/db/browser-db';
import { loadStudySettings, saveStudySettings } from '$lib/db/settings-store';
import { checkStudySettings, DEFAULT_STUDY_SETTINGS, type StudySettings } from '$lib/study/study-settings';

export class StudySettingsForm {
	values = $state<StudySettings>({ ...DEFAULT_STUDY_SETTINGS });
	loaded = $state(false);
	error = $state<string | null>(null);
	saved = $state(false);

	async load(): Promise<void> {
		try {
			this.values = await loadStudySettings(await getDb());
		} catch (e) {
			this.error = `Settings could not be read: ${(e as Error).message}`;
		}
		this.loaded = true;
	}

	async save(): Promise<void> {
		this.saved = false;
		const values = { ...$state.snapshot(this.values), examDate: this.values.examDate || null };
		this.error = checkStudySettings(values);
		if (this.error) return;
		try {
			await saveStudySettings(await getDb(), values);
			this.saved = true;
		} catch (e) {
			this.error = `Settings were not saved: ${(e as Error).message}`;
		}
	}
}
