// A tracked run as the lab records it (MLflow's word): one training or evaluation with its params,
// metrics and tags. The database stores it as it is (`runs`); the Runs page and the sweep read it.

/** One training run, as MLflow tracking records it: params, metrics, tags and what it produced. */
export interface StoredRun {
	id?: number;
	/** Groups runs, e.g. "train" for the Train page or "sweep-<id>" for a sweep's trials. */
	experiment: string;
	startedAt: Date;
	durationMs: number;
	status: 'finished' | 'failed' | 'cancelled' | 'stopped-early';
	params: Record<string, number | string | boolean>;
	metrics: Record<string, number>;
	/** Metric values logged along the way (per iteration, epoch or fold), for charts and early termination. */
	history?: Record<string, { step: number; value: number }[]>;
	tags: Record<string, string>;
	dataFingerprint?: string;
	/** The registry version this run produced, if it was registered. */
	modelVersion?: number;
}
