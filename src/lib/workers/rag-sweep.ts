// A RAG sweep in the lab worker: the sweep engine samples the trials (grid or random), each trial
// evaluates the base configuration changed by its values on the same dataset (one interval), and every
// finished trial is reported with its summary so the page logs it as a run straight away.
import { evaluateRagConfig, type RagDataset } from '../app/evaluate-rag-config';
import { ragTrialConfig } from '../lab/rag-sweep-trial';
import { runSweep } from '../ml/sweep';
import type { RagIndex } from '../rag/rag-index';
import type { RagConfig } from '../rag/types';
import type { LabProgress } from './protocol';
import type { RagRequest, RagResult, RagSweepTrial } from './rag-messages';

export function ragSweep(request: Extract<RagRequest, { kind: 'rag-sweep' }>, dataset: RagDataset, indexFor: (config: RagConfig) => RagIndex, progress: (p: LabProgress) => void): RagResult {
	const { base, sweep, gates } = request;
	const done = new Map<number, Omit<RagSweepTrial, 'trial'>>();
	const trials: RagSweepTrial[] = [];
	runSweep(
		sweep,
		1,
		(params, _interval, trialId) => {
			const config = ragTrialConfig(base, params);
			const { summary } = evaluateRagConfig(indexFor(config), config, dataset, gates, { now: () => performance.now() });
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
			progress({ stage: 'sweeping', fraction: trials.length / sweep.maxTotalTrials, ragTrial: trial });
		}
	);
	return { kind: 'rag-sweep', trials };
}
