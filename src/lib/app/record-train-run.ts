// Tracking a training from the Train page: every training, finished or not, becomes a run of the
// "train" experiment on the Runs page (MLflow's tracking), so the page's result is never untracked.
import { getDb } from '../db/browser-db';
import { logRun } from '../db/run-store';
import type { PrepLabDb } from '../db/schema';
import { trainRunRecord, type TrainRunInput } from '../lab/train-run-record';

/** Stores the run and returns its id, which registering the model later records its version on. */
export const recordTrainRun = (db: PrepLabDb, input: TrainRunInput): Promise<number> => logRun(db, trainRunRecord(input));

/** The page's call, on the browser's database. */
export const browserRecordTrainRun = async (input: TrainRunInput) => recordTrainRun(await getDb(), input);
