// The page's one shared connection. Components call getDb(); nobody else opens the database.
import { openPrepLabDb, type PrepLabDb } from './schema';

let connection: Promise<PrepLabDb> | null = null;
const listeners = new Set<(message: string) => void>();

/** Subscribe to database problems a user must act on (e.g. another tab upgraded the app). */
export function onDbProblem(listener: (message: string) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

const report = (message: string) => listeners.forEach((l) => l(message));

export function getDb(): Promise<PrepLabDb> {
	connection ??= openPrepLabDb({
		onVersionChange: () => {
			connection = null;
			report('Prep Lab was updated in another tab. Reload this page to keep working.');
		},
		onBlocked: () => report('Another Prep Lab tab is using an older version. Close it to finish the update.')
	}).catch((e: unknown) => {
		connection = null;
		throw e;
	});
	return connection;
}
