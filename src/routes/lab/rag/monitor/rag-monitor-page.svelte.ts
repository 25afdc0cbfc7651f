// State of the RAG Monitor page: run a monitoring check (the production configuration on the
// production sample, in the lab worker, logged as a run tagged `monitor`) and chart a metric of every
// check against the first one, flagging drops beyond the tolerance.
import { browserRagMonitor } from '$lib/app/rag-monitor';
import type { StoredRun } from '$lib/app/tracked-runs';
import { errorMessage } from '$lib/error-message';
import { formatDateTime } from '$lib/format';
import { DEFAULT_DRIFT_TOLERANCE, driftSeries } from '$lib/rag/eval/drift';
import { Cancelled } from '$lib/workers/lab-client';
import { ragLab } from '../rag-lab.svelte';

/** The production sample: the same seeded questions every check, so only the notes and the configuration change. */
export const PRODUCTION_SAMPLE = { kind: 'content' as const, size: 60, seed: 2026 };

export class RagMonitorPage {
	runs = $state<StoredRun[]>([]);
	loaded = $state(false);
	checking = $state(false);
	progress = $state(0);
	error = $state<string | null>(null);
	notice = $state<string | null>(null);
	metric = $state('hit_rate');
	/** Largest allowed drop of a 0–1 metric, in points; latency, tokens and cost use the default share of the baseline. */
	tolerance = $state(DEFAULT_DRIFT_TOLERANCE.absolute);

	async load(): Promise<void> {
		try {
			this.runs = await browserRagMonitor.runs();
		} catch (e) {
			this.error = `The monitoring history could not be read: ${errorMessage(e)}`;
		} finally {
			this.loaded = true;
		}
	}

	async check(): Promise<void> {
		this.error = null;
		this.checking = true;
		try {
			const { version } = await browserRagMonitor.check(async (config) => {
				const { summary, dataset } = await ragLab.client.run({ kind: 'rag-evaluate', config, upload: null, dataset: PRODUCTION_SAMPLE, gates: [] }, (p) => (this.progress = p.fraction));
				return { summary, dataset: { ...dataset, name: 'production-sample' } };
			});
			this.notice = `Checked ${version.name}:${version.version} (production) on the production sample.`;
			await this.load();
		} catch (e) {
			if (!(e instanceof Cancelled)) this.error = errorMessage(e);
		} finally {
			this.checking = false;
		}
	}

	cancel(): void {
		ragLab.client.cancel();
	}

	get metricNames(): string[] {
		return [...new Set(this.runs.flatMap((r) => Object.keys(r.metrics)))].sort();
	}

	/** Each check's value of the chosen metric, flagged when it drifted from the first check beyond the tolerance. */
	get points(): { label: string; value: number; flagged: boolean; config: string }[] {
		const series = driftSeries(
			this.runs.map((r) => r.metrics),
			{ ...DEFAULT_DRIFT_TOLERANCE, absolute: this.tolerance }
		);
		return this.runs.map((r, i) => ({
			label: formatDateTime(r.startedAt),
			value: r.metrics[this.metric] ?? 0,
			flagged: series[i]?.flagged.includes(this.metric) ?? false,
			config: r.tags.savedConfig ?? ''
		}));
	}
}
