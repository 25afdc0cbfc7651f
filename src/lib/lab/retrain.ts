// Retraining on recent labelled days: the days' raw files joined into one training file, and the
// champion scored on exactly the rows the challenger was held out on, so the two are compared fairly.
import { evaluate, type MetricSet } from '../ml/metrics';
import { score, type FeatureRecord, type ModelVersion, type TrainParams } from '../ml/model-artifact';
import { stratifiedSplit } from '../ml/split';
import type { LabelledTable } from '../ml/table';

/** The last `k` dates (ascending input assumed), oldest first. */
export const lastDays = (dates: readonly string[], k: number) => dates.slice(Math.max(0, dates.length - k));

/** CSV files with the same header, joined with the header once. Different headers are refused, naming the file. */
export function joinCsvFiles(files: readonly { name: string; text: string }[]): string {
	if (files.length === 0) throw new RangeError('There are no daily files to train on.');
	const header = firstLine(files[0]!.text);
	const parts = [`${header}\n`];
	for (const f of files) {
		const line = firstLine(f.text);
		if (line !== header) throw new RangeError(`${f.name} has different columns from ${files[0]!.name}, so the two cannot be joined.`);
		const body = f.text.slice(f.text.indexOf('\n') + 1);
		if (body.trim()) parts.push(body.endsWith('\n') ? body : `${body}\n`);
	}
	return parts.join('');
}

function firstLine(text: string): string {
	const end = text.indexOf('\n');
	return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** The rows a training with these params held out: the same seeded split trainModel makes. */
export function holdoutRows(table: LabelledTable, params: Pick<TrainParams, 'testFraction' | 'seed'>): Uint32Array {
	return stratifiedSplit(table.target.values, params.testFraction, params.seed).test;
}

/** Feature records of some rows, with missing numbers as null (score() imputes them as in training). */
export function recordsOf(table: LabelledTable, rows: ArrayLike<number>): FeatureRecord[] {
	return Array.from({ length: rows.length }, (_, k) => {
		const i = rows[k]!;
		const record: FeatureRecord = {};
		for (const c of table.columns) {
			const v = c.values[i];
			record[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
		}
		return record;
	});
}

export interface HoldoutComparison {
	rows: number;
	positives: number;
	champion: MetricSet;
	challenger: MetricSet;
}

/**
 * Metrics of the champion and the challenger on the challenger's held-out rows. The challenger's
 * scores come from its training run; the labels must match the rows, or the split was not the same.
 */
export function compareOnHoldout(table: LabelledTable, params: Pick<TrainParams, 'testFraction' | 'seed'>, champion: ModelVersion, challengerTest: { y: Uint8Array; p: Float64Array }): HoldoutComparison {
	const rows = holdoutRows(table, params);
	const y = Uint8Array.from(rows, (i) => table.target.values[i]!);
	if (y.length !== challengerTest.y.length || y.some((v, k) => v !== challengerTest.y[k])) {
		throw new RangeError('The holdout rows do not match the challenger’s test split; train the challenger again.');
	}
	const result = score(champion, recordsOf(table, rows));
	if (result.errors.length) throw new RangeError(`The champion could not score holdout row ${result.errors[0]!.record + 1}: ${result.errors[0]!.message}.`);
	return { rows: rows.length, positives: y.reduce((s, v) => s + v, 0), champion: evaluate(y, result.probabilities), challenger: evaluate(challengerTest.y, challengerTest.p) };
}
