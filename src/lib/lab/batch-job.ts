// Checks made before a batch job starts: its settings, and whether its output can fit.
import type { BatchSettings, OutputAction } from './batch-score';

/** The first problem with the settings, named as Azure ML names the setting, or null. */
export function validateBatchSettings(s: BatchSettings): string | null {
	if (!Number.isInteger(s.miniBatchSize) || s.miniBatchSize < 1 || s.miniBatchSize > 1_000_000) return 'mini_batch_size must be a whole number from 1 to 1,000,000.';
	if (!Number.isInteger(s.errorThreshold) || s.errorThreshold < -1) return 'error_threshold must be a whole number: -1 to tolerate any number of failed rows, or 0 and up.';
	if (!Number.isFinite(s.threshold) || s.threshold <= 0 || s.threshold >= 1) return 'The decision threshold must be between 0 and 1 (exclusive).';
	if (s.outputAction !== 'append_row' && s.outputAction !== 'summary_only') return 'output_action must be append_row or summary_only.';
	return null;
}

/**
 * A generous guess at the output size, to refuse a run that cannot fit before it starts: append_row
 * repeats each row and adds three short columns (about 25 bytes); summary_only writes no output file.
 */
export function estimateOutputBytes(inputBytes: number, outputAction: OutputAction): number {
	return outputAction === 'append_row' ? Math.ceil(inputBytes * 1.35) : 0;
}
