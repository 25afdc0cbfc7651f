// The practice-exam bank must not be answerable by form (longest key, Yes bias, retired names as
// giveaways), must not repeat itself, and must test every task line of the outline. The measures
// are checked on tiny hand-made banks first, so the bank-wide thresholds below can fail.
import { describe, expect, it } from 'vitest';
import { BANK_THRESHOLDS, bankProblems, bankReport, correctIsLongest, itemSimilarity, namesRetired } from '../../../src/lib/content/bank-lint';
import { buildContent } from '../../../src/lib/content/bundle';
import type { ExamItem, ExamOutline } from '../../../src/lib/content/schema';
import { trackItems } from '../../../src/lib/content/tracks';
import { readContentDir } from './read-content-dir';

const outline: ExamOutline = {
	exam: 'T',
	title: 'T',
	checked: '',
	source: 'https://x',
	domains: [
		{ id: 'a', title: 'A', weight: [50, 50], skills: ['Skill A'] },
		{ id: 'b', title: 'B', weight: [50, 50], skills: ['Skill B'] }
	],
	subskills: { a: { 'Skill A': ['Task one', 'Task two'] }, b: { 'Skill B': ['Task three'] } }
};

function single(id: string, domain: string, skill: string, key: string, others: string[], stem = `Question ${id} about something`): ExamItem {
	return {
		id,
		type: 'single',
		domain,
		note: 'n',
		source: 'https://x',
		skill,
		stem,
		options: [{ text: key, correct: true, why: 'w' }, ...others.map((text) => ({ text, correct: false, why: 'w' }))],
		statements: [],
		items: [],
		explanation: 'e',
		file: 'f'
	};
}

function yesno(id: string, domain: string, skill: string, answers: boolean[]): ExamItem {
	return { ...single(id, domain, skill, 'x', ['y']), type: 'yesno', options: [], statements: answers.map((answer, i) => ({ text: `Statement ${i} of ${id} says ${answer}`, answer, why: 'w' })) };
}

describe('bank lint measures', () => {
	it('counts a correct option as longest only when it is strictly longer than every distractor', () => {
		expect(correctIsLongest(single('1', 'a', 'Task one', 'the longest answer here', ['short', 'tiny']))).toBe(true);
		expect(correctIsLongest(single('2', 'a', 'Task one', 'same length', ['same length', 'x']))).toBe(false);
		expect(correctIsLongest(single('3', 'a', 'Task one', 'short', ['a much longer distractor']))).toBe(false);
	});

	it('reports the longest-key share per domain and names the items', () => {
		const items = [
			single('a1', 'a', 'Task one', 'a long correct option', ['no', 'nope']),
			single('a2', 'a', 'Task two', 'ok', ['an equally long distractor']),
			single('b1', 'b', 'Task three', 'ok', ['longer wrong one'])
		];
		const r = bankReport(items, outline);
		expect(r.domains.find((d) => d.domain === 'a')!.longestCorrect).toEqual(['a1']);
		expect(r.overall.longestCorrect).toEqual(['a1']);
		expect(bankProblems(r).find((p) => p.startsWith('a: '))).toContain('a1');
		expect(bankProblems(r).some((p) => p.startsWith('b: '))).toBe(false);
	});

	it('measures the Yes share over all statements and flags a biased bank', () => {
		const biased = bankReport([yesno('y1', 'a', 'Task one', [true, true, true]), yesno('y2', 'b', 'Task three', [true, false])], outline);
		expect([biased.overall.yes, biased.overall.statements]).toEqual([4, 5]);
		expect(bankProblems(biased).some((p) => p.startsWith('yes/no: 4/5'))).toBe(true);
		const balanced = bankReport([yesno('y1', 'a', 'Task one', [true, false]), yesno('y2', 'b', 'Task three', [true, false])], outline);
		expect(bankProblems(balanced).some((p) => p.startsWith('yes/no'))).toBe(false);
	});

	it('finds an option naming a retired SDK v1 class', () => {
		expect(namesRetired(single('r', 'a', 'Task one', 'command()', ['ScriptRunConfig(...)']))).toBe(true);
		expect(namesRetired(single('r', 'a', 'Task one', 'command()', ['sweep()']))).toBe(false);
		const items = [single('r1', 'a', 'Task one', 'command()', ['An AciWebservice']), single('r2', 'a', 'Task two', 'x', ['y'])];
		expect(bankProblems(bankReport(items, outline)).find((p) => p.startsWith('retired'))).toContain('r1');
	});

	it('pairs items that ask the same thing in the same words or give the same answer', () => {
		const a = single('d1', 'a', 'Task one', 'Set min_instances to 0 on the cluster', ['x'], 'A cluster must cost nothing between jobs. What should you set?');
		const b = single('d2', 'b', 'Task three', 'Set min_instances to 0 on the cluster', ['y'], 'Which setting do you change?');
		const c = single('d3', 'a', 'Task two', 'Use a registry', ['z'], 'Models must move between regions. What should you use?');
		expect(itemSimilarity(a, b)).toBeGreaterThanOrEqual(BANK_THRESHOLDS.duplicateSimilarity);
		expect(itemSimilarity(a, c)).toBeLessThan(BANK_THRESHOLDS.duplicateSimilarity);
		expect(bankReport([a, b, c], outline).duplicates.map((d) => [d.a, d.b])).toEqual([['d1', 'd2']]);
	});

	it('flags a domain below its minimum share of the bank', () => {
		const items = [single('a1', 'a', 'Task one', 'k', ['w']), single('a2', 'a', 'Task two', 'k', ['w']), single('b1', 'b', 'Task three', 'k', ['w'])];
		const r = bankReport(items, outline);
		expect(bankProblems(r, { ...BANK_THRESHOLDS, minDomainShare: { b: 0.4 } })).toContain('b: 1/3 items (33 %), below 40 %');
		expect(bankProblems(r, { ...BANK_THRESHOLDS, minDomainShare: { b: 0.3 } }).some((p) => p.startsWith('b: 1/3'))).toBe(false);
	});

	it('counts items per task line, including case sub-items, and names thin lines and unknown skills', () => {
		const sub = single('c1a', 'a', 'Task one', 'k', ['w']);
		const kase: ExamItem = { ...single('c1', 'a', '', 'k', ['w']), type: 'case', options: [], items: [sub], scenario: 's' };
		const r = bankReport([kase, single('x1', 'a', 'Task one', 'k', ['w']), single('x2', 'b', 'Not a task', 'k', ['w'])], outline);
		expect(r.perSkillLine.map((s) => [s.line.task, s.items])).toEqual([
			['Task one', ['c1a', 'x1']],
			['Task two', []],
			['Task three', []]
		]);
		expect(r.unmapped).toEqual(['x2']);
		const problems = bankProblems(r);
		expect(problems.some((p) => p.startsWith('skill line "Task two" (a) has 0 items'))).toBe(true);
		expect(problems.some((p) => p.includes('x2'))).toBe(true);
	});
});

describe('the practice-exam bank in content/questions', () => {
	const { content, errors } = buildContent(readContentDir());

	it('meets every threshold for DP-100 (the offending item ids are printed when it does not)', () => {
		expect(errors.map((e) => e.message)).toEqual([]);
		const report = bankReport(trackItems(content, 'dp100'), content.outline!);
		expect(bankProblems(report)).toEqual([]);
	});

	it('meets every threshold for AI-300, carried-over DP-100 items included', () => {
		expect(errors.map((e) => e.message)).toEqual([]);
		const items = trackItems(content, 'ai300');
		const report = bankReport(items, content.ai300!);
		// Gate: until the real AI-300 bank (≥ 200 items, issue 16) is merged, the sample bank is too
		// small for "≥ 4 items per task line"; every other threshold already holds. The lead makes
		// this strict once the content is in.
		const complete = items.length >= 200;
		expect(bankProblems(report, complete ? BANK_THRESHOLDS : { ...BANK_THRESHOLDS, minItemsPerSkillLine: 0 })).toEqual([]);
	});
});

describe('an exam bank per track', () => {
	it('counts a DP-100 item tagged ai300 for AI-300, in the domain and task line of its tag', () => {
		const ai300: ExamOutline = { ...outline, exam: 'AI-300', domains: [{ id: 'c', title: 'C', weight: [100, 100], skills: ['Skill C'] }], subskills: { c: { 'Skill C': ['Task four'] } } };
		const tagged = { ...single('a1', 'a', 'Task one', 'k', ['w']), ai300: 'Task four' };
		const own = single('c1', 'c', 'Task four', 'k', ['w']);
		const content = { outline, ai300, notes: [], labs: [], items: [tagged, single('a2', 'a', 'Task two', 'k', ['w']), own] };
		expect(trackItems(content, 'dp100').map((i) => [i.id, i.domain, i.skill])).toEqual([
			['a1', 'a', 'Task one'],
			['a2', 'a', 'Task two']
		]);
		expect(trackItems(content, 'ai300').map((i) => [i.id, i.domain, i.skill])).toEqual([
			['a1', 'c', 'Task four'],
			['c1', 'c', 'Task four']
		]);
		expect(bankReport(trackItems(content, 'ai300'), ai300).perSkillLine.map((s) => s.items)).toEqual([['a1', 'c1']]);
	});
});
