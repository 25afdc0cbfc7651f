// "Register" on the Train page (and the Sweep page's best trial, which trains through the Train
// page's run): the trained model becomes the next registry version, with its held-out scores, and
// the tracked run that produced it records that version. All three writes happen in one transaction,
// so a version never exists without its run knowing it, nor a run pointing at a version that is not there.
import { getDb } from '../db/browser-db';
import { addNextVersion } from '../db/idb-registry';
import { markServingChanged } from '../db/serving-version';
import type { PrepLabDb } from '../db/schema';
import { abortOnError } from '../db/transaction';
import type { ModelVersion, VersionMeta } from '../ml/model-artifact';
import type { TrainOutcome } from '../ml/train-model';

export async function registerTrainedModel(db: PrepLabDb, outcome: TrainOutcome, meta: Partial<VersionMeta>, runId: number | null): Promise<ModelVersion> {
	const tx = db.transaction(['models', 'heldOut', 'runs', 'settings'], 'readwrite');
	return abortOnError(tx, async () => {
		const run = runId === null ? undefined : await tx.objectStore('runs').get(runId);
		if (runId !== null && !run) throw new Error(`Run ${runId} does not exist.`);
		const registered = await addNextVersion(tx.objectStore('models'), tx.objectStore('heldOut'), outcome.draft, meta, outcome.test);
		if (run) await tx.objectStore('runs').put({ ...run, modelVersion: registered.version });
		await markServingChanged(tx.objectStore('settings'));
		await tx.done;
		return registered;
	});
}

/** The page's call, on the browser's database. */
export const browserRegisterTrainedModel = async (outcome: TrainOutcome, meta: Partial<VersionMeta>, runId: number | null) => registerTrainedModel(await getDb(), outcome, meta, runId);
