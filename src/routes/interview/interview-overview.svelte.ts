// State of the interview list: each question's schedule and last attempt (app/interview-overview), the
// filters, and drawing the next question. The page only displays this.
import { getDb } from '$lib/app/browser';
import { loadInterviewOverview } from '$lib/app/interview-overview';
import type { InterviewAttempt } from '$lib/app/open-interview-question';
import { errorMessage } from '$lib/error-message';
import { partTrend, type PartTrend } from '$lib/study/interview-grading';
import { drawQuestion, interviewCardId, latestAttempts, questionStatus, type QuestionStatus } from '$lib/study/interview-plan';
import type { CardState } from '$lib/study/scheduler';

export class InterviewOverview {
	loading = $state(true);
	error = $state<string | null>(null);
	dueOnly = $state(false);
	area = $state('');
	now = $state(new Date());
	states = $state.raw(new Map<string, CardState>());
	attempts = $state.raw<InterviewAttempt[]>([]);

	latest = $derived(latestAttempts(this.attempts));
	trend: PartTrend = $derived(partTrend(this.attempts));

	async load(): Promise<void> {
		this.loading = true;
		this.error = null;
		try {
			const { states, attempts } = await loadInterviewOverview(await getDb());
			this.now = new Date();
			this.states = states;
			this.attempts = attempts;
		} catch (e) {
			this.error = `Your interview history could not be read: ${errorMessage(e)}`;
		} finally {
			this.loading = false;
		}
	}

	/** Unknown until IndexedDB has answered, so a prerendered page never claims "new". */
	status(questionId: string): QuestionStatus | null {
		return this.loading || this.error ? null : questionStatus(this.states.get(interviewCardId(questionId)), this.now);
	}

	shows(question: { id: string; area: string }): boolean {
		if (this.area && question.area !== this.area) return false;
		return !this.dueOnly || this.status(question.id)?.kind === 'due';
	}

	/** A question from the current area filter: due first, then never tried, then any. */
	draw(questions: readonly { id: string; area: string }[], random: number): string | null {
		const pool = questions.filter((q) => !this.area || q.area === this.area).map((q) => q.id);
		return drawQuestion(pool, this.states, new Date(), random);
	}
}
