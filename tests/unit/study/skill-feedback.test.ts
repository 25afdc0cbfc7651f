// The results screen's per-skill scores and "read next" notes, from real scoring of a small exam.
import { describe, expect, it } from 'vitest';
import { skillLines } from '../../../src/lib/content/bank-lint';
import type { ExamItem } from '../../../src/lib/content/schema';
import { scoreExam, type ItemResponse } from '../../../src/lib/study/exam-engine';
import { notesToReadNext, scoreBySkill } from '../../../src/lib/study/skill-feedback';
import { buildContent } from '../../../src/lib/content/bundle';
import { TRACKS, trackItems, trackOutline } from '../../../src/lib/content/tracks';
import { readContentDir } from '../content/read-content-dir';

// Built once, outside any test's time limit (it compiles every note).
const { content } = buildContent(readContentDir());

const lines = [
	{ domain: 'd1', skill: 'Deploy', task: 'Online' },
	{ domain: 'd1', skill: 'Deploy', task: 'Batch' },
	{ domain: 'd2', skill: 'Train', task: 'Jobs' }
];

function single(id: string, skill: string, note: string): ExamItem {
	const options = [0, 1].map((i) => ({ text: `o${i}`, correct: i === 1, why: 'w' }));
	return { id, type: 'single', domain: 'd1', note, source: 'https://x', skill, stem: id, options, statements: [], items: [], explanation: 'e', file: 'f' };
}

const right: ItemResponse = { kind: 'choice', selected: [1] };
const wrong: ItemResponse = { kind: 'choice', selected: [0] };

const items: ExamItem[] = [
	single('a', 'Online', 'endpoints'),
	single('b', 'Online', 'endpoints'),
	single('c', 'Batch', 'batch'),
	{ ...single('k', '', 'jobs'), type: 'case', options: [], scenario: 's', items: [single('k1', 'Jobs', 'jobs'), single('k2', 'Online', 'rollout')] }
];

describe('scoreBySkill', () => {
	it('adds up correct answers per outline skill and per task line, counting case sub-items', () => {
		const { results } = scoreExam(items, { a: right, b: wrong, c: right, k1: wrong, k2: right });
		expect(scoreBySkill(items, results, lines)).toEqual([
			{
				domain: 'd1',
				skill: 'Deploy',
				correct: 3,
				total: 4,
				tasks: [
					{ task: 'Online', correct: 2, total: 3 },
					{ task: 'Batch', correct: 1, total: 1 }
				]
			},
			{ domain: 'd2', skill: 'Train', correct: 0, total: 1, tasks: [{ task: 'Jobs', correct: 0, total: 1 }] }
		]);
	});

	it('leaves out skills the exam did not ask about', () => {
		const { results } = scoreExam([items[2]!], { c: wrong });
		expect(scoreBySkill([items[2]!], results, lines).map((s) => [s.skill, s.tasks.map((t) => t.task)])).toEqual([['Deploy', ['Batch']]]);
	});

	it('places every item of the real bank under a skill of the outline, for each exam', () => {
		for (const track of TRACKS) {
			const bank = trackItems(content, track);
			const { results, total } = scoreExam(bank, {});
			const skills = scoreBySkill(bank, results, skillLines(trackOutline(content, track)!));
			expect(skills.reduce((s, k) => s + k.total, 0), track).toBe(total);
		}
	});
});

describe('notesToReadNext', () => {
	it('lists the notes behind missed questions, most missed first, unanswered counting as missed', () => {
		const { results } = scoreExam(items, { a: wrong, c: wrong, k1: wrong, k2: wrong });
		expect(notesToReadNext(items, results)).toEqual([
			{ note: 'endpoints', missed: 2, total: 2 },
			{ note: 'batch', missed: 1, total: 1 },
			{ note: 'jobs', missed: 1, total: 1 }
		]);
		expect(notesToReadNext(items, results, 1).map((n) => n.note)).toEqual(['endpoints']);
	});

	it('breaks ties by the share missed, and is empty after a perfect exam', () => {
		const { results } = scoreExam(items, { a: right, b: wrong, c: wrong, k1: right, k2: right });
		expect(notesToReadNext(items, results).map((n) => n.note)).toEqual(['batch', 'endpoints']);
		const perfect = scoreExam(items, { a: right, b: right, c: right, k1: right, k2: right });
		expect(notesToReadNext(items, perfect.results)).toEqual([]);
	});
});
