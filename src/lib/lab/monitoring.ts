// The monitor's figures for each scored day: score distribution, counts by risk bucket, data drift
// per feature against the version's training profile, and prediction drift against its held-out
// scores. Read from curated/accounts_<date>_predictions.csv with the streaming CSV reader.
import { readCsv } from '../ml/csv-read';
import { isMissing, parseNumber } from '../ml/csv-schema';
import { countValue, emptyCounts, featureDrift, scoreProfile, type Drift, type FeatureProfile, type NumericProfile } from '../ml/drift';
import type { ModelVersion } from '../ml/model-artifact';
import { RUN_LOG } from './batch-score';
import { fileDate } from './daily-files';
import type { LabStorage } from './storage';

/** Bins of the score histogram: 0–0.05, 0.05–0.1, … 0.95–1. */
export const SCORE_BINS = 20;
export const RISK_BUCKETS = ['low', 'medium', 'high'] as const;
export type RiskBucket = (typeof RISK_BUCKETS)[number];

export interface FeatureDrift extends Drift {
	name: string;
}

export interface DayReport {
	date: string;
	file: string;
	/** The version whose scores the file holds (its latest successful run in the run log), if logged. */
	scoredBy: number | null;
	rows: number;
	/** Rows per score bin (SCORE_BINS equal bins over 0..1). */
	scoreHistogram: number[];
	buckets: Record<RiskBucket, number>;
	/** Per input feature, against the training profile; empty when the version has none. */
	features: FeatureDrift[];
	/** The day's scores against the version's held-out scores; null when none are stored. */
	prediction: Drift | null;
}

/** Counts for one day, filled row by row. */
export class DayAccumulator {
	readonly scoreHistogram = new Array<number>(SCORE_BINS).fill(0);
	readonly buckets: Record<RiskBucket, number> = { low: 0, medium: 0, high: 0 };
	rows = 0;
	readonly #features: { profile: FeatureProfile; counts: number[]; column: number }[] = [];
	readonly #scoreCounts: number[] | null;
	#scoreColumn = -1;
	#bucketColumn = -1;

	constructor(
		readonly profiles: readonly FeatureProfile[],
		readonly scoreReference: NumericProfile | null
	) {
		this.#scoreCounts = scoreReference ? emptyCounts(scoreReference) : null;
	}

	header(names: readonly string[], file: string): void {
		const at = (name: string) => {
			const j = names.indexOf(name);
			if (j < 0) throw new RangeError(`${file} has no column "${name}", so it cannot be monitored.`);
			return j;
		};
		this.#scoreColumn = at('score');
		this.#bucketColumn = at('risk_bucket');
		this.#features.length = 0;
		for (const profile of this.profiles) this.#features.push({ profile, counts: emptyCounts(profile), column: at(profile.name) });
	}

	add(rows: readonly (readonly string[])[]): void {
		for (const row of rows) {
			const p = Number(row[this.#scoreColumn]);
			if (!Number.isFinite(p)) continue;
			this.rows++;
			this.scoreHistogram[Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(p * SCORE_BINS)))]!++;
			const bucket = row[this.#bucketColumn] as RiskBucket;
			if (bucket in this.buckets) this.buckets[bucket]++;
			if (this.#scoreCounts) countValue(this.scoreReference!, this.#scoreCounts, p);
			for (const f of this.#features) {
				const raw = row[f.column];
				if (f.profile.kind === 'numeric') countValue(f.profile, f.counts, raw === undefined || isMissing(raw) ? NaN : (parseNumber(raw) ?? NaN));
				else countValue(f.profile, f.counts, raw === undefined || isMissing(raw) ? null : raw.trim());
			}
		}
	}

	report(date: string, file: string, scoredBy: number | null = null): DayReport {
		return {
			date,
			file,
			scoredBy,
			rows: this.rows,
			scoreHistogram: [...this.scoreHistogram],
			buckets: { ...this.buckets },
			features: this.#features.map((f) => ({ name: f.profile.name, ...featureDrift(f.profile, f.counts) })),
			prediction: this.#scoreCounts ? featureDrift(this.scoreReference!, this.#scoreCounts) : null
		};
	}
}

/** Curated prediction files of the daily jobs, oldest first. */
export async function scoredDays(storage: LabStorage): Promise<{ date: string; name: string }[]> {
	const files = await storage.datastore.list('curated');
	return files
		.map((f) => ({ date: fileDate(f.name), name: f.name }))
		.filter((f): f is { date: string; name: string } => f.date !== null && f.name.endsWith('_predictions.csv'))
		.sort((a, b) => a.date.localeCompare(b.date));
}

/** Per date, the version of the latest successful pipeline run on raw/accounts_<date>.csv, from logs/batch_runs_log.csv. */
export async function scoringVersions(storage: LabStorage): Promise<Record<string, number>> {
	if (!(await storage.datastore.exists('logs', RUN_LOG))) return {};
	const versions: Record<string, number> = {};
	let input = -1;
	let version = -1;
	let status = -1;
	await readCsv(await storage.datastore.readText('logs', RUN_LOG), {
		header(names) {
			[input, version, status] = ['input', 'model_version', 'status'].map((c) => names.indexOf(c)) as [number, number, number];
		},
		rows(rows) {
			for (const row of rows.strings()) {
				const date = /^raw\//.test(row[input] ?? '') ? fileDate(row[input]!.slice(4)) : null;
				if (date && row[status] === 'succeeded' && /^\d+$/.test(row[version] ?? '')) versions[date] = Number(row[version]);
			}
		}
	});
	return versions;
}

/** A scored day's file that could not be read; the other days are still monitored. */
export interface SkippedDay {
	date: string;
	file: string;
	message: string;
}

/**
 * One report per scored day, measured against the version's training profile and held-out scores.
 * A file that cannot be read (cut short, not UTF-8, a column missing) is skipped and passed to
 * `onSkipped` with the reason, so one corrupt day never hides the others.
 */
export async function monitorDays(
	storage: LabStorage,
	model: Pick<ModelVersion, 'profile'>,
	heldOutScores: ArrayLike<number> | null,
	options: { onSkipped?: (day: SkippedDay) => void } = {}
): Promise<DayReport[]> {
	const scoreReference = heldOutScores && heldOutScores.length ? scoreProfile(heldOutScores) : null;
	const scoredBy = await scoringVersions(storage).catch(() => ({}) as Record<string, number>);
	const reports: DayReport[] = [];
	for (const { date, name } of await scoredDays(storage)) {
		const file = `curated/${name}`;
		try {
			const day = new DayAccumulator(model.profile?.features ?? [], scoreReference);
			const { input, size } = await storage.datastore.openCsv('curated', name);
			await readCsv(input, { header: (names) => day.header(names, file), rows: (rows) => day.add(rows.strings()) }, { size });
			reports.push(day.report(date, file, scoredBy[date] ?? null));
		} catch (e) {
			options.onSkipped?.({ date, file, message: e instanceof Error ? e.message : String(e) });
		}
	}
	return reports;
}

/** The worst drift of a day: the band the banner reports. */
export function worstDrift(day: DayReport): { name: string; drift: Drift } | null {
	const all = [...day.features.map((f) => ({ name: f.name, drift: f as Drift })), ...(day.prediction ? [{ name: 'prediction (score)', drift: day.prediction }] : [])];
	return all.reduce<{ name: string; drift: Drift } | null>((worst, d) => (!worst || d.drift.psi > worst.drift.psi ? d : worst), null);
}
