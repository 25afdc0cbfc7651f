import { describe, expect, it } from 'vitest';
import { domainQuestionCount, startExam, type ExamChoice } from '../../../src/lib/app/start-exam';
import { examMinutes } from '../../../src/lib/study/exam-engine';
import { caseStudy, single } from './exam-items';

const items = [single('a1', 'a'), single('a2', 'a'), single('a3', 'a'), single('b1', 'b'), caseStudy('c1', 'b', ['c1-1', 'c1-2'])];
const domains = [
	{ id: 'a', weight: [40, 60] as [number, number] },
	{ id: 'b', weight: [40, 60] as [number, number] }
];
const full: ExamChoice = { mode: 'full', length: 6, domain: 'a', domainLength: 10, timed: true, strict: true };

describe('starting a practice exam', () => {
	it('a full exam draws from every domain and runs on a timer sized to its questions', () => {
		const started = startExam(items, domains, full, 11);
		if ('problem' in started) throw new Error(started.problem);
		expect(started.items.map((i) => i.id).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);
		expect(started.session).toMatchObject({ mode: 'full', domain: null, seed: 11, responses: {}, marked: [], checked: [], position: 0, strict: true });
		expect(started.session.itemIds).toEqual(started.items.map((i) => i.id));
		expect(started.session.minutes).toBe(examMinutes(6));
		// The same seed draws the same exam (a repeatable exam from a URL).
		expect(startExam(items, domains, full, 11)).toEqual(started);
	});

	it('an untimed exam has no clock, and practice by domain is never timed or strict', () => {
		const untimed = startExam(items, domains, { ...full, timed: false }, 3);
		expect('session' in untimed && untimed.session).toMatchObject({ minutes: null, strict: false });
		const practice = startExam(items, domains, { ...full, mode: 'domain', domain: 'b', domainLength: 0 }, 3);
		if ('problem' in practice) throw new Error(practice.problem);
		expect(practice.session).toMatchObject({ mode: 'domain', domain: 'b', minutes: null, strict: false });
		// "All" takes every question of the domain, a case's sub-items counted one by one.
		expect(domainQuestionCount(items, 'b')).toBe(3);
		expect(practice.items.map((i) => i.id).sort()).toEqual(['b1', 'c1']);
	});

	it('says so when the choice has no items', () => {
		expect(startExam(items, domains, { ...full, mode: 'domain', domain: 'nowhere' }, 1)).toEqual({ problem: 'There are no practice items for this choice.' });
	});
});
