import { describe, expect, it } from 'vitest';
import { getHeadingList } from 'marked-gfm-heading-id';
import { buildContent } from '../../../src/lib/content/bundle';
import { renderMarkdown } from '../../../src/lib/content/render-markdown';
import { markdownSections, sectionSentences, sectionText } from '../../../src/lib/rag/markdown-text';
import { readContentDir } from '../content/read-content-dir';

describe('markdownSections', () => {
	it('splits at headings and strips Markdown syntax from text', () => {
		const md = 'Intro with **bold** and [a link](https://x.test).\n\n## First `code` part\nA sentence. Another one!\n\n- item one\n- item *two*\n\n## Second & last\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nml_client.jobs.create_or_update(job)\n```\n';
		const sections = markdownSections(md);
		expect(sections.map((s) => [s.slug, s.heading])).toEqual([
			['', ''],
			['first-code-part', 'First code part'],
			['second--last', 'Second & last']
		]);
		expect(sectionText(sections[0]!)).toBe('Intro with bold and a link.');
		expect(sectionSentences(sections[1]!)).toEqual(['A sentence.', 'Another one!', 'item one', 'item two']);
		expect(sections[2]!.blocks).toEqual([
			{ text: 'a; b', code: false },
			{ text: '1; 2', code: false },
			{ text: 'ml_client.jobs.create_or_update(job)', code: true }
		]);
	});

	it('does not split sentences at abbreviations followed by lower case or at dotted names', () => {
		const [section] = markdownSections('Use e.g. a managed endpoint. Call ml_client.jobs.stream(name). Then wait.');
		expect(sectionSentences(section!)).toEqual(['Use e.g. a managed endpoint.', 'Call ml_client.jobs.stream(name).', 'Then wait.']);
	});

	it('gives every heading of every note the anchor id the note page gives it', () => {
		const { content } = buildContent(readContentDir());
		expect(content.notes.length).toBeGreaterThan(40);
		for (const note of content.notes) {
			renderMarkdown(note.body);
			const ids = getHeadingList().map((h) => h.id);
			const slugs = markdownSections(note.body).filter((s) => s.heading !== '').map((s) => s.slug);
			expect(slugs, note.id).toEqual(ids);
		}
	}, 30_000);
});
