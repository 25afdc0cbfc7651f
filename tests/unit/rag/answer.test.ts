import { describe, expect, it } from 'vitest';
import { chunkSentences, extractiveAnswer } from '../../../src/lib/rag/answer';
import { buildPrompt, costUsd, SYSTEM_PROMPT } from '../../../src/lib/rag/prompt';
import { countTokens } from '../../../src/lib/rag/tokens';
import type { Chunk } from '../../../src/lib/rag/types';

const chunk = (id: string, heading: string, text: string): Chunk => ({ id, docId: id.split('#')[0]!, section: '', heading, text, tokens: countTokens(text) });

const FIRST = chunk('a#0', 'Online endpoints', 'Online endpoints\n\nAn online endpoint serves real-time requests. Each deployment behind it runs one model version. Blue-green rollouts shift traffic gradually.');
const SECOND = chunk('b#3', 'Batch', 'A batch endpoint scores large files asynchronously. Traffic is not split for batch endpoints. Ok.');

describe('extractiveAnswer', () => {
	it('keeps the sentences sharing most query terms, in retrieval then document order, each cited', () => {
		const { answer, citations } = extractiveAnswer('How is traffic split between deployments of an online endpoint?', [FIRST, SECOND], 2);
		expect(citations).toEqual([
			{ sentence: 'An online endpoint serves real-time requests.', chunkId: 'a#0' },
			{ sentence: 'Traffic is not split for batch endpoints.', chunkId: 'b#3' }
		]);
		expect(answer).toBe('An online endpoint serves real-time requests. Traffic is not split for batch endpoints.');
	});

	it('breaks equal overlap by retrieval rank, skips headings, fragments and repeated sentences', () => {
		expect(chunkSentences(FIRST)[0]).toBe('An online endpoint serves real-time requests.');
		expect(chunkSentences(SECOND)).not.toContain('Ok.');
		const repeat = chunk('a#1', '', 'Each deployment behind it runs one model version.');
		const { citations } = extractiveAnswer('model version', [repeat, FIRST], 3);
		expect(citations).toEqual([{ sentence: 'Each deployment behind it runs one model version.', chunkId: 'a#1' }]);
	});

	it('leaves out a window cut mid-sentence and a sentence tail another chunk holds whole', () => {
		// A fixed-size window starting inside a sentence: its first "sentence" is a lower-case tail.
		const tail = chunk('a#2', '', 'shift traffic gradually between two model deployments. Canary rollouts shift traffic slowly too.');
		const whole = chunk('a#5', '', 'Blue-green rollouts shift traffic gradually between two model deployments.');
		const { citations } = extractiveAnswer('How do rollouts shift traffic between deployments?', [tail, whole], 3);
		expect(citations.map((c) => c.chunkId + ' ' + c.sentence)).toEqual([
			'a#2 Canary rollouts shift traffic slowly too.',
			'a#5 Blue-green rollouts shift traffic gradually between two model deployments.'
		]);
		// Without the cut, the tail inside the whole sentence is still left out once the whole is chosen.
		const inner = chunk('a#7', '', 'Rollouts shift traffic gradually between two model deployments.');
		expect(extractiveAnswer('rollouts shift traffic deployments', [whole, inner], 3).citations.map((c) => c.chunkId)).toEqual(['a#5']);
	});

	it('is empty when nothing retrieved shares a term with the query', () => {
		expect(extractiveAnswer('kubernetes quota', [FIRST, SECOND], 3)).toEqual({ answer: '', citations: [] });
	});
});

describe('prompt and cost', () => {
	it('numbers the context with chunk ids and counts the chat framing', () => {
		const prompt = buildPrompt('What is a batch endpoint?', [FIRST, SECOND]);
		expect(prompt.system).toBe(SYSTEM_PROMPT);
		expect(prompt.context.startsWith('[1] a#0 — Online endpoints\nOnline endpoints\n\nAn online endpoint')).toBe(true);
		expect(prompt.context).toContain('\n\n[2] b#3 — Batch\nA batch endpoint');
		expect(prompt.user).toBe('What is a batch endpoint?');
		const user = `Context:\n${prompt.context}\n\nQuestion: What is a batch endpoint?`;
		expect(prompt.tokens).toBe(countTokens(SYSTEM_PROMPT) + countTokens(user) + 9);
	});

	it('prices input and output tokens per 1,000', () => {
		expect(costUsd(2000, 100, { inputPer1k: 0.0025, outputPer1k: 0.01 })).toBeCloseTo(0.006, 12);
	});
});
