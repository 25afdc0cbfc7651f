import { describe, expect, it } from 'vitest';
import { drawQuestion, interviewCardId, latestAttempts, questionStatus } from '../../../src/lib/study/interview-plan';
import { gradeCard, newCardState, Rating, type CardState } from '../../../src/lib/study/scheduler';

const t0 = new Date('2026-11-25T09:00:00Z');
const days = (d: number) => new Date(t0.getTime() + d * 86_400_000);

function reviewed(questionId: string, grade: Rating.Again | Rating.Easy, at: Date): [string, CardState] {
	const id = interviewCardId(questionId);
	return [id, gradeCard(newCardState(id, at), grade, at, 0).next];
}

describe('questionStatus', () => {
	it('is new without a state, due once the due date passes, scheduled before', () => {
		expect(questionStatus(undefined, t0).kind).toBe('new');
		const [, state] = reviewed('q', Rating.Easy, t0);
		expect(questionStatus(state, t0).kind).toBe('scheduled');
		expect(questionStatus(state, days(60)).kind).toBe('due');
	});
});

describe('drawQuestion', () => {
	const ids = ['a', 'b', 'c', 'd'];

	it('prefers due questions over new ones', () => {
		const states = new Map([reviewed('c', Rating.Again, days(-1)), reviewed('a', Rating.Easy, t0)]);
		for (const r of [0, 0.5, 0.99]) expect(drawQuestion(ids, states, t0, r)).toBe('c');
	});

	it('draws a never-tried question when nothing is due', () => {
		const states = new Map([reviewed('a', Rating.Easy, t0), reviewed('b', Rating.Easy, t0)]);
		expect(drawQuestion(ids, states, t0, 0)).toBe('c');
		expect(drawQuestion(ids, states, t0, 0.99)).toBe('d');
	});

	it('draws any question once all were tried and none is due, and null without questions', () => {
		const states = new Map(ids.map((id) => reviewed(id, Rating.Easy, t0)));
		expect(drawQuestion(ids, states, t0, 0.3)).toBe('b');
		expect(drawQuestion([], states, t0, 0.3)).toBeNull();
	});
});

describe('latestAttempts', () => {
	it('keeps the most recent attempt per question', () => {
		const latest = latestAttempts([
			{ questionId: 'a', startedAt: days(2), n: 2 },
			{ questionId: 'a', startedAt: days(1), n: 1 },
			{ questionId: 'b', startedAt: days(0), n: 3 }
		]);
		expect(latest.get('a')?.n).toBe(2);
		expect(latest.get('b')?.n).toBe(3);
	});
});
