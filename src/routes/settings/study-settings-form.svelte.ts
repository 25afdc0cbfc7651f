// The study settings form: loads, validates and saves the learner's scheduling choices and exam.
import { getDb } from '$lib/app/browser';
import { loadSettings, saveSettings } from '$lib/app/study-settings';
import { errorMessage } from '$lib/error-message';
import { chosenTrack, DEFAULT_STUDY_SETTINGS, type StudySettings } from '$lib/study/study-settings';

export class StudySettingsForm {
	values = $state<StudySettings>({ ...DEFAULT_STUDY_SETTINGS });
	loaded = $state(false);
	error = $state<string | null>(null);
	saved = $state(false);

	async load(): Promise<void> {
		try {
			const values = await loadSettings(await getDb());
			// The form shows the exam in force (AI-300 until one is chosen); saving records it.
			this.values = { ...values, track: chosenTrack(values) };
		} catch (e) {
			this.error = `Settings could not be read: ${errorMessage(e)}`;
		}
		this.loaded = true;
	}

	async save(): Promise<void> {
		this.saved = false;
		const values = { ...$state.snapshot(this.values), examDate: this.values.examDate || null };
		try {
			this.error = await saveSettings(await getDb(), values);
			this.saved = this.error === null;
		} catch (e) {
			this.error = `Settings were not saved: ${errorMessage(e)}`;
		}
	}
}
