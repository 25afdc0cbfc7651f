// The decision threshold a model version is served with. It is stored as the version's `threshold`
// tag (chosen on Train), read by online endpoints, batch jobs and the Azure ML export alike.
import type { ModelVersion } from './model-artifact';

/** Threshold on P(delinquent) when a version has no valid `threshold` tag. */
export const DEFAULT_THRESHOLD = 0.5;

/** The threshold a version's predictions use: its `threshold` tag when that is a number in (0, 1), else 0.5. */
export function predictionThreshold(model: Pick<ModelVersion, 'tags'>): number {
	const tag = model.tags?.['threshold'];
	const value = tag === undefined ? NaN : Number(tag);
	return Number.isFinite(value) && value > 0 && value < 1 ? value : DEFAULT_THRESHOLD;
}

/** A chosen threshold as the `threshold` tag stores it: at most three decimals, without float noise (0.3, not 0.30000000000000004). */
export const thresholdTag = (threshold: number): string => String(Number(threshold.toFixed(3)));
