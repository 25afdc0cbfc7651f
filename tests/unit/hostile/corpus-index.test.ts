// The corpus stays honest: every file in tests/fixtures/bad/ is described in its README and used by a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_DIR } from './corpus';

const files = readdirSync(BAD_DIR).filter((f) => f !== 'README.md');
const readme = readFileSync(join(BAD_DIR, 'README.md'), 'utf8');
const tests = readdirSync(import.meta.dirname)
	.filter((f) => f.endsWith('.test.ts') && f !== 'corpus-index.test.ts')
	.map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
	.join('\n');

describe('the bad-input corpus', () => {
	it('has at least 40 files', () => {
		expect(files.length).toBeGreaterThanOrEqual(40);
	});
	it.each(files)('%s is listed in the README and used by a test', (file) => {
		expect(readme).toContain(`| \`${file}\` |`);
		expect(tests).toContain(`'${file}'`);
	});
});
