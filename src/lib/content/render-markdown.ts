// Markdown → HTML at build time only (pages import this from +page.server.ts files), and only for
// repository content. Text a user types or imports is never passed through here.
// Headings get GitHub-style ids (for the outline and for search results that open at a section);
// code is highlighted here, so no highlighter ships to the browser.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import yaml from 'highlight.js/lib/languages/yaml';
import { Marked } from 'marked';
import { gfmHeadingId, getHeadingList } from 'marked-gfm-heading-id';
import { markedHighlight } from 'marked-highlight';

hljs.registerLanguage('python', python);
hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('json', json);

const marked = new Marked(
	{ gfm: true, async: false },
	markedHighlight({
		langPrefix: 'hljs language-',
		highlight: (code, lang) => (hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang }).value : code.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!))
	}),
	gfmHeadingId()
);

export interface RenderedMarkdown {
	html: string;
	/** Level-2 headings, in order, with their ids. */
	outline: { id: string; text: string }[];
}

export function renderMarkdown(markdown: string): string {
	return marked.parse(markdown) as string;
}

export function renderWithOutline(markdown: string): RenderedMarkdown {
	const html = marked.parse(markdown) as string;
	const outline = getHeadingList()
		.filter((h) => h.level === 2)
		.map((h) => ({ id: h.id, text: h.raw }));
	return { html, outline };
}

export function renderInline(markdown: string): string {
	return marked.parseInline(markdown) as string;
}
