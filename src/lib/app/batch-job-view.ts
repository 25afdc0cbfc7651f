// What the Batch endpoint page reads: the CSV files it can score (raw/ and curated/), the versions
// and aliases it can score with, the run log (newest first), a run's first errors, and any datastore
// file as a download. The job itself runs in the lab worker (`batchScore`).
import { errorLogName, parseErrorLog, parseRunLog, type ErrorLogRow, type RunLogRow } from '../lab/batch-run-log';
import { RUN_LOG } from '../lab/batch-score';
import type { Datastore, LabStorage, StoredFileInfo, Zone } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';

export interface BatchJobView {
	/** CSV files in raw/, then curated/. */
	inputs: StoredFileInfo[];
	versions: ModelVersion[];
	aliases: Record<string, number>;
	runLog: RunLogRow[];
}

export async function readBatchJobView({ datastore, registry }: LabStorage, modelName: string): Promise<BatchJobView> {
	const [raw, curated, versions, aliases, runLog] = await Promise.all([datastore.list('raw'), datastore.list('curated'), registry.list(modelName), registry.aliases(modelName), readRunLog(datastore)]);
	return { inputs: [...raw, ...curated].filter((f) => /\.csv$/i.test(f.name)), versions, aliases, runLog };
}

/** Every batch job logged in logs/batch_runs_log.csv, newest first; none before the first job. */
export async function readRunLog(datastore: Datastore): Promise<RunLogRow[]> {
	return (await datastore.exists('logs', RUN_LOG)) ? parseRunLog(await datastore.readText('logs', RUN_LOG)) : [];
}

/** The first `limit` rows of a job's error log; none when it wrote no log. */
export async function readErrorRows(datastore: Datastore, runId: string, limit: number): Promise<ErrorLogRow[]> {
	const name = errorLogName(runId);
	return (await datastore.exists('logs', name)) ? parseErrorLog(await datastore.readText('logs', name), limit) : [];
}

/** A datastore file as a Blob to download. */
export async function fileBlob(datastore: Datastore, zone: Zone, name: string): Promise<Blob> {
	const { input } = await datastore.openCsv(zone, name);
	return input instanceof Blob ? input : new Blob([String(input)]);
}
