// A timed exam for a track is drawn by that track's weights (DP-100 items that carry over count in
// their AI-300 domain), and readiness per domain counts the cards that serve the track.
import { describe, expect, it } from 'vitest';
import { cardTrackDomains, trackItems } from '../../../src/lib/content/tracks';
import type { ExamItem, ExamOutline, Note } from '../../../src/lib/content/schema';
import { drawExam, EXAM_LENGTHS } from '../../../src/lib/study/exam-engine';
import { recallOnDate } from '../../../src/lib/study/progress-stats';
import { gradeCard, newCardState, Rating, type CardState } from '../../../src/lib/study/scheduler';

const ai300Domains: [string, [number, number]][] = [
	['mlops-infrastructure', [15, 20]],
	['model-lifecycle', [25, 30]],
	['genaiops-infrastructure', [20, 25]],
	['genai-quality', [10, 15]],
	['genai-optimization', [10, 15]]
];
const task = (domain: string) => `Task of ${domain}`;
const ai300: ExamOutline = {
	exam: 'AI-300',
	title: 'T',
	checked: '',
	source: 'https://x',
	domains: ai300Domains.map(([id, weight]) => ({ id, title: id, weight, skills: ['S'] })),
	subskills: Object.fromEntries(ai300Domains.map(([id]) => [id, { S: [task(id)] }]))
};
const dp100: ExamOutline = { ...ai300, exam: 'DP-100', domains: [{ id: 'train-deploy', title: 'TD', weight: [100, 100], skills: ['S'] }], subskills: { 'train-deploy': { S: ['Deploy'] } } };

const item = (id: string, domain: string, skill: string, extra: Partial<ExamItem> = {}): ExamItem => ({
	id,
	type: 'single',
	domain,
	note: 'n',
	source: 'https://x',
	skill,
	stem: id,
	options: [
		{ text: 'a', correct: true, why: 'w' },
		{ text: 'b', correct: false, why: 'w' }
	],
	statements: [],
	items: [],
	explanation: 'e',
	file: 'f',
	...extra
});

// 20 own items per AI-300 domain, plus 15 DP-100 items carried over into model-lifecycle and 30 that do not carry over.
const items = [
	...ai300Domains.flatMap(([d]) => Array.from({ length: 20 }, (_, i) => item(`${d}-${i}`, d, task(d)))),
	...Array.from({ length: 15 }, (_, i) => item(`td-c${i}`, 'train-deploy', 'Deploy', { ai300: task('model-lifecycle') })),
	...Array.from({ length: 30 }, (_, i) => item(`td-${i}`, 'train-deploy', 'Deploy'))
];
const content = { outline: dp100, ai300, notes: [] as Note[], labs: [], items };

describe('a timed exam drawn for a track', () => {
	it('keeps every AI-300 domain within its weight range, for every exam length and many seeds', () => {
		const bank = trackItems(content, 'ai300');
		for (const length of EXAM_LENGTHS) {
			for (let seed = 1; seed <= 25; seed++) {
				const drawn = drawExam(bank, ai300.domains, length, seed);
				expect(drawn).toHaveLength(length);
				for (const [id, [lo, hi]] of ai300Domains) {
					const n = drawn.filter((i) => i.domain === id).length;
					expect(n, `${id} in a ${length}-item exam (seed ${seed})`).toBeGreaterThanOrEqual(Math.floor((lo / 100) * length));
					expect(n, `${id} in a ${length}-item exam (seed ${seed})`).toBeLessThanOrEqual(Math.ceil((hi / 100) * length));
				}
				expect(drawn.some((i) => i.id.startsWith('td-') && !i.id.startsWith('td-c')), 'a DP-100-only item').toBe(false);
			}
		}
	});

	it('draws carried-over DP-100 items into their AI-300 domain', () => {
		const seen = new Set<string>();
		for (let seed = 1; seed <= 40; seed++) for (const i of drawExam(trackItems(content, 'ai300'), ai300.domains, 60, seed)) if (i.id.startsWith('td-c')) seen.add(i.domain);
		expect([...seen]).toEqual(['model-lifecycle']);
	});

	it('draws a DP-100 exam from DP-100 items only, carried-over ones included in their own domain', () => {
		const drawn = drawExam(trackItems(content, 'dp100'), dp100.domains, 40, 7);
		expect(drawn).toHaveLength(40);
		expect(drawn.every((i) => i.domain === 'train-deploy')).toBe(true);
	});
});

describe('readiness per track', () => {
	const note = (id: string, domain: string, ai300Skills: string[] = []): Note => ({ id, title: id, domain, order: 1, objectives: [], sources: [], ai300Skills, ai300SkillLines: [], body: '', file: '' });
	const notes = [note('endpoints', 'train-deploy', [task('model-lifecycle')]), note('automl', 'train-deploy'), note('evals', 'genai-quality')];
	const cards = [
		{ id: 'dp100/endpoints', note: 'endpoints' },
		{ id: 'dp100/automl', note: 'automl' },
		{ id: 'ai300-genaiops/evals', note: 'evals' }
	];
	const tracked = { ...content, notes };
	const now = new Date(Date.UTC(2026, 10, 30));
	const studied = (id: string): CardState => gradeCard(newCardState(id, now), Rating.Easy, now, 0).next;
	const states = new Map([['dp100/endpoints', studied('dp100/endpoints')], ['dp100/automl', studied('dp100/automl')]]);

	it('counts a card for AI-300 when its note serves an AI-300 task line, in that line’s domain', () => {
		expect(cardTrackDomains(tracked, cards, 'ai300')).toEqual([
			['dp100/endpoints', 'model-lifecycle'],
			['ai300-genaiops/evals', 'genai-quality']
		]);
		expect(cardTrackDomains(tracked, cards, 'dp100')).toEqual([
			['dp100/endpoints', 'train-deploy'],
			['dp100/automl', 'train-deploy']
		]);
	});

	it('gives each exam its own predicted recall per domain from the same reviews', () => {
		const forAi300 = recallOnDate(new Map(cardTrackDomains(tracked, cards, 'ai300')), ai300.domains, states, now);
		const lifecycle = forAi300.domains.find((d) => d.domain === 'model-lifecycle')!;
		const quality = forAi300.domains.find((d) => d.domain === 'genai-quality')!;
		expect([lifecycle.cards, lifecycle.studied]).toEqual([1, 1]);
		expect(lifecycle.recall).toBeGreaterThan(0.9);
		expect([quality.cards, quality.studied, quality.recall]).toEqual([1, 0, 0]);
		const forDp100 = recallOnDate(new Map(cardTrackDomains(tracked, cards, 'dp100')), dp100.domains, states, now);
		expect(forDp100.domains[0]).toMatchObject({ domain: 'train-deploy', cards: 2, studied: 2 });
		expect(forDp100.overall).toBeGreaterThan(forAi300.overall);
	});
});
