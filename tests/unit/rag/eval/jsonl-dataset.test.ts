import { describe, expect, it } from 'vitest';
import { JsonlDatasetError, MAX_JSONL_LINES, mappedPath, parseJsonlDataset, type FieldMapping } from '../../../../src/lib/rag/eval/jsonl-dataset';

const MAPPING: FieldMapping = { query: '${data.question}', ground_truth: '${data.answer}', context: '${data.passages}', relevant: '${data.doc_id}', id: '${data.meta.id}' };

function problems(text: string, mapping: FieldMapping = MAPPING): string[] {
	try {
		parseJsonlDataset(text, mapping);
	} catch (e) {
		if (e instanceof JsonlDatasetError) return e.problems;
		throw e;
	}
	throw new Error('expected the dataset to be refused');
}

describe('JSONL dataset with a Foundry-style data mapping', () => {
	it('maps fields, nested ids, context lists and relevant documents with sections', () => {
		const text = [
			'{"question":"What is a managed online endpoint?","answer":"A hosted real-time endpoint.","passages":["p1","p2"],"doc_id":"managed-online-endpoints#blue-green","meta":{"id":"q-1"}}',
			'',
			'{"question":" Which job tunes hyperparameters? ","answer":"A sweep job.","doc_id":["sweep-jobs","mlflow"],"meta":{"id":2}}\r'
		].join('\n');
		const { examples, fields } = parseJsonlDataset(`\uFEFF${text}\n`, MAPPING);
		expect(examples).toEqual([
			{ id: 'q-1', query: 'What is a managed online endpoint?', groundTruth: 'A hosted real-time endpoint.', relevant: [{ docId: 'managed-online-endpoints', section: 'blue-green' }], context: 'p1\n\np2' },
			{ id: '2', query: 'Which job tunes hyperparameters?', groundTruth: 'A sweep job.', relevant: [{ docId: 'sweep-jobs' }, { docId: 'mlflow' }] }
		]);
		expect(fields).toEqual(['question', 'answer', 'passages', 'doc_id', 'meta']);
	});

	it('uses the default query / ground_truth mapping and line ids when no id is mapped', () => {
		const { examples } = parseJsonlDataset('{"query":"q","ground_truth":"g"}\n{"query":"q2","ground_truth":"g2"}');
		expect(examples.map((e) => [e.id, e.relevant])).toEqual([
			['line-1', []],
			['line-2', []]
		]);
	});

	it('names invalid JSON and non-objects by line', () => {
		const found = problems('{"question":"q","answer":"a","meta":{"id":1}}\n{"question": "q2",\n[1,2]');
		expect(found).toHaveLength(2);
		expect(found[0]).toMatch(/^Line 2 is not valid JSON \(.+\)\.$/);
		expect(found[1]).toBe('Line 3 is a list, not a JSON object.');
	});

	it('refuses an empty file and a file over the line limit', () => {
		expect(problems('\n  \n')).toEqual(['The file is empty: a JSONL dataset has one JSON object per line.']);
		const big = Array.from({ length: MAX_JSONL_LINES + 1 }, (_, i) => `{"query":"q${i}","ground_truth":"g"}`).join('\n');
		expect(problems(big, { query: '${data.query}', ground_truth: '${data.ground_truth}' })).toEqual([`The file has ${MAX_JSONL_LINES + 1} lines; at most ${MAX_JSONL_LINES} can be evaluated at once.`]);
	});

	it('says which fields exist when the mapping points at a field no line has', () => {
		expect(problems('{"q":"x","a":"y"}\n{"q":"z","a":"w","extra":1}', { query: '${data.question}', ground_truth: '${data.a}' })).toEqual([
			'The mapping for query points at data.question, but no line has that field. Fields found: q, a, extra.'
		]);
	});

	it('refuses a mapping that does not use ${data.<field>} or leaves out a required input', () => {
		expect(problems('{"q":"x"}', { query: 'question', ground_truth: '' })).toEqual([
			'The mapping for query must look like ${data.<field>}, not "question".',
			'The mapping for ground_truth is missing: map it to a field, e.g. ${data.ground_truth}.'
		]);
		expect(mappedPath('${data.meta.id}')).toEqual(['meta', 'id']);
		expect(mappedPath('${target.response}')).toBeNull();
	});

	it('names a missing mapped field, a wrong type, an empty query and a repeated id by line', () => {
		const text = [
			'{"question":"ok","answer":"a","meta":{"id":"x"}}',
			'{"answer":"a","meta":{"id":"y"}}',
			'{"question":42,"answer":"a","meta":{"id":"z"}}',
			'{"question":"  ","answer":"a","meta":{"id":"w"}}',
			'{"question":"q","answer":"a","doc_id":{"id":1},"meta":{"id":"x"}}'
		].join('\n');
		const { context: _context, ...withoutContext } = MAPPING;
		expect(problems(text, withoutContext)).toEqual([
			'Line 2 has no "question" (mapped to query).',
			'Line 3: "question" (mapped to query) must be text, not a number.',
			'Line 4: "question" (mapped to query) is empty.',
			'Line 5: "doc_id" (mapped to relevant) must be text or a list of texts, not an object.',
			'Line 5 repeats the id "x" of line 1.'
		]);
	});

	it('lists at most ten problems in its message', () => {
		const text = Array.from({ length: 12 }, () => '{"answer":"a","question":1,"meta":{"id":"i"}}').join('\n');
		const error = (() => {
			try {
				parseJsonlDataset(text, { query: '${data.question}', ground_truth: '${data.answer}', id: '${data.meta.id}' });
			} catch (e) {
				return e as JsonlDatasetError;
			}
		})()!;
		expect(error.problems.length).toBeGreaterThan(10);
		expect(error.message.split('\n')).toHaveLength(11);
		expect(error.message).toMatch(/…and \d+ more problems\.$/);
	});
});
