// Spaced-repetition scheduling: a thin wrapper over ts-fsrs (FSRS-6). Time is always passed in,
// never read here, so tests use fixed dates.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card as FsrsCard, type Grade } from 'ts-fsrs';

export { Rating, State };
export type { FsrsCard, Grade };

export const GRADES: readonly { grade: Grade; label: string; key: string }[] = [
	{ grade: Rating.Again, label: 'Again', key: '1' },
	{ grade: Rating.Hard, label: 'Hard', key: '2' },
	{ grade: Rating.Good, label: 'Good', key: '3' },
	{ grade: Rating.Easy, label: 'Easy', key: '4' }
];

export interface SchedulerSettings {
	/** Desired retention, 0.7..0.99; higher means more reviews. */
	retention: number;
	maximumIntervalDays: number;
	/**
	 * Minute-scale (re)learning steps, as for flashcards (default true). False schedules in whole
	 * days from the first answer: mock interviews take minutes each, so they form a daily plan.
	 */
	learningSteps?: boolean;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = { retention: 0.9, maximumIntervalDays: 365 };

/** What the database keeps per card: the FSRS card plus its id. */
export interface CardState {
	cardId: string;
	fsrs: FsrsCard;
	/** Copy of fsrs.due, kept top-level so an index can find due cards. */
	due: Date;
	/** Suspended cards never come up until unsuspended. */
	suspended?: boolean;
	/** Buried cards skip today's queue and return tomorrow. */
	buriedUntil?: Date;
	/** Set once a card has lapsed LEECH_LAPSES times. */
	leech?: boolean;
}

export interface ReviewLogEntry {
	cardId: string;
	grade: Grade;
	reviewedAt: Date;
	elapsedMs: number;
	stateBefore: State;
	stateAfter: State;
	scheduledDays: number;
}

/** Anki's default: a card forgotten this many times is a leech, worth rewriting or suspending. */
export const LEECH_LAPSES = 8;

export function newCardState(cardId: string, now: Date): CardState {
	const card = createEmptyCard(now);
	return { cardId, fsrs: card, due: card.due };
}

function scheduler(settings: SchedulerSettings) {
	// Fuzz off so the interval shown on a button is exactly what the card gets.
	const days = settings.learningSteps === false ? { enable_short_term: false, learning_steps: [], relearning_steps: [] } : {};
	return fsrs(generatorParameters({ request_retention: settings.retention, maximum_interval: settings.maximumIntervalDays, enable_fuzz: false, ...days }));
}

export function gradeCard(
	state: CardState,
	grade: Grade,
	now: Date,
	elapsedMs: number,
	settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS
): { next: CardState; log: ReviewLogEntry } {
	const { card } = scheduler(settings).next(state.fsrs, now, grade);
	// Flags carry over; a card reviewed again is no longer buried.
	const { buriedUntil: _buried, ...flags } = state;
	return {
		next: { ...flags, fsrs: card, due: card.due, ...(card.lapses >= LEECH_LAPSES ? { leech: true } : {}) },
		log: {
			cardId: state.cardId,
			grade,
			reviewedAt: now,
			elapsedMs,
			stateBefore: state.fsrs.state,
			stateAfter: card.state,
			scheduledDays: card.scheduled_days
		}
	};
}

/** The interval each grade would give, as short labels ("10m", "3d"), for the grade buttons. */
export function previewIntervals(state: CardState, now: Date, settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS): Record<Grade, string> {
	const preview = scheduler(settings).repeat(state.fsrs, now);
	const out = {} as Record<Grade, string>;
	for (const { grade } of GRADES) out[grade] = formatInterval(preview[grade].card.due.getTime() - now.getTime());
	return out;
}

export function formatInterval(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / 60_000));
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(hours / 24);
	if (days < 31) return `${days}d`;
	if (days < 365) return `${Math.round(days / 30.4)}mo`;
	return `${(days / 365).toFixed(1)}y`;
}
