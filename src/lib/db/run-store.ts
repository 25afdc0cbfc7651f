// Experiment tracking, as MLflow records runs: the Train page and the sweep lab log every run here,
// and the Runs page lists, compares and deletes them. This is the only module that touches `runs`.
import type { PrepLabDb, StoredRun } from './schema';
import { keepReadable } from './record-checks';

/** Stores a run and returns its id. */
export const logRun = async (db: PrepLabDb, run: Omit<StoredRun, 'id'>): Promise<number> => db.add('runs', { ...run });

/** Every readable run, newest first (ties broken by the later id); unreadable ones are named in `skipped`. */
export async function listRuns(db: PrepLabDb, skipped?: string[]): Promise<StoredRun[]> {
	const runs = keepReadable<StoredRun>('runs', await db.getAllFromIndex('runs', 'by-time'), skipped);
	return runs.reverse().sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (b.id ?? 0) - (a.id ?? 0));
}

/** Records which registry version a run produced; read and write in one transaction. */
export async function setRunModelVersion(db: PrepLabDb, id: number, version: number): Promise<void> {
	const tx = db.transaction('runs', 'readwrite');
	const run = await tx.store.get(id);
	if (!run) throw new Error(`Run ${id} does not exist.`);
	await Promise.all([tx.store.put({ ...run, modelVersion: version }), tx.done]);
}

export const deleteRun = (db: PrepLabDb, id: number): Promise<void> => db.delete('runs', id);
