// The AI-300 track in content/: its outline has the five agreed domains and weights, is dated and
// sourced; every lab page is mapped to AI-300 task lines; and every task line has items and a note.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skillLines } from '../../../src/lib/content/bank-lint';
import { buildContent } from '../../../src/lib/content/bundle';
import { trackItems } from '../../../src/lib/content/tracks';
import { readContentDir } from './read-content-dir';

const { content, errors } = buildContent(readContentDir());
const ai300 = content.ai300!;

describe('the AI-300 track in content/', () => {
	it('loads without errors', () => {
		expect(errors.map((e) => e.message)).toEqual([]);
		expect(ai300).not.toBeNull();
	});

	it('has the five domains with their weights, a check date and https sources', () => {
		expect(ai300.exam).toBe('AI-300');
		expect(ai300.domains.map((d) => [d.id, d.weight])).toEqual([
			['mlops-infrastructure', [15, 20]],
			['model-lifecycle', [25, 30]],
			['genaiops-infrastructure', [20, 25]],
			['genai-quality', [10, 15]],
			['genai-optimization', [10, 15]]
		]);
		expect(ai300.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(ai300.source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
		expect(ai300.sources?.length).toBeGreaterThan(0);
		for (const d of ai300.domains) for (const skill of d.skills) expect(ai300.subskills[d.id]?.[skill]?.length, `${d.id} · ${skill}`).toBeGreaterThan(0);
	});

	it('maps every lab page to AI-300 task lines, and every mapped page exists', () => {
		const labs = ['/lab/train', '/lab/runs', '/lab/sweep', '/lab/models', '/lab/endpoints', '/lab/batch', '/lab/monitor', '/lab/responsible-ai', '/lab/data', '/lab/rag', '/lab/rag/ask', '/lab/rag/evaluate', '/lab/rag/configs', '/lab/rag/sweep', '/lab/rag/monitor'];
		expect(content.labs.map((l) => l.route).sort()).toEqual([...labs].sort());
		for (const l of content.labs) expect(existsSync(join(import.meta.dirname, '../../../src/routes', l.route, '+page.svelte')), l.route).toBe(true);
	});

	it('links every note of the language-model domains to an existing step of the RAG lab (issue 17)', () => {
		const domains = ['optimize-language-models', 'genaiops-infrastructure', 'genai-quality', 'genai-optimization'];
		const notes = content.notes.filter((n) => domains.includes(n.domain));
		expect(notes.length).toBeGreaterThan(10);
		for (const n of notes) {
			expect(n.lab, n.id).toMatch(/^\/lab\/rag(\/|$)/);
			expect(existsSync(join(import.meta.dirname, '../../../src/routes', n.lab!, '+page.svelte')), n.id).toBe(true);
		}
	});

	// Issue 16: at least 200 AI-300 items, at least 120 of them written for AI-300 (the rest carry
	// over from DP-100), and every task line with at least 4 items and a note.
	const items = trackItems(content, 'ai300');
	it('has at least 200 items, 120 of them new, and every AI-300 task line with at least 4 items and a note', () => {
		const ownDomains = new Set(ai300.domains.map((d) => d.id));
		expect(items.length).toBeGreaterThanOrEqual(200);
		expect(content.items.filter((i) => ownDomains.has(i.domain)).length).toBeGreaterThanOrEqual(120);
		const units = items.flatMap((i) => (i.type === 'case' ? i.items : [i]));
		const thin: string[] = [];
		for (const line of skillLines(ai300)) {
			const n = units.filter((u) => u.skill === line.task).length;
			const notes = content.notes.filter((note) => note.ai300Skills.includes(line.task) || (note.domain === line.domain && units.some((u) => u.skill === line.task && u.note === note.id)));
			if (n < 4 || notes.length === 0) thin.push(`${line.task}: ${n} items, ${notes.length} notes`);
		}
		expect(thin).toEqual([]);
	});
});
