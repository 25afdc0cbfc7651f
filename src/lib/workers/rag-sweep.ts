// A RAG sweep in the lab worker: the sweep engine samples the trials (grid or random), each trial
// evaluates the base configuration changed by its values on the same dataset (one interval), and every
// finished trial is reported with its summary so the page logs it as a run straight away.
// The engine evaluates synchronously, so the indexes the trials need are built first: a dry run of
// the same seeded sampler lists the trials' configurations (grid and random sampling do not depend
// on the results), and each distinct index is built once.
import { evaluateRagConfig, ragIndexKey, type RagDataset } from '../app/evaluate-rag-config';
import { ragTrialConfig } from '../lab/rag-sweep-trial';
import { runSweep } from '../ml/sweep';
import type { RagIndex } from '../rag/rag-index';
import type { RagConfig } from '../rag/types';
import type { LabProgress } from './protocol';
import type { RagRequest, RagResult, RagSweepTrial } from './rag-messages';

export async function ragSweep(request: Extract<RagRequest, { kind: 'rag-sweep' }>, dataset: RagDataset, indexFor: (config: RagConfig) => Promise<RagIndex>, progress: (p: LabProgress) => void): Promise<RagResult> {
	const { base, sweep, gates } = request;
	if (sweep.sampler !== 'grid' && sweep.sampler !== 'random') throw new Error(`A RAG sweep samples with grid or random, not ${sweep.sampler}.`);
	if (sweep.policy.type !== 'none') throw new Error('A RAG sweep runs every trial to the end: it has no early-termination policy.');
	const planned: RagConfig[] = [];
	runSweep(sweep, 1, (params) => (planned.push(ragTrialConfig(base, params)), 0));
	const built = new Map<string, RagIndex>();
	for (const [i, config] of planned.entries()) {
		const key = ragIndexKey(config);
		if (!built.has(key)) built.set(key, await indexFor(config));
		progress({ stage: 'indexing', fraction: (i + 1) / planned.length });
	}

	const done = new Map<number, Omit<RagSweepTrial, 'trial'>>();
	const trials: RagSweepTrial[] = [];
	runSweep(
		sweep,
		1,
		(params, _interval, trialId) => {
			const config = ragTrialConfig(base, params);
			const { summary } = evaluateRagConfig(built.get(ragIndexKey(config))!, config, dataset, gates, { now: () => performance.now() });
			done.set(trialId, { config, summary });
			const value = summary.metrics[sweep.primaryMetric];
			if (value === undefined) throw new Error(`The evaluation has no metric "${sweep.primaryMetric}".`);
			return value;
		},
		(event) => {
			if (event.kind !== 'finished') return;
			const result = done.get(event.trial.id);
			if (!result) return;
			const trial: RagSweepTrial = { trial: structuredClone(event.trial), ...result };
			trials.push(trial);
			progress({ stage: 'sweeping', fraction: trials.length / planned.length, ragTrial: trial });
		}
	);
	return { kind: 'rag-sweep', trials };
}
