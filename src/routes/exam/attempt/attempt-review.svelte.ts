// State of the read-only review of one past attempt: the attempt read back and checked, and every
// question rebuilt from today's content with the answer given (when the attempt recorded it).
import { getDb } from '$lib/app/browser';
import type { ExamHistory } from '$lib/app/exam-history';
import { openAttemptReview } from '$lib/app/review-attempt';
import { errorMessage } from '$lib/error-message';
import { displayOrder, examQuestions, scoreItem, type ExamQuestion } from '$lib/study/exam-engine';
import type { ResultEntry } from '../practice/ResultItems.svelte';
import type { PracticeDomain, PracticeItem } from '../practice/practice-item';

type Attempt = ExamHistory['attempts'][number];

export class AttemptReview {
	loading = $state(true);
	problem = $state<string | null>(null);
	attempt = $state.raw<Attempt | null>(null);
	entries = $state.raw<ResultEntry[]>([]);
	/** Question ids of the attempt that are no longer in the content. */
	missing = $state.raw<string[]>([]);

	readonly #questions: Map<string, ExamQuestion<PracticeItem>>;

	constructor(
		items: PracticeItem[],
		readonly domains: PracticeDomain[]
	) {
		this.#questions = new Map(examQuestions(items).map((q) => [q.item.id, q]));
	}

	domainTitle(id: string | null | undefined): string {
		return this.domains.find((d) => d.id === id)?.title ?? id ?? '';
	}

	/** Whether the attempt kept the learner's answers (attempts from before they were kept did not). */
	get recorded(): boolean {
		return this.attempt?.responses !== undefined;
	}

	async load(id: number): Promise<void> {
		try {
			const found = await openAttemptReview(await getDb(), id);
			if ('problem' in found) this.problem = found.problem;
			else this.#show(found.attempt);
		} catch (e) {
			this.problem = `The attempt could not be read: ${errorMessage(e)}`;
		}
		this.loading = false;
	}

	#show(attempt: Attempt): void {
		const entries: ResultEntry[] = [];
		const missing: string[] = [];
		attempt.itemIds.forEach((id, i) => {
			const q = this.#questions.get(id);
			if (!q) return void missing.push(id);
			const recorded = attempt.responses !== undefined;
			const scored = scoreItem(q.item, attempt.responses?.[id]);
			// Without the answers, the verdict saved with the attempt is all there is.
			const result = recorded ? scored : { ...scored, answered: true, correct: attempt.correct[id] === true };
			const optionOrder = attempt.seed !== undefined ? displayOrder(q.item, attempt.seed) : q.item.options.map((_, k) => k);
			entries.push({ item: q.item, caseItem: q.caseItem, number: i + 1, result, optionOrder, recorded });
		});
		this.attempt = attempt;
		this.entries = entries;
		this.missing = missing;
	}
}
