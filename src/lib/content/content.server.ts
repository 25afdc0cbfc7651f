// Build-time access to content/: Vite inlines every file, the bundle validates them, and any
// problem fails the build with the file and field named.
import { buildContent, type ContentBundle } from './bundle';

const files = import.meta.glob('/content/**/*.{md,yaml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function load(): ContentBundle {
	const relative = Object.fromEntries(Object.entries(files).map(([path, text]) => [path.replace(/^\/content\//, ''), text]));
	const { content, errors } = buildContent(relative);
	if (errors.length > 0) {
		throw new Error(`Invalid content (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${errors.map((e) => `  ${e.message}`).join('\n')}`);
	}
	return content;
}

export const content: ContentBundle = load();

export function noteTitle(id: string): string {
	return content.notes.find((n) => n.id === id)?.title ?? id;
}
