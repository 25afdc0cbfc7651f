// The CLI's way to Prep Lab's content: every file under content/ read from disk and checked by the
// same loader the build uses (buildContent), so the CLI indexes exactly the notes the site serves.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildContent, type ContentBundle } from '../lib/content/bundle';

export const CONTENT_DIR = join(import.meta.dirname, '../../content');

export function loadContent(dir = CONTENT_DIR): ContentBundle {
	const files: Record<string, string> = {};
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (/\.(md|yaml)$/.test(entry.name)) files[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
		}
	};
	walk(dir);
	const { content, errors } = buildContent(files);
	if (errors.length) throw new Error(`The content in ${dir} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; the first: ${errors[0]!.message}`);
	return content;
}
