// Markdown → HTML at build time only (pages import this from +page.server.ts files), and only for
// repository content. Text a user types or imports is never passed through here.
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, async: false });

export function renderMarkdown(markdown: string): string {
	return marked.parse(markdown) as string;
}

export function renderInline(markdown: string): string {
	return marked.parseInline(markdown) as string;
}
