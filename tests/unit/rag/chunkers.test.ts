import { describe, expect, it } from 'vitest';
import { chunkCorpus, fixedWindows, HEADING_MAX_TOKENS, sentenceWindows } from '../../../src/lib/rag/chunkers';
import { chunkStats } from '../../../src/lib/rag/chunk-stats';
import { markdownSections, sectionText } from '../../../src/lib/rag/markdown-text';
import { countTokens, detokenize, tokenize } from '../../../src/lib/rag/tokens';
import type { Chunk, CorpusDoc } from '../../../src/lib/rag/types';

const doc = (id: string, text: string): CorpusDoc => ({ id, title: id, domain: 'd', text, url: `/notes/${id}` });

const NOTE = doc(
	'n1',
	[
		'Opening line before any heading.',
		'## Managed online endpoints',
		'An endpoint has a stable URL. Deployments sit behind it. Traffic is split between them.',
		'## Batch endpoints',
		'A batch endpoint scores files. It runs a job per invocation.',
		'- Outputs land in a datastore',
		'## Monitoring',
		'Data drift compares production data with training data. Alerts go to Azure Monitor.'
	].join('\n\n')
);

describe('tokens', () => {
	it('counts o200k_base tokens and round-trips token ids', () => {
		expect(countTokens('')).toBe(0);
		expect(countTokens('hello world')).toBe(2);
		const text = 'Azure Machine Learning endpoints';
		expect(detokenize(tokenize(text))).toBe(text);
		expect(tokenize(text)).toHaveLength(countTokens(text));
	});
});

describe('window arithmetic', () => {
	it('fixed windows step by size minus the overlap and end exactly at the last token', () => {
		expect(fixedWindows(10, 4, 0.25)).toEqual([[0, 4], [3, 7], [6, 10]]);
		expect(fixedWindows(8, 4, 0)).toEqual([[0, 4], [4, 8]]);
		expect(fixedWindows(3, 4, 0.25)).toEqual([[0, 3]]);
		expect(fixedWindows(0, 4, 0)).toEqual([]);
		expect(() => fixedWindows(10, 4, 1)).toThrow(/overlap/);
	});

	it('sentence windows move by the stride and end at the last sentence', () => {
		expect(sentenceWindows(5, 2, 1)).toEqual([[0, 2], [1, 3], [2, 4], [3, 5]]);
		expect(sentenceWindows(5, 3, 3)).toEqual([[0, 3], [3, 5]]);
		expect(() => sentenceWindows(5, 2, 3)).toThrow(/stride/);
	});
});

function expectWellFormed(chunks: Chunk[], docId = 'n1') {
	chunks.forEach((c, i) => {
		expect(c.id).toBe(`${docId}#${i}`);
		expect(c.text.trim()).not.toBe('');
		expect(c.tokens).toBe(countTokens(c.text));
	});
}

describe('chunkCorpus', () => {
	it('by heading: one chunk per section, the heading and slug of that section', () => {
		const chunks = chunkCorpus([NOTE], { kind: 'heading' });
		expectWellFormed(chunks);
		expect(chunks.map((c) => [c.section, c.heading])).toEqual([
			['', ''],
			['managed-online-endpoints', 'Managed online endpoints'],
			['batch-endpoints', 'Batch endpoints'],
			['monitoring', 'Monitoring']
		]);
		expect(chunks[2]!.text).toBe('Batch endpoints\n\nA batch endpoint scores files. It runs a job per invocation.\n\nOutputs land in a datastore');
	});

	it('by heading: a long section is cut between paragraphs, each piece under the limit and keeping its heading', () => {
		const paragraph = 'Registered models are versioned assets that deployments reference by name and version. '.repeat(12).trim();
		const long = doc('n1', `## Registry\n\n${Array.from({ length: 8 }, () => paragraph).join('\n\n')}`);
		const chunks = chunkCorpus([long], { kind: 'heading' });
		expect(chunks.length).toBeGreaterThan(1);
		expectWellFormed(chunks);
		for (const c of chunks) {
			expect(c.tokens).toBeLessThanOrEqual(HEADING_MAX_TOKENS);
			expect(c.text.startsWith('Registry\n\n')).toBe(true);
			expect(c.section).toBe('registry');
		}
		expect(chunks.map((c) => c.text.split('\n\n').length - 1).reduce((a, b) => a + b)).toBe(8);
	});

	it('fixed: consecutive chunks share exactly the asked overlap of tokens, and each names the section it starts in', () => {
		const size = 16;
		const chunks = chunkCorpus([NOTE], { kind: 'fixed', size, overlap: 0.25 });
		expectWellFormed(chunks);
		const sections = markdownSections(NOTE.text);
		const plain = sections.map(sectionText).join('\n\n');
		const tokens = tokenize(plain);
		const windows = fixedWindows(tokens.length, size, 0.25);
		expect(chunks.map((c) => c.text)).toEqual(windows.map(([s, e]) => detokenize(tokens.slice(s, e)).trim()));
		expect(chunks.length).toBeGreaterThan(3);
		for (let i = 0; i + 1 < windows.length; i++) {
			const [, end] = windows[i]!;
			const [nextStart] = windows[i + 1]!;
			expect(end - nextStart).toBe(4);
			const shared = detokenize(tokens.slice(nextStart, end)).trim();
			expect(chunks[i]!.text.endsWith(shared)).toBe(true);
			expect(chunks[i + 1]!.text.startsWith(shared)).toBe(true);
		}
		let from = 0;
		for (const c of chunks) {
			const at = plain.indexOf(c.text, from);
			expect(at).toBeGreaterThanOrEqual(0);
			from = at + 1;
			const owner = sections.filter((s) => plain.indexOf(sectionText(s)) <= at).at(-1)!;
			expect(c.section, c.text).toBe(owner.slug);
		}
	});

	it('sentences: windows of sentences with the stride asked, never a heading, section of the first sentence', () => {
		const chunks = chunkCorpus([NOTE], { kind: 'sentences', window: 2, stride: 1 });
		expectWellFormed(chunks);
		expect(chunks.map((c) => [c.text, c.section])).toEqual([
			['Opening line before any heading. An endpoint has a stable URL.', ''],
			['An endpoint has a stable URL. Deployments sit behind it.', 'managed-online-endpoints'],
			['Deployments sit behind it. Traffic is split between them.', 'managed-online-endpoints'],
			['Traffic is split between them. A batch endpoint scores files.', 'managed-online-endpoints'],
			['A batch endpoint scores files. It runs a job per invocation.', 'batch-endpoints'],
			['It runs a job per invocation. Outputs land in a datastore', 'batch-endpoints'],
			['Outputs land in a datastore Data drift compares production data with training data.', 'batch-endpoints'],
			['Data drift compares production data with training data. Alerts go to Azure Monitor.', 'monitoring']
		]);
	});

	it('numbers chunks per document and skips documents with no text', () => {
		const chunks = chunkCorpus([doc('a', '## Only\n\nOne. Two.'), doc('empty', ''), doc('b', 'Three.')], { kind: 'sentences', window: 1, stride: 1 });
		expect(chunks.map((c) => c.id)).toEqual(['a#0', 'a#1', 'b#0']);
	});
});

describe('chunkStats', () => {
	const sized = (tokens: number[]): Chunk[] => tokens.map((t, i) => ({ id: `d#${i}`, docId: 'd', section: '', heading: '', text: 'x', tokens: t }));

	it('gives count, min, median, nearest-rank p90, max and a histogram covering every chunk', () => {
		const stats = chunkStats(sized([10, 40, 20, 30, 100, 50, 60, 70, 80, 90]));
		expect(stats).toMatchObject({ count: 10, min: 10, median: 55, p90: 90, max: 100, totalTokens: 550 });
		expect(stats.histogram[0]).toEqual({ from: 0, to: 20, count: 1 });
		expect(stats.histogram.at(-1)).toEqual({ from: 100, to: 120, count: 1 });
		expect(stats.histogram.reduce((n, b) => n + b.count, 0)).toBe(10);
	});

	it('is all zeros for no chunks', () => {
		expect(chunkStats([])).toEqual({ count: 0, min: 0, median: 0, p90: 0, max: 0, totalTokens: 0, histogram: [] });
	});
});
