// The shared field readers of every content parser: YAML and frontmatter to plain mappings, and
// checked strings, lists, ids and links, each failing with a ContentError that names the field.
import { parse as parseYaml } from 'yaml';
import { ContentError } from './schema';

export type Fields = Record<string, unknown>;

export function yaml(file: string, text: string): Fields {
	let value: unknown;
	try {
		value = parseYaml(text);
	} catch (e) {
		const line = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
		throw new ContentError(file, `invalid YAML: ${(e as Error).message.split('\n')[0]}`, line);
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new ContentError(file, 'expected a YAML mapping');
	}
	return value as Fields;
}

export function splitFrontmatter(file: string, text: string): { data: Fields; body: string } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!m) throw new ContentError(file, 'missing frontmatter (a block between --- lines at the top)');
	return { data: yaml(file, m[1] ?? ''), body: m[2] ?? '' };
}

export function str(file: string, data: Fields, key: string, where = ''): string {
	const v = data[key];
	if (typeof v !== 'string' || v.trim() === '') {
		throw new ContentError(file, `${where}missing or empty field "${key}"`);
	}
	return v.trim();
}

export function strList(file: string, data: Fields, key: string, where = '', optional = false): string[] {
	const v = data[key];
	if (v === undefined && optional) return [];
	if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
		throw new ContentError(file, `${where}field "${key}" must be a list of non-empty strings`);
	}
	if (!optional && v.length === 0) throw new ContentError(file, `${where}field "${key}" is empty`);
	return (v as string[]).map((x) => x.trim());
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function kebab(file: string, value: string, what: string): string {
	if (!KEBAB.test(value)) throw new ContentError(file, `${what} "${value}" must be kebab-case`);
	return value;
}

export function httpsUrl(file: string, url: string, where: string): string {
	if (!/^https:\/\//.test(url)) throw new ContentError(file, `${where}source must be an https:// link`);
	return url;
}

/** The 1-based line of `text` where `needle` first appears at or after line `from` (1-based), else `from`. */
export function lineOf(text: string, needle: string, from = 1): number {
	const lines = text.split(/\r?\n/);
	for (let i = Math.max(0, from - 1); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
	return from;
}

/** Splits a markdown body into `## Heading` sections (text before the first heading is dropped). */
export function sections(body: string): { heading: string; text: string }[] {
	const out: { heading: string; text: string }[] = [];
	let current: { heading: string; lines: string[] } | null = null;
	let fenced = false;
	for (const line of body.split(/\r?\n/)) {
		if (/^(```|~~~)/.test(line)) fenced = !fenced;
		const h = !fenced ? /^## (.+?)\s*$/.exec(line) : null;
		if (h) {
			if (current) out.push({ heading: current.heading, text: current.lines.join('\n').trim() });
			current = { heading: h[1] ?? '', lines: [] };
		} else if (current) {
			current.lines.push(line);
		}
	}
	if (current) out.push({ heading: current.heading, text: current.lines.join('\n').trim() });
	return out;
}
