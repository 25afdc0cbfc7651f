import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../src/lib/content/bundle';
import type { ExamItem } from '../../../src/lib/content/schema';
import { mistakeCard, plainText } from '../../../src/lib/study/mistake-card';
import { readContentDir } from '../content/read-content-dir';

const { content } = buildContent(readContentDir());
const base = { domain: 'a', note: 'n', source: 'https://x', skill: 'Task', options: [], statements: [], items: [], file: 'f' };

describe('plainText', () => {
	it('drops markdown syntax and keeps the words', () => {
		expect(plainText('Call `ml_client.jobs.create_or_update(job)` with **care**, see [the docs](https://x) and *this*.')).toBe(
			'Call ml_client.jobs.create_or_update(job) with care, see the docs and this.'
		);
		expect(plainText('snake_case_name stays')).toBe('snake_case_name stays');
		expect(plainText('<b>x</b> 3 * 4')).toBe('x 3 * 4');
	});
});

describe('mistakeCard', () => {
	it('puts the stem and lettered options on the front, the correct ones and the explanation on the back', () => {
		const item: ExamItem = {
			...base,
			id: 'm',
			type: 'multiple',
			stem: 'Pick **two**.',
			options: [
				{ text: '`alpha`', correct: true, why: 'w' },
				{ text: 'beta', correct: false, why: 'w' },
				{ text: 'gamma', correct: true, why: 'w' }
			],
			explanation: 'Alpha and gamma, see `docs`.'
		};
		expect(mistakeCard(item)).toEqual({
			front: 'Pick two.\nA. alpha\nB. beta\nC. gamma',
			back: 'Correct answers:\nA. alpha\nC. gamma\n\nAlpha and gamma, see docs.'
		});
	});

	it('lists ordering steps out of order on the front and in order on the back', () => {
		const item = content.items.find((i) => i.type === 'ordering')!;
		const { front, back } = mistakeCard(item);
		const frontSteps = front.split('\n').slice(1).map((l) => l.slice(3));
		const steps = item.options.map((o) => plainText(o.text));
		expect([...frontSteps].sort()).toEqual([...steps].sort());
		expect(frontSteps).not.toEqual(steps);
		expect(back).toContain(steps.map((s, i) => `${i + 1}. ${s}`).join('\n'));
	});

	it('gives a case sub-item its scenario and a yes/no item its answers', () => {
		const c = content.items.find((i) => i.type === 'case' && i.items.some((s) => s.type === 'yesno'))!;
		const sub = c.items.find((s) => s.type === 'yesno')!;
		const { front, back } = mistakeCard(sub, c);
		expect(front.startsWith(plainText(c.stem))).toBe(true);
		expect(front).toContain(plainText(c.scenario!).split('\n')[0]!);
		expect(back).toMatch(/^1\. (Yes|No): /);
		expect(front).not.toMatch(/[<>]|\*\*|`/);
	});
});
