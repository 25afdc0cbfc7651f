import { describe, expect, it } from 'vitest';
import { buildContent } from '../../../../src/lib/content/bundle';
import type { ExamItem } from '../../../../src/lib/content/schema';
import { datasetFromContent, queryFromStem, sampleExamples } from '../../../../src/lib/rag/eval/dataset-from-content';
import { readContentDir } from '../../content/read-content-dir';

function item(fields: Partial<ExamItem> & Pick<ExamItem, 'id' | 'type'>): ExamItem {
	return { domain: 'd', note: 'endpoints', source: 'https://learn.microsoft.com/x', skill: '', stem: '', options: [], statements: [], items: [], explanation: '', file: 'f.yaml', ...fields };
}

// Built once at load time, as the content tests do (parsing every file takes a few seconds on a busy machine).
const { content } = buildContent(readContentDir());
const NOTES = [{ id: 'endpoints', body: '## Blue-green deployments\n\nSplit traffic.\n\n## Batch endpoints\n\nScore files.' }];

describe('dataset from content', () => {
	it('turns a single-answer item into a query without boilerplate and a reference of answer + explanation', () => {
		const { examples } = datasetFromContent({
			notes: NOTES,
			decks: [],
			items: [
				item({
					id: 'td-1',
					type: 'multiple',
					stem: 'Which two settings move `traffic`? Each correct answer presents part of the solution. (Choose two.)',
					options: [
						{ text: 'Set the traffic split', correct: true, why: 'w' },
						{ text: 'Delete the endpoint', correct: false, why: 'w' },
						{ text: 'Mirror traffic', correct: true, why: 'w' }
					],
					explanation: 'Traffic moves per deployment'
				})
			]
		});
		expect(examples).toEqual([
			{ id: 'item:td-1', query: 'Which two settings move traffic?', groundTruth: 'Set the traffic split. Mirror traffic. Traffic moves per deployment.', relevant: [{ docId: 'endpoints' }] }
		]);
	});

	it('makes one example per yes/no statement, and narrows to a section its explanation names', () => {
		const { examples } = datasetFromContent({
			notes: NOTES,
			decks: [],
			items: [
				item({
					id: 'td-2',
					type: 'yesno',
					stem: 'For each statement about endpoints, select Yes if it is true. Otherwise, select No.',
					statements: [
						{ text: 'A deployment can take 10 % of traffic.', answer: true, why: 'Traffic is split by percentage.' },
						{ text: 'Mirroring returns the mirror’s answer.', answer: false, why: 'Mirrored answers are discarded.' }
					],
					explanation: 'See blue-green deployments.'
				})
			]
		});
		expect(examples.map((e) => e.id)).toEqual(['item:td-2:s1', 'item:td-2:s2']);
		expect(examples[1]).toEqual({
			id: 'item:td-2:s2',
			query: 'Mirroring returns the mirror’s answer.',
			groundTruth: 'Mirrored answers are discarded. See blue-green deployments.',
			relevant: [{ docId: 'endpoints', section: 'blue-green-deployments' }]
		});
	});

	it('keeps the order of an ordering item, takes case sub-items, cards, and skips what has no note', () => {
		const { examples, skipped } = datasetFromContent({
			notes: NOTES,
			decks: [{ cards: [{ id: 'dp/a', deck: 'dp', front: 'What is **blue-green**?', back: 'Two deployments.', tags: [], note: 'endpoints', file: 'c.md' }, { id: 'dp/b', deck: 'dp', front: 'Q', back: 'A', tags: [], note: 'gone', file: 'c.md' }] }],
			items: [
				item({ id: 'o-1', type: 'ordering', stem: 'Deploy a model. Put the steps in order.', options: [{ text: 'Create endpoint', correct: false, why: '' }, { text: 'Create deployment', correct: false, why: '' }], explanation: 'Endpoint first.' }),
				item({ id: 'c-1', type: 'case', scenario: 'Long story.', items: [item({ id: 'c-1a', type: 'single', stem: 'Which endpoint?', options: [{ text: 'Batch', correct: true, why: '' }], explanation: 'Files.' })] }),
				item({ id: 'x-1', type: 'single', note: 'missing-note', stem: 'Q?', options: [{ text: 'A', correct: true, why: '' }], explanation: 'E' })
			]
		});
		expect(examples.map((e) => [e.id, e.query, e.groundTruth])).toEqual([
			['item:o-1', 'Deploy a model.', 'Create endpoint. Create deployment. Endpoint first.'],
			['item:c-1a', 'Which endpoint?', 'Batch. Files.'],
			['card:dp/a', 'What is blue-green?', 'Two deployments.']
		]);
		expect(skipped).toEqual([
			{ id: 'item:x-1', note: 'missing-note' },
			{ id: 'card:dp/b', note: 'gone' }
		]);
	});

	it('strips the exam phrasing a question does not need', () => {
		expect(queryFromStem('What should you use? Each correct answer presents a complete solution. Choose two.')).toBe('What should you use?');
	});

	it('builds over a thousand questions with unique ids from the real content, all with an existing note', () => {
		const { examples, skipped } = datasetFromContent(content);
		expect(skipped).toEqual([]);
		expect(examples.length).toBeGreaterThan(1000);
		expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
		const noteIds = new Set(content.notes.map((n) => n.id));
		expect(examples.every((e) => e.query !== '' && e.groundTruth !== '' && noteIds.has(e.relevant[0]!.docId))).toBe(true);
		expect(examples.some((e) => /Otherwise, select No|Choose two/.test(e.query))).toBe(false);
		// A seeded sample of 300: the same for the same seed, in dataset order, different for another seed.
		const a = sampleExamples(examples, 300, 7);
		expect(a).toHaveLength(300);
		expect(sampleExamples(examples, 300, 7)).toEqual(a);
		expect(a.map((e) => examples.indexOf(e))).toEqual([...a.map((e) => examples.indexOf(e))].sort((x, y) => x - y));
		expect(sampleExamples(examples, 300, 8).map((e) => e.id)).not.toEqual(a.map((e) => e.id));
		expect(sampleExamples(examples, 5000, 1)).toHaveLength(examples.length);
	});
});
