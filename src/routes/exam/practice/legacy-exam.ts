// The previous version kept the exam in progress in sessionStorage; it is moved to IndexedDB once
// (app/resume-exam.ts). sessionStorage can be unavailable (privacy settings): then there is simply
// nothing to move.
import { LEGACY_SAVED_EXAM_KEY } from '$lib/study/exam-session';

export function readLegacyExam(): string | null {
	try {
		return sessionStorage.getItem(LEGACY_SAVED_EXAM_KEY);
	} catch {
		return null;
	}
}

export function removeLegacyExam(): void {
	try {
		sessionStorage.removeItem(LEGACY_SAVED_EXAM_KEY);
	} catch {
		// Nothing to remove.
	}
}
