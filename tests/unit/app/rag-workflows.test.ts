// The RAG lab's workflows on fake-indexeddb: configurations saved as versions and promoted to
// production in one move, evaluations tracked as runs of the `rag` experiment (comparable on the Runs
// page), monitoring checks of the production version, and the new store in backups and record checks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { productionVersion, promoteRagConfig, readRagConfig, readRagConfigs, saveRagConfig } from '../../../src/lib/app/rag-configs';
import { readMonitorRuns, runMonitorCheck } from '../../../src/lib/app/rag-monitor';
import { recordRagEvaluation } from '../../../src/lib/app/record-rag-evaluation';
import { readTrackedRuns } from '../../../src/lib/app/tracked-runs';
import { checkBackup } from '../../../src/lib/backup/backup-format';
import { exportBackup, restoreBackup } from '../../../src/lib/db/backup-store';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { DEFAULT_RAG_CONFIG } from '../../../src/lib/rag/config';
import type { RagConfig } from '../../../src/lib/rag/types';

let n = 0;
const freshDb = () => openPrepLabDb({}, `rag-workflows-${n++}`);
const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 9, 0, s));
const base: RagConfig = DEFAULT_RAG_CONFIG;
const withK = (k: number): RagConfig => ({ ...base, k });
const summary = (hit: number) => ({ metrics: { hitRate: hit, mrr: hit / 2, latencyP50Ms: 3, costPer1kUsd: 0.4 }, gate: { passed: hit >= 0.5, failing: hit >= 0.5 ? [] : ['hitRate'] } });

describe('configuration versions', () => {
	it('saves versions 1, 2 of a name and promotes one to production, saying which version it replaced', async () => {
		const db = await freshDb();
		const v1 = await saveRagConfig(db, 'notes-qa', withK(3), 'k=3', at(0));
		const v2 = await saveRagConfig(db, 'notes-qa', withK(5), '', at(1));
		expect([v1.version, v2.version]).toEqual([1, 2]);
		expect(await promoteRagConfig(db, 'notes-qa', 1)).toBeNull();
		expect(await promoteRagConfig(db, 'notes-qa', 2)).toBe(1);
		const { versions, skipped } = await readRagConfigs(db);
		expect(skipped).toBeNull();
		expect(versions.map((v) => [v.version, v.aliases])).toEqual([
			[2, ['production']],
			[1, []]
		]);
		expect(productionVersion(versions)?.config.k).toBe(5);
		expect((await readRagConfig(db, 'notes-qa', 1))?.description).toBe('k=3');
	});

	it('refuses a bad name and a version that does not exist, changing nothing', async () => {
		const db = await freshDb();
		await expect(saveRagConfig(db, '1 bad name', base, '', at(0))).rejects.toThrow(/cannot name a configuration/);
		await saveRagConfig(db, 'qa', base, '', at(0));
		await expect(promoteRagConfig(db, 'qa', 7)).rejects.toThrow(/Version 7 .* does not exist/);
		expect((await readRagConfigs(db)).versions.map((v) => v.aliases)).toEqual([[]]);
	});

	it('names a stored version it cannot read instead of showing it', async () => {
		const db = await freshDb();
		await saveRagConfig(db, 'qa', base, '', at(0));
		await db.put('ragConfigs', { name: 'qa', version: 2, config: { retriever: 'magic' }, description: '', createdAt: at(1), aliases: [] } as never);
		const { versions, skipped } = await readRagConfigs(db);
		expect(versions.map((v) => v.version)).toEqual([1]);
		expect(skipped).toMatch(/RAG configuration qa:2 \("config"/);
	});

	it('travels in backups: export, check and restore give the same versions and aliases', async () => {
		const db = await freshDb();
		await saveRagConfig(db, 'qa', base, 'first', at(0));
		await promoteRagConfig(db, 'qa', 1);
		const backup = checkBackup(JSON.parse(JSON.stringify(await exportBackup(db, at(5))), (k, v) => (k === 'createdAt' || k === 'exportedAt' ? new Date(v) : v)));
		expect(backup.stores.ragConfigs).toHaveLength(1);
		const other = await freshDb();
		await saveRagConfig(other, 'lost', base, '', at(0));
		await restoreBackup(other, backup);
		const { versions } = await readRagConfigs(other);
		expect(versions.map((v) => [v.name, v.version, v.aliases, v.description])).toEqual([['qa', 1, ['production'], 'first']]);
	});
});

describe('evaluation runs', () => {
	it('logs an evaluation as a run of the rag experiment with the flattened config, metrics and gate tags', async () => {
		const db = await freshDb();
		await recordRagEvaluation(db, { config: withK(3), dataset: { name: 'content', size: 40 }, summary: summary(0.4), startedAt: at(0), finishedAt: at(2) });
		await recordRagEvaluation(db, { config: withK(5), dataset: { name: 'content', size: 40 }, summary: summary(0.6), startedAt: at(3), finishedAt: at(4) });
		const { runs } = await readTrackedRuns(db);
		expect(runs.map((r) => [r.experiment, r.params.k, r.metrics.hitRate, r.tags.gate, r.durationMs])).toEqual([
			['rag', 5, 0.6, 'pass', 1000],
			['rag', 3, 0.4, 'fail', 2000]
		]);
		expect(runs[1]!.tags).toMatchObject({ dataset: 'content', datasetSize: '40', gateFailing: 'hitRate', kind: 'evaluate' });
		expect(runs[0]!.params['chunking.kind']).toBe(base.chunking.kind);
		expect(runs[0]!.params['vector.dims']).toBe(base.vector.dims);
	});
});

describe('monitoring', () => {
	it('refuses a check before anything is in production', async () => {
		const db = await freshDb();
		await expect(runMonitorCheck(db, async () => ({ summary: summary(1), dataset: { name: 's', size: 1 } }), () => at(0))).rejects.toThrow(/No configuration is in production/);
	});

	it('evaluates the production version and logs monitor runs, oldest first', async () => {
		const db = await freshDb();
		await saveRagConfig(db, 'qa', withK(3), '', at(0));
		await saveRagConfig(db, 'qa', withK(7), '', at(0));
		await promoteRagConfig(db, 'qa', 2);
		const seen: number[] = [];
		let s = 10;
		const clock = () => at(s++);
		const evaluate = async (config: RagConfig) => (seen.push(config.k), { summary: summary(seen.length === 1 ? 0.8 : 0.5), dataset: { name: 'production-sample', size: 30 } });
		await runMonitorCheck(db, evaluate, clock);
		await recordRagEvaluation(db, { config: base, dataset: { name: 'content', size: 1 }, summary: summary(1), startedAt: at(30), finishedAt: at(31) });
		await runMonitorCheck(db, evaluate, clock);
		expect(seen).toEqual([7, 7]);
		const runs = await readMonitorRuns(db);
		expect(runs.map((r) => [r.metrics.hitRate, r.tags.savedConfig, r.tags.kind])).toEqual([
			[0.8, 'qa:2', 'monitor'],
			[0.5, 'qa:2', 'monitor']
		]);
	});
});

describe('merging backups', () => {
	it('adds the backup versions this device lacks, renumbering a taken number, and keeps its own production alias', async () => {
		const { mergeBackup } = await import('../../../src/lib/app/merge-backup');
		const { exportBackup } = await import('../../../src/lib/db/backup-store');
		const a = await freshDb();
		await saveRagConfig(a, 'qa', withK(3), 'shared', at(0));
		await saveRagConfig(a, 'qa', withK(9), 'only on a', at(1));
		await promoteRagConfig(a, 'qa', 2);
		const b = await freshDb();
		await b.put('ragConfigs', { name: 'qa', version: 1, config: withK(3), description: 'shared', createdAt: at(0), aliases: [] });
		await saveRagConfig(b, 'qa', withK(4), 'only on b', at(2));
		await promoteRagConfig(b, 'qa', 2);
		const result = await mergeBackup(b, await exportBackup(a, at(9)), [], at(10));
		expect(result.message).toContain('1 RAG configuration version');
		const { versions } = await readRagConfigs(b);
		expect(versions.map((v) => [v.version, v.config.k, v.description, v.aliases])).toEqual([
			[3, 9, 'only on a', []],
			[2, 4, 'only on b', ['production']],
			[1, 3, 'shared', []]
		]);
		// Merging the same backup again adds nothing.
		expect((await mergeBackup(b, await exportBackup(a, at(9)), [], at(11))).message).toMatch(/^Nothing to merge/);
	});
});

describe('what a run keeps', () => {
	it('leaves out a metric that could not be measured, so the run stays readable', async () => {
		const db = await freshDb();
		await recordRagEvaluation(db, { config: base, dataset: { name: 'x', size: 1 }, summary: { metrics: { hit_rate: 1, relevance_proxy: Number.NaN } }, startedAt: at(0), finishedAt: at(1) });
		const { runs, skipped } = await readTrackedRuns(db);
		expect(skipped).toBeNull();
		expect(runs[0]!.metrics).toEqual({ hit_rate: 1 });
	});
});
