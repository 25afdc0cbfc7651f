// Everything the Progress page shows, loaded once from IndexedDB and computed by pure functions.
import { skippedMessage } from '$lib/app/skipped-records';
import { getDb } from '$lib/db/browser-db';
import { loadExamHistory, type ExamHistory } from '$lib/app/exam-history';
import { allReviewLogs, loadCardStates } from '$lib/db/review-store';
import { loadStudySettings } from '$lib/db/settings-store';
import { dailyPlan, dueForecast, recallOnDate, reviewHeatmap, trueRetention } from '$lib/study/progress-stats';
import { reviewsToday } from '$lib/study/review-counts';
import type { StudySettings } from '$lib/study/study-settings';

interface Input {
	cardIds: string[];
	cardDomains: [string, string][];
	domains: { id: string; title: string; weight: [number, number] }[];
}

export class ProgressView {
	loaded = $state(false);
	error = $state<string | null>(null);
	/** Records stored in a shape this page cannot use, named with their problem. */
	skipped = $state<string | null>(null);
	settings = $state<StudySettings | null>(null);
	totals = $state({ reviews: 0, studied: 0, mature: 0, cards: 0 });
	/** Today's flashcard reviews and interview attempts, counted apart. */
	today = $state({ cards: 0, interviews: 0 });
	heatmap = $state<{ date: string; count: number }[]>([]);
	forecast = $state<number[]>([]);
	retention = $state<{ rate: number; reviews: number } | null>(null);
	prediction = $state<ReturnType<typeof recallOnDate> | null>(null);
	plan = $state<ReturnType<typeof dailyPlan>>(null);
	/** Practice exams, oldest first. */
	attempts = $state.raw<ExamHistory['attempts']>([]);

	async load(input: Input, now = new Date()): Promise<void> {
		try {
			const db = await getDb();
			const skipped: string[] = [];
			const [states, logs, settings, history] = await Promise.all([loadCardStates(db, skipped), allReviewLogs(db, skipped), loadStudySettings(db), loadExamHistory(db)]);
			this.skipped = skippedMessage([...skipped, ...history.skipped]);
			this.attempts = [...history.attempts].reverse();
			const ids = new Set(input.cardIds);
			const cardStates = [...states.values()].filter((s) => ids.has(s.cardId));
			const studied = cardStates.filter((s) => s.fsrs.state !== 0);
			this.settings = settings;
			this.totals = {
				reviews: logs.length,
				studied: studied.length,
				mature: studied.filter((s) => s.fsrs.scheduled_days >= 21).length,
				cards: input.cardIds.length
			};
			this.today = reviewsToday(logs, now);
			this.heatmap = reviewHeatmap(logs, now);
			this.forecast = dueForecast(cardStates, now);
			this.retention = trueRetention(logs);
			const examDate = settings.examDate ? new Date(`${settings.examDate}T09:00:00`) : null;
			this.prediction = recallOnDate(new Map(input.cardDomains), input.domains, states, examDate && examDate > now ? examDate : now, settings.retention);
			this.plan = examDate ? dailyPlan(input.cardIds.length - studied.length, this.forecast, now, examDate) : null;
		} catch (e) {
			this.error = `Your progress could not be read: ${(e as Error).message}`;
		}
		this.loaded = true;
	}
}
