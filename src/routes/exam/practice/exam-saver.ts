// Writes the exam in progress to IndexedDB after every change, one write at a time and in order,
// and stops writing once the exam is being finished (so a late write cannot bring back a session
// that finishing has just removed).
import { getDb } from '$lib/app/browser';
import { saveExamProgress } from '$lib/app/save-exam-progress';
import type { ExamSession } from '$lib/study/exam-session';

export class ExamSaver {
	#chain: Promise<void> = Promise.resolve();
	#closed = false;

	constructor(private readonly report: (error: unknown | null) => void) {}

	save(session: Omit<ExamSession, 'savedAt'>): void {
		if (this.#closed) return;
		this.#chain = this.#chain
			.then(async () => {
				if (this.#closed) return;
				await saveExamProgress(await getDb(), session, new Date());
				this.report(null);
			})
			.catch((e: unknown) => this.report(e));
	}

	/** Waits for the writes already asked for; nothing more is written until `open()`. */
	async close(): Promise<void> {
		this.#closed = true;
		await this.#chain;
	}

	open(): void {
		this.#closed = false;
	}
}
