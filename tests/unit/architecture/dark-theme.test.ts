// The accessibility spec checks every screen with all rules in the light theme and with the colour
// rules in the dark theme. That is only as thorough as checking everything twice while the dark
// theme changes colours and nothing else; this test keeps it so: every `prefers-color-scheme` block
// in the app's styles may only set CSS custom properties (the colour variables).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function styleSources(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return styleSources(path);
		return /\.(css|svelte|html)$/.test(entry.name) ? [path] : [];
	});
}

/** The bodies of `@media (prefers-color-scheme: …) { … }` blocks, braces matched. */
function themeBlocks(text: string): string[] {
	const blocks: string[] = [];
	for (const match of text.matchAll(/@media[^{]*prefers-color-scheme[^{]*\{/g)) {
		let depth = 1;
		let i = match.index! + match[0].length;
		const start = i;
		for (; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
		blocks.push(text.slice(start, i - 1));
	}
	return blocks;
}

/** Property names declared inside a block's rules (`name: value;`). */
function declaredProperties(block: string): string[] {
	return [...block.matchAll(/\{([^{}]*)\}/g)].flatMap((rule) =>
		rule[1]!
			.split(';')
			.map((d) => d.split(':')[0]!.trim())
			.filter(Boolean)
	);
}

describe('the dark theme', () => {
	it('only redefines custom properties, so it cannot change anything but colours', () => {
		const files = styleSources('src');
		const offenders = files.flatMap((file) =>
			themeBlocks(readFileSync(join(ROOT, file), 'utf8')).flatMap((block) =>
				declaredProperties(block)
					.filter((property) => !property.startsWith('--'))
					.map((property) => `${relative(ROOT, join(ROOT, file))}: ${property}`)
			)
		);
		expect(files.some((file) => themeBlocks(readFileSync(join(ROOT, file), 'utf8')).length > 0)).toBe(true);
		expect(offenders).toEqual([]);
	});
});
