// Markdown → plain-text sections, for chunking and for extractive answers. Sections start at every
// heading; their slugs are made exactly as the note page makes its anchors (marked-gfm-heading-id:
// inline HTML of the heading, entities and tags removed, lower-cased, github-slugger per document), so
// a chunk's section links to `/notes/<id>#<slug>`.
// Code blocks are kept as text (SDK calls and CLI commands are what learners search for) but as one
// block of their own, never split into sentences; tables become one line per row, cells joined by
// "; "; list items become one line each. Raw HTML is dropped.
import GithubSlugger from 'github-slugger';
import { Lexer, Parser, type Token, type Tokens } from 'marked';

export interface TextBlock {
	/** Plain text of a paragraph, list item, table row or code block. */
	text: string;
	code: boolean;
}

export interface TextSection {
	/** Slug of the heading ('' for text before the first heading). */
	slug: string;
	/** Heading text without Markdown ('' before the first heading). */
	heading: string;
	blocks: TextBlock[];
}

const ENTITY = /&(#(?:\d+)|(?:#x[0-9A-Fa-f]+)|(?:\w+));?/gi;

/** The anchor marked-gfm-heading-id gives a heading, from its inline tokens. */
function headingSlug(slugger: GithubSlugger, tokens: Token[]): string {
	const html = Parser.parseInline(tokens);
	const raw = html
		.replace(ENTITY, (_, n: string) => {
			const name = n.toLowerCase();
			if (name === 'colon') return ':';
			if (name.startsWith('#')) return String.fromCharCode(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
			return '';
		})
		.trim()
		.replace(/<[!/a-z].*?>/gi, '');
	return slugger.slug(raw.toLowerCase());
}

/** Plain text of inline tokens: emphasis, links and code spans keep their text; HTML is dropped. */
export function inlineText(tokens: readonly Token[]): string {
	let out = '';
	for (const t of tokens) {
		if (t.type === 'html') continue;
		if (t.type === 'br') out += ' ';
		else if (t.type === 'image') out += (t as Tokens.Image).text;
		else if ('tokens' in t && t.tokens && t.tokens.length > 0) out += inlineText(t.tokens);
		else if ('text' in t && typeof t.text === 'string') out += t.text;
	}
	return out.replace(/\s+/g, ' ').trim();
}

function blocksOf(token: Token): TextBlock[] {
	switch (token.type) {
		case 'paragraph':
		case 'text':
			return [{ text: inlineText((token as Tokens.Paragraph).tokens ?? []) || token.text, code: false }];
		case 'code':
			return [{ text: (token as Tokens.Code).text, code: true }];
		case 'list':
			return (token as Tokens.List).items.flatMap((item) => item.tokens.flatMap(blocksOf));
		case 'blockquote':
			return (token as Tokens.Blockquote).tokens.flatMap(blocksOf);
		case 'table': {
			const table = token as Tokens.Table;
			return [table.header, ...table.rows].map((row) => ({ text: row.map((cell) => inlineText(cell.tokens)).join('; '), code: false }));
		}
		default:
			return [];
	}
}

/** Sections of a Markdown document, in order; sections without text are kept (a heading alone). */
export function markdownSections(markdown: string): TextSection[] {
	const slugger = new GithubSlugger();
	const sections: TextSection[] = [{ slug: '', heading: '', blocks: [] }];
	for (const token of new Lexer({ gfm: true }).lex(markdown)) {
		if (token.type === 'heading') {
			const heading = token as Tokens.Heading;
			sections.push({ slug: headingSlug(slugger, heading.tokens), heading: inlineText(heading.tokens), blocks: [] });
		} else {
			sections.at(-1)!.blocks.push(...blocksOf(token).filter((b) => b.text.trim() !== ''));
		}
	}
	return sections.filter((s, i) => i > 0 || s.blocks.length > 0);
}

/** Sentences of one block of prose: split after . ! ? (or a colon at the end) before a capital, digit or quote. Code stays whole. */
export function sentencesOf(block: TextBlock): string[] {
	if (block.code) return [block.text];
	return block.text
		.split(/(?<=[.!?])\s+(?=[A-Z0-9"'`(*])/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** Every sentence of a section (its heading is not a sentence). */
export function sectionSentences(section: TextSection): string[] {
	return section.blocks.flatMap(sentencesOf);
}

/** A section's plain text: heading line, then its blocks separated by blank lines. */
export function sectionText(section: TextSection): string {
	return [section.heading, ...section.blocks.map((b) => b.text)].filter((t) => t !== '').join('\n\n');
}
