// Grading a mock-interview answer from the checklist points the learner ticked, and the per-part
// trend across attempts. Pure: attempts come in as plain records, nothing is read from the clock.
import { CATER_PARTS, type CaterPart } from '../content/schema';
import { Rating, type Grade } from './scheduler';

export type Checklist = Record<CaterPart, readonly string[]>;
/** Indexes of the checklist points ticked, per CATER part. */
export type TickedPoints = Record<CaterPart, readonly number[]>;
export type PartScores = Record<CaterPart, number>;

export interface InterviewGrade {
	/** Share of each part's checklist covered, 0..1. */
	partScores: PartScores;
	/** The part with the lowest score; on a tie, the one that comes first in CATER order. */
	weakestPart: CaterPart;
	grade: Grade;
}

/**
 * The FSRS grade for the weakest part's score. An interviewer remembers the gap, not the average,
 * so one skipped part caps the grade:
 * - below 40 % (at most one point of a 3–4 point part): the part was essentially missing → Again;
 * - below 70 % (e.g. 2 of 3): it was there but thin → Hard;
 * - below 100 % (e.g. 3 of 4): solid with a gap → Good;
 * - every point of every part → Easy.
 */
export const GRADE_THRESHOLDS = { again: 0.4, hard: 0.7 } as const;

export function gradeForScore(weakestScore: number): Grade {
	if (weakestScore < GRADE_THRESHOLDS.again) return Rating.Again;
	if (weakestScore < GRADE_THRESHOLDS.hard) return Rating.Hard;
	if (weakestScore < 1) return Rating.Good;
	return Rating.Easy;
}

/** Share of a part's points ticked; repeated or out-of-range indexes are ignored. */
function partScore(points: readonly string[], ticked: readonly number[]): number {
	// A part without points has nothing to miss (content requires 2–4, so this is only a guard).
	if (points.length === 0) return 1;
	const valid = new Set(ticked.filter((i) => Number.isInteger(i) && i >= 0 && i < points.length));
	return valid.size / points.length;
}

/** Lowest-scoring part; ties go to the earlier part in CATER order. */
export function weakestPart(scores: PartScores): CaterPart {
	let weakest: CaterPart = CATER_PARTS[0];
	for (const part of CATER_PARTS) if (scores[part] < scores[weakest]) weakest = part;
	return weakest;
}

export function gradeInterview(checklist: Checklist, ticked: Partial<TickedPoints>): InterviewGrade {
	const partScores = {} as PartScores;
	for (const part of CATER_PARTS) partScores[part] = partScore(checklist[part], ticked[part] ?? []);
	const weakest = weakestPart(partScores);
	return { partScores, weakestPart: weakest, grade: gradeForScore(partScores[weakest]) };
}

/** One number for an attempt: the mean of its part scores (each part counts the same). */
export function overallScore(scores: PartScores): number {
	return CATER_PARTS.reduce((sum, part) => sum + scores[part], 0) / CATER_PARTS.length;
}

export interface ScoredAttempt {
	startedAt: Date;
	partScores: PartScores;
}

export interface PartTrend {
	/** Each part's score per attempt, oldest first (every series has one point per attempt). */
	series: Record<CaterPart, { at: Date; score: number }[]>;
	/** Mean score per part over all attempts (0 when there are none). */
	averages: PartScores;
	/** The part with the lowest average (ties: earlier in CATER order); null without attempts. */
	mostSkipped: CaterPart | null;
	attempts: number;
}

export function partTrend(attempts: readonly ScoredAttempt[]): PartTrend {
	const sorted = [...attempts].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
	const series = {} as PartTrend['series'];
	const averages = {} as PartScores;
	for (const part of CATER_PARTS) {
		series[part] = sorted.map((a) => ({ at: a.startedAt, score: a.partScores[part] }));
		averages[part] = sorted.length ? series[part].reduce((sum, p) => sum + p.score, 0) / sorted.length : 0;
	}
	return { series, averages, mostSkipped: sorted.length ? weakestPart(averages) : null, attempts: sorted.length };
}

export const PART_TITLES: Record<CaterPart, string> = {
	context: 'Context & constraints',
	architecture: 'Architecture & data',
	tradeoffs: 'Tradeoffs',
	execution: 'Execution & MLOps',
	risks: 'Risks & results'
};

