// Everything the Progress page shows, read once from storage and computed by the pure statistics:
// reviews, retention and the forecast over every card; predicted recall per domain, the daily plan
// and practice-exam results for each exam (track), with the chosen one first.
import { loadExamHistory } from './exam-history';
import type { TrackInput } from '../content/track-inputs';
import type { Track } from '../content/tracks';
import { allReviewLogs, loadCardStates } from '../db/review-store';
import type { PrepLabDb, StoredExamAttempt } from '../db/schema';
import { loadStudySettings } from '../db/settings-store';
import { dailyPlan, dueForecast, recallOnDate, reviewHeatmap, trueRetention, type DailyPlan, type DomainForecast } from '../study/progress-stats';
import { reviewsToday } from '../study/review-counts';
import { chosenTrack, type StudySettings } from '../study/study-settings';

export interface TrackProgress {
	track: Track;
	prediction: { domains: DomainForecast[]; overall: number };
	plan: DailyPlan | null;
	/** This exam's practice exams, oldest first. */
	attempts: StoredExamAttempt[];
	cards: number;
	studied: number;
}

export interface Progress {
	settings: StudySettings;
	track: Track;
	totals: { reviews: number; studied: number; mature: number; cards: number };
	today: { cards: number; interviews: number };
	heatmap: { date: string; count: number }[];
	forecast: number[];
	retention: { rate: number; reviews: number } | null;
	/** The chosen exam first, then the other. */
	tracks: TrackProgress[];
	/** Records that could not be read, each named with its problem. */
	skipped: string[];
}

/** The exam an attempt belongs to: the one whose domains it scored (domain ids differ between exams). */
export function attemptTrack(attempt: Pick<StoredExamAttempt, 'byDomain' | 'domain'>, tracks: Record<Track, Pick<TrackInput, 'domains'>>): Track | null {
	const ids = [...Object.keys(attempt.byDomain), ...(attempt.domain ? [attempt.domain] : [])];
	for (const track of Object.keys(tracks) as Track[]) if (ids.some((id) => tracks[track].domains.some((d) => d.id === id))) return track;
	return null;
}

export async function loadProgress(db: PrepLabDb, input: { cardIds: string[]; tracks: Record<Track, TrackInput> }, now: Date): Promise<Progress> {
	const skipped: string[] = [];
	const [states, logs, settings, history] = await Promise.all([loadCardStates(db, skipped), allReviewLogs(db, skipped), loadStudySettings(db), loadExamHistory(db)]);
	const ids = new Set(input.cardIds);
	const cardStates = [...states.values()].filter((s) => ids.has(s.cardId));
	const studiedIds = new Set(cardStates.filter((s) => s.fsrs.state !== 0).map((s) => s.cardId));
	const forecast = dueForecast(cardStates, now);
	const examDate = settings.examDate ? new Date(`${settings.examDate}T09:00:00`) : null;
	const track = chosenTrack(settings);
	const attempts = [...history.attempts].reverse();
	const order = [track, ...(Object.keys(input.tracks) as Track[]).filter((t) => t !== track)];
	return {
		settings,
		track,
		totals: {
			reviews: logs.length,
			studied: studiedIds.size,
			mature: cardStates.filter((s) => s.fsrs.state !== 0 && s.fsrs.scheduled_days >= 21).length,
			cards: input.cardIds.length
		},
		today: reviewsToday(logs, now),
		heatmap: reviewHeatmap(logs, now),
		forecast,
		retention: trueRetention(logs),
		tracks: order.map((t) => {
			const { cardIds, cardDomains, domains } = input.tracks[t];
			const studied = cardIds.filter((id) => studiedIds.has(id)).length;
			return {
				track: t,
				prediction: recallOnDate(new Map(cardDomains), domains, states, examDate && examDate > now ? examDate : now, settings.retention),
				plan: examDate ? dailyPlan(cardIds.length - studied, forecast, now, examDate) : null,
				attempts: attempts.filter((a) => (attemptTrack(a, input.tracks) ?? track) === t),
				cards: cardIds.length,
				studied
			};
		}),
		skipped: [...skipped, ...history.skipped]
	};
}
