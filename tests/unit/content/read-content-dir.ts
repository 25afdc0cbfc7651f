// Node-side twin of the build's import.meta.glob: every file under content/ as text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const CONTENT_DIR = join(import.meta.dirname, '../../../content');

export function readContentDir(dir = CONTENT_DIR): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, entry.name);
			if (entry.isDirectory()) walk(p);
			else files[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
		}
	};
	walk(dir);
	return files;
}
