import { describe, expect, it } from 'vitest';
import { gradeForScore, gradeInterview, overallScore, partTrend, type Checklist, type PartScores } from '../../../src/lib/study/interview-grading';
import { Rating } from '../../../src/lib/study/scheduler';

// 3 points per part except tradeoffs (2) and execution (4), like real questions.
const checklist: Checklist = {
	context: ['c0', 'c1', 'c2'],
	architecture: ['a0', 'a1', 'a2'],
	tradeoffs: ['t0', 't1'],
	execution: ['e0', 'e1', 'e2', 'e3'],
	risks: ['r0', 'r1', 'r2']
};
const all = { context: [0, 1, 2], architecture: [0, 1, 2], tradeoffs: [0, 1], execution: [0, 1, 2, 3], risks: [0, 1, 2] };

describe('gradeInterview', () => {
	it('scores each part as the share of its points ticked', () => {
		const { partScores } = gradeInterview(checklist, { ...all, context: [0], execution: [1, 3] });
		expect(partScores).toEqual({ context: 1 / 3, architecture: 1, tradeoffs: 1, execution: 0.5, risks: 1 });
	});

	it('gives Easy only when every point of every part is ticked', () => {
		expect(gradeInterview(checklist, all)).toMatchObject({ grade: Rating.Easy });
		expect(gradeInterview(checklist, { ...all, execution: [0, 1, 2] })).toMatchObject({ grade: Rating.Good, weakestPart: 'execution' });
	});

	it('lets the weakest part set the grade, however strong the rest', () => {
		// Four perfect parts and a risks part with one point of three: Again.
		const result = gradeInterview(checklist, { ...all, risks: [2] });
		expect(result.weakestPart).toBe('risks');
		expect(result.grade).toBe(Rating.Again);
		// Two of three in the weakest part: present but thin, Hard.
		expect(gradeInterview(checklist, { ...all, architecture: [0, 2] })).toMatchObject({ weakestPart: 'architecture', grade: Rating.Hard });
	});

	it('treats a part with nothing ticked (or missing) as 0 and grades Again', () => {
		const result = gradeInterview(checklist, { context: [0, 1, 2] });
		expect(result.partScores.architecture).toBe(0);
		expect(result.weakestPart).toBe('architecture');
		expect(result.grade).toBe(Rating.Again);
	});

	it('breaks ties by CATER order', () => {
		const tie = gradeInterview(checklist, { ...all, tradeoffs: [1], execution: [0, 3] });
		expect(tie.partScores.tradeoffs).toBe(tie.partScores.execution);
		expect(tie.weakestPart).toBe('tradeoffs');
		const first = gradeInterview(checklist, { ...all, context: [2], risks: [1] });
		expect(first.weakestPart).toBe('context');
		expect(first.grade).toBe(Rating.Again);
	});

	it('ignores repeated and out-of-range ticks', () => {
		const { partScores } = gradeInterview(checklist, { ...all, context: [0, 0, 0, 7, -1] });
		expect(partScores.context).toBeCloseTo(1 / 3);
	});
});

describe('gradeForScore thresholds', () => {
	it.each([
		[0, Rating.Again],
		[0.39, Rating.Again],
		[0.4, Rating.Hard],
		[0.69, Rating.Hard],
		[0.7, Rating.Good],
		[0.99, Rating.Good],
		[1, Rating.Easy]
	])('a weakest part at %f grades %i', (score, grade) => {
		expect(gradeForScore(score)).toBe(grade);
	});
});

const scores = (context: number, architecture: number, tradeoffs: number, execution: number, risks: number): PartScores => ({ context, architecture, tradeoffs, execution, risks });

describe('partTrend', () => {
	it('orders each part’s scores by time and names the part with the lowest average', () => {
		const trend = partTrend([
			{ startedAt: new Date('2026-11-20T10:00:00Z'), partScores: scores(1, 0.5, 1, 1, 0) },
			{ startedAt: new Date('2026-11-10T10:00:00Z'), partScores: scores(0.5, 1, 0.5, 1, 0.25) },
			{ startedAt: new Date('2026-11-15T10:00:00Z'), partScores: scores(1, 1, 1, 0.75, 0.5) }
		]);
		expect(trend.attempts).toBe(3);
		expect(trend.series.risks.map((p) => p.score)).toEqual([0.25, 0.5, 0]);
		expect(trend.series.risks.map((p) => p.at.toISOString().slice(0, 10))).toEqual(['2026-11-10', '2026-11-15', '2026-11-20']);
		expect(trend.averages.risks).toBeCloseTo(0.25);
		expect(trend.mostSkipped).toBe('risks');
	});

	it('breaks a tie in averages by CATER order and has no skipped part without attempts', () => {
		const trend = partTrend([{ startedAt: new Date(0), partScores: scores(1, 1, 0.5, 0.5, 1) }]);
		expect(trend.mostSkipped).toBe('tradeoffs');
		const empty = partTrend([]);
		expect(empty.mostSkipped).toBeNull();
		expect(empty.series.context).toEqual([]);
	});
});

describe('overallScore', () => {
	it('is the mean of the part scores', () => {
		expect(overallScore(scores(1, 0.5, 1, 0.5, 0))).toBeCloseTo(0.6);
	});
});
