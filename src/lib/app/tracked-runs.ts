// The Runs page's workflows: list the tracked runs (naming any that cannot be read), delete one,
// and fetch the held-out scores of the version a run produced, to overlay ROC curves when comparing.
import { getDb } from '../db/browser-db';
import { getLabStorage } from '../db/browser-storage';
import { deleteRun, listRuns } from '../db/run-store';
import type { PrepLabDb, StoredRun } from '../db/schema';
import type { ModelRegistry } from '../lab/storage';
import type { HeldOutScores } from '../ml/model-artifact';
import { MODEL_NAME } from '../ml/train-model';
import { skippedMessage } from './skipped-records';

export type { StoredRun };

export interface TrackedRuns {
	/** Newest first. */
	runs: StoredRun[];
	/** The sentence naming runs stored in a shape the page cannot show, or null. */
	skipped: string | null;
}

export async function readTrackedRuns(db: PrepLabDb): Promise<TrackedRuns> {
	const skipped: string[] = [];
	const runs = await listRuns(db, skipped);
	return { runs, skipped: skippedMessage(skipped) };
}

/** Deletes one run; the model version it produced (if any) stays in the registry. */
export const deleteTrackedRun = (db: PrepLabDb, id: number): Promise<void> => deleteRun(db, id);

/** The held-out scores stored with a version of the trained model, or null when it has none. */
export const runHeldOut = async (registry: ModelRegistry, version: number): Promise<HeldOutScores | null> => (await registry.heldOut(MODEL_NAME, version)) ?? null;

/** The page's calls, on the browser's database. */
export const browserRuns = {
	read: async () => readTrackedRuns(await getDb()),
	delete: async (id: number) => deleteTrackedRun(await getDb(), id),
	heldOut: async (version: number) => runHeldOut((await getLabStorage()).registry, version)
};
