// "Retrain" on the Monitoring page and `npm run lab -- retrain`: train a challenger on the last K
// days' raw files (their labels arrived later), score the champion on exactly the rows the challenger
// was held out on, and register the challenger with its `challenger` alias in one write. The page
// runs this in the lab worker (reading and training are heavy); the CLI runs it on its folder.
import { compareOnHoldout, joinCsvFiles, lastDays, type HoldoutComparison } from '../lab/retrain';
import type { StoredRun } from '../lab/run-record';
import { rawFileDates, rawFileName } from '../lab/daily-files';
import type { LabStorage } from '../lab/storage';
import { trainRunRecord } from '../lab/train-run-record';
import { readCsvTable } from '../ml/csv-read';
import { DELINQUENCY_SCHEMA } from '../ml/delinquency-data';
import type { ModelVersion, TrainParams } from '../ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, trainModel, type TrainProgress } from '../ml/train-model';

export const MAX_RETRAIN_DAYS = 90;

export interface RetrainRequest {
	modelName: string;
	/** How many of the latest daily files to train on. */
	days: number;
	/** Compared with when no version holds the `champion` alias (the version being monitored). */
	fallbackChampion?: number | null;
	params?: TrainParams;
}

export interface RetrainResult {
	challenger: ModelVersion;
	comparison: HoldoutComparison & { championVersion: number; days: string[] };
}

export interface RetrainHooks {
	now?: () => Date;
	/** Reading is the first 30 % of the work, training the rest. */
	onProgress?: (stage: 'reading' | TrainProgress['stage'], fraction: number, loss?: number) => void;
	/** Where the training is logged as a tracked run (the browser's runs store); the CLI has none. */
	logRun?: (run: Omit<StoredRun, 'id'>) => Promise<number>;
}

/** Problem with the number of days, in words, or null. */
export function retrainDaysProblem(days: number): string | null {
	return Number.isInteger(days) && days >= 1 && days <= MAX_RETRAIN_DAYS ? null : `Days to train on must be a whole number from 1 to ${MAX_RETRAIN_DAYS}.`;
}

export async function retrainChallenger(storage: LabStorage, request: RetrainRequest, hooks: RetrainHooks = {}): Promise<RetrainResult> {
	const { registry, datastore } = storage;
	const now = hooks.now ?? (() => new Date());
	const progress = hooks.onProgress ?? (() => {});
	const problem = retrainDaysProblem(request.days);
	if (problem) throw new RangeError(problem);
	const dates = lastDays(rawFileDates((await datastore.list('raw')).map((f) => f.name)), request.days);
	if (dates.length === 0) throw new RangeError('There are no daily files in raw/ yet: run the pipeline first.');
	const championVersion = (await registry.aliases(request.modelName))['champion'] ?? request.fallbackChampion ?? undefined;
	const champion = championVersion === undefined ? undefined : await registry.get(request.modelName, championVersion);
	if (!champion) throw new RangeError('There is no champion to compare with: name one on the Models page, or register a version.');

	const startedAt = now();
	progress('reading', 0);
	const files = await Promise.all(dates.map(async (d) => ({ name: `raw/${rawFileName(d)}`, text: await datastore.readText('raw', rawFileName(d)) })));
	const text = joinCsvFiles(files);
	const schema = [...DELINQUENCY_SCHEMA];
	const table = await readCsvTable(text, schema, { size: text.length, onProgress: (f) => progress('reading', f * 0.3) });
	const params = request.params ?? { ...DEFAULT_TRAIN_PARAMS };
	const outcome = trainModel(table, schema, params, (p) => progress(p.stage, 0.3 + p.fraction * 0.7, p.loss));
	const comparison = compareOnHoldout(table, params, champion, outcome.test);

	const span = `${dates[0]} to ${dates.at(-1)}`;
	const challenger = await registry.register(
		{ ...outcome.draft, name: request.modelName },
		{ description: `Challenger retrained on ${dates.length} day${dates.length === 1 ? '' : 's'} (${span})`, tags: { data: `raw/${rawFileName('<date>')}, ${span} (${dates.length} files)`, role: 'challenger' } },
		outcome.test,
		['challenger']
	);
	// The days are joined in memory: this name labels the run and is never stored in raw/.
	const fileName = rawFileName(`${dates[0]}_to_${dates.at(-1)}`);
	await hooks.logRun?.({ ...trainRunRecord({ params, data: { kind: 'csv', fileName }, startedAt, finishedAt: now(), status: 'finished', outcome }), modelVersion: challenger.version });
	return { challenger, comparison: { ...comparison, championVersion: champion.version, days: dates } };
}
