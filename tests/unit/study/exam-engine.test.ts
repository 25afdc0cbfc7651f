import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';
import type { ExamItem, ItemType } from '../../../src/lib/content/schema';
import {
	displayOrder,
	domainQuotas,
	drawExam,
	examMinutes,
	examQuestions,
	isAnswered,
	scaledScore,
	scoreExam,
	scoreItem,
	unitCount
} from '../../../src/lib/study/exam-engine';
import { readContentDir } from '../content/read-content-dir';

const { content } = buildContent(readContentDir());
const outline = content.outline!;

function item(id: string, type: ItemType, over: Partial<ExamItem> = {}): ExamItem {
	return { id, type, domain: 'a', note: 'n', source: 'https://x', skill: 'Task', stem: `Stem ${id}`, options: [], statements: [], items: [], explanation: 'Because.', file: 'f', ...over };
}
const opts = (...correct: boolean[]) => correct.map((c, i) => ({ text: `Option ${i}`, correct: c, why: `why ${i}` }));
const single = (id: string, domain = 'a') => item(id, 'single', { domain, options: opts(false, true, false, false) });
const multiple = (id: string) => item(id, 'multiple', { options: opts(true, false, true, false) });
const ordering = (id: string, steps = 4) => item(id, 'ordering', { options: opts(...Array<boolean>(steps).fill(false)) });
const yesno = (id: string) =>
	item(id, 'yesno', {
		statements: [
			{ text: 's0', answer: true, why: 'w' },
			{ text: 's1', answer: false, why: 'w' }
		]
	});
const caseStudy = (id: string, domain: string, subs: number) =>
	item(id, 'case', { domain, scenario: 'Scenario', items: Array.from({ length: subs }, (_, i) => single(`${id}${String.fromCharCode(97 + i)}`, domain)) });

const units = (items: ExamItem[]) => items.reduce((s, i) => s + unitCount(i), 0);
const unitsByDomain = (items: ExamItem[]) => {
	const m: Record<string, number> = {};
	for (const i of items) m[i.domain] = (m[i.domain] ?? 0) + unitCount(i);
	return m;
};

describe('drawExam', () => {
	const midpoints = outline.domains.map((d) => (d.weight[0] + d.weight[1]) / 2);
	const weightSum = midpoints.reduce((s, m) => s + m, 0);

	for (const length of [20, 40, 60]) {
		it(`draws exactly ${length} questions from the real content, each domain within one item of its weight`, () => {
			for (const seed of [1, 2, 3, 99]) {
				const exam = drawExam(content.items, outline.domains, length, seed);
				expect(units(exam)).toBe(length);
				const byDomain = unitsByDomain(exam);
				outline.domains.forEach((d, i) => {
					const ideal = (length * midpoints[i]!) / weightSum;
					expect(Math.abs((byDomain[d.id] ?? 0) - ideal)).toBeLessThanOrEqual(1);
				});
				expect(new Set(exam.map((i) => i.id)).size).toBe(exam.length);
			}
		});
	}

	it('is reproducible from its seed and differs between seeds', () => {
		const a = drawExam(content.items, outline.domains, 40, 7).map((i) => i.id);
		const b = drawExam(content.items, outline.domains, 40, 7).map((i) => i.id);
		const c = drawExam(content.items, outline.domains, 40, 8).map((i) => i.id);
		expect(a).toEqual(b);
		expect(c).not.toEqual(a);
	});

	it('counts a case study as its sub-items and puts case studies last', () => {
		const items = [...Array.from({ length: 10 }, (_, i) => single(`s${i}`, 'a')), caseStudy('c1', 'a', 3)];
		const domains = [{ id: 'a', weight: [100, 100] as [number, number] }];
		const exam = drawExam(items, domains, 12, 1);
		// 12 questions: the 3-part case fits within half the share, so it can be drawn; total is exact either way.
		expect(units(exam)).toBe(12);
		const caseIndex = exam.findIndex((i) => i.type === 'case');
		if (caseIndex !== -1) expect(caseIndex).toBe(exam.length - 1);
		const all = drawExam(items, domains, 13, 1);
		expect(all.map((i) => i.id)).toContain('c1');
		expect(all.at(-1)!.id).toBe('c1');
	});

	it('never draws more questions than exist and gives a short domain’s share to the others', () => {
		const items = [single('a1', 'a'), single('a2', 'a'), ...Array.from({ length: 30 }, (_, i) => single(`b${i}`, 'b'))];
		const domains = [
			{ id: 'a', weight: [50, 50] as [number, number] },
			{ id: 'b', weight: [50, 50] as [number, number] }
		];
		const exam = drawExam(items, domains, 20, 3);
		expect(unitsByDomain(exam)).toEqual({ a: 2, b: 18 });
		expect(units(drawExam(items, domains, 60, 3))).toBe(32);
	});

	it('ignores items of domains that are not asked for (practice by domain)', () => {
		const exam = drawExam(content.items, [outline.domains[1]!], 20, 5);
		expect(units(exam)).toBe(20);
		expect(new Set(exam.map((i) => i.domain))).toEqual(new Set([outline.domains[1]!.id]));
	});
});

describe('domainQuotas', () => {
	it('splits by weight midpoints with the largest remainders rounded up', () => {
		const quotas = domainQuotas(outline.domains, 20, new Map(outline.domains.map((d) => [d.id, 100])));
		expect([...quotas.values()].reduce((s, n) => s + n, 0)).toBe(20);
		// Midpoints 22.5, 22.5, 27.5, 27.5 of 100: ideal 4.5, 4.5, 5.5, 5.5.
		expect([...quotas.values()].every((q) => q === 4 || q === 5 || q === 6)).toBe(true);
	});
});

describe('examQuestions', () => {
	it('expands a case study into its sub-items, each with the case beside it', () => {
		const c = caseStudy('c', 'a', 2);
		const qs = examQuestions([single('s'), c]);
		expect(qs.map((q) => q.item.id)).toEqual(['s', 'ca', 'cb']);
		expect(qs[1]!.caseItem).toBe(c);
		expect(qs[0]!.caseItem).toBeNull();
	});
});

describe('scoreItem', () => {
	it('single: right only with the one correct option', () => {
		const s = single('s');
		expect(scoreItem(s, { kind: 'choice', selected: [1] }).correct).toBe(true);
		const wrong = scoreItem(s, { kind: 'choice', selected: [2] });
		expect(wrong.correct).toBe(false);
		expect(wrong.options.map((o) => o.right)).toEqual([true, false, false, true]);
		expect(wrong.options[2]).toEqual({ chosen: true, correct: false, right: false });
		expect(scoreItem(s, undefined)).toMatchObject({ answered: false, correct: false });
	});

	it('multiple: the exact set; a partial or extra selection is wrong', () => {
		const m = multiple('m');
		expect(scoreItem(m, { kind: 'choice', selected: [2, 0] }).correct).toBe(true);
		expect(scoreItem(m, { kind: 'choice', selected: [0] })).toMatchObject({ answered: true, correct: false });
		expect(scoreItem(m, { kind: 'choice', selected: [0, 2, 3] }).correct).toBe(false);
	});

	it('ordering: every step in place; each step says whether it is in its place', () => {
		const o = ordering('o');
		expect(scoreItem(o, { kind: 'order', order: [0, 1, 2, 3] }).correct).toBe(true);
		const swapped = scoreItem(o, { kind: 'order', order: [0, 2, 1, 3] });
		expect(swapped.correct).toBe(false);
		expect(swapped.steps.map((s) => s.right)).toEqual([true, false, false, true]);
		expect(scoreItem(o, { kind: 'order', order: [0, 1] }).answered).toBe(false);
	});

	it('yesno: every statement right; an unanswered statement leaves the item unanswered and wrong', () => {
		const y = yesno('y');
		expect(scoreItem(y, { kind: 'yesno', answers: [true, false] }).correct).toBe(true);
		const oneWrong = scoreItem(y, { kind: 'yesno', answers: [true, true] });
		expect(oneWrong.correct).toBe(false);
		expect(oneWrong.statements.map((s) => s.right)).toEqual([true, false]);
		expect(scoreItem(y, { kind: 'yesno', answers: [true, null] })).toMatchObject({ answered: false, correct: false });
	});

	it('case: each sub-item scored on its own', () => {
		const c = caseStudy('c', 'a', 3);
		const r = scoreItem(c, { kind: 'case', parts: { ca: { kind: 'choice', selected: [1] }, cb: { kind: 'choice', selected: [0] } } });
		expect(r.parts.map((p) => [p.itemId, p.answered, p.correct])).toEqual([
			['ca', true, true],
			['cb', true, false],
			['cc', false, false]
		]);
		expect(r.correct).toBe(false);
	});

	it('isAnswered follows each type', () => {
		expect(isAnswered(single('s'), { kind: 'choice', selected: [] })).toBe(false);
		expect(isAnswered(multiple('m'), { kind: 'choice', selected: [3] })).toBe(true);
		expect(isAnswered(ordering('o'), { kind: 'order', order: [3, 2, 1, 0] })).toBe(true);
		expect(isAnswered(yesno('y'), { kind: 'yesno', answers: [false, false] })).toBe(true);
	});
});

describe('scoreExam', () => {
	it('totals questions per domain, counting each case sub-item, and scales to 1000', () => {
		const items = [single('a1', 'a'), single('a2', 'a'), single('b1', 'b'), caseStudy('c', 'b', 2)];
		const score = scoreExam(items, {
			a1: { kind: 'choice', selected: [1] },
			a2: { kind: 'choice', selected: [0] },
			b1: { kind: 'choice', selected: [1] },
			ca: { kind: 'choice', selected: [1] }
		});
		expect(score.byDomain).toEqual({ a: { correct: 1, total: 2 }, b: { correct: 2, total: 3 } });
		expect(score.correct).toBe(3);
		expect(score.total).toBe(5);
		expect(score.scaled).toBe(600);
		expect(score.passed).toBe(false);
		expect(score.results).toHaveLength(4);
	});

	it('an exam stopped early is scored on the answered questions only, per domain, with every question still in the results', () => {
		const items = [single('a1', 'a'), single('a2', 'a'), single('b1', 'b'), caseStudy('c', 'b', 2)];
		const responses = { a1: { kind: 'choice' as const, selected: [1] }, a2: { kind: 'choice' as const, selected: [0] }, cb: { kind: 'choice' as const, selected: [1] } };
		const partial = scoreExam(items, responses, { answeredOnly: true });
		expect(partial.byDomain).toEqual({ a: { correct: 1, total: 2 }, b: { correct: 1, total: 1 } });
		expect(partial).toMatchObject({ correct: 2, total: 3, scaled: 667 });
		expect(partial.results).toHaveLength(4);
		// Submitted instead, the two unanswered questions count as wrong.
		expect(scoreExam(items, responses)).toMatchObject({ correct: 2, total: 5, scaled: 400 });
		// Nothing answered: nothing scored, not a zero over every question.
		expect(scoreExam(items, {}, { answeredOnly: true })).toMatchObject({ correct: 0, total: 0, byDomain: {} });
	});

	it('passes at 700', () => {
		expect(scaledScore(7, 10)).toBe(700);
		expect(scaledScore(0, 0)).toBe(0);
		const items = Array.from({ length: 10 }, (_, i) => single(`s${i}`));
		const responses = Object.fromEntries(items.map((it, i) => [it.id, { kind: 'choice' as const, selected: [i < 7 ? 1 : 0] }]));
		expect(scoreExam(items, responses)).toMatchObject({ scaled: 700, passed: true });
	});
});

describe('displayOrder', () => {
	it('is a seeded permutation, stable for a seed', () => {
		const s = single('s');
		const a = displayOrder(s, 11);
		expect([...a].sort()).toEqual([0, 1, 2, 3]);
		expect(displayOrder(s, 11)).toEqual(a);
		const seen = new Set(Array.from({ length: 30 }, (_, seed) => displayOrder(s, seed).join()));
		expect(seen.size).toBeGreaterThan(5);
	});

	it('never shows an ordering item of three or more steps in the correct order', () => {
		for (const steps of [3, 4, 5]) {
			for (let seed = 0; seed < 500; seed++) {
				const order = displayOrder(ordering(`o${steps}`, steps), seed);
				expect(order.every((v, i) => v === i)).toBe(false);
			}
		}
		for (const o of content.items.filter((i) => i.type === 'ordering')) {
			expect(displayOrder(o, 1).every((v, i) => v === i)).toBe(false);
		}
	});
});

describe('examMinutes', () => {
	it('scales the full exam time to the length', () => {
		expect(examMinutes(60)).toBe(100);
		expect(examMinutes(40)).toBe(67);
		expect(examMinutes(20)).toBe(33);
	});
});
