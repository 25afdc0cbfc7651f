// `lab rag-eval`: the metrics JSON of a configuration on a sample of the content dataset or a JSONL
// file, a partial config file filled with the defaults, clear messages for bad files, and a non-zero
// exit code when --gate is given and a gate fails (so a CI job fails).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'prep-lab-rag-eval-'));
const file = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};
async function run(args: string[]) {
	const lines: string[] = [];
	await main(['rag-eval', ...args], (l) => lines.push(l));
	return JSON.parse(lines.join('\n'));
}

describe('lab rag-eval', () => {
	it('prints the metrics of a partial configuration (the rest defaults) on a content sample', async () => {
		const config = file('bm25.json', JSON.stringify({ retriever: 'bm25', k: 3, chunking: { kind: 'heading' } }));
		const result = await run(['--config', config, '--size', '12', '--seed', '3']);
		expect(result.config).toMatch(/^bm25 k=3 · by heading/);
		expect(result.dataset.size).toBe(12);
		for (const key of ['hit_rate', 'mrr', 'f1_score', 'latency_p50_ms', 'cost_per_1000_usd']) expect(Number.isFinite(result.metrics[key]), key).toBe(true);
		expect(result.metrics.hit_rate).toBeGreaterThanOrEqual(0);
		expect(result.metrics.hit_rate).toBeLessThanOrEqual(1);
		expect(result.gate).toBeUndefined();
	}, 60_000);

	it('names what is wrong with a configuration file or a gates file', async () => {
		await expect(run(['--config', file('bad.json', '{"k": 0}')])).rejects.toThrow(/bad\.json is not usable: .*k/);
		await expect(run(['--config', file('broken.json', '{"k": ')])).rejects.toThrow(/broken\.json is not valid JSON/);
		await expect(run(['--gates', file('gates.json', '[{"metric": "hit_rate", "op": ">", "threshold": 2}]')])).rejects.toThrow(/gates are not usable/);
		// A JSONL dataset mapped to a field no line has: the fields the file does have are named.
		const qa = file('qa.jsonl', '{"question": "What is BM25?", "answer": "A keyword ranking function."}\n');
		const mapping = file('mapping.json', JSON.stringify({ query: '${data.prompt}', ground_truth: '${data.answer}' }));
		await expect(run(['--dataset', qa, '--mapping', mapping])).rejects.toThrow(/data\.prompt.*Fields found: question, answer/);
	});

	it('exits non-zero after printing the metrics when --gate is given and a gate fails', () => {
		const gates = file('strict.json', JSON.stringify([{ metric: 'latency_p95_ms', op: '<=', threshold: 0 }]));
		const bin = join(import.meta.dirname, '../../../src/cli/bin.js');
		const result = spawnSync(process.execPath, [bin, 'rag-eval', '--size', '5', '--gate', '--gates', gates], { encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(JSON.parse(result.stdout).gate).toMatchObject({ passed: false, failing: ['latency_p95_ms'] });
		expect(result.stderr).toContain('Quality gate failed: latency_p95_ms');
	}, 60_000);
});
