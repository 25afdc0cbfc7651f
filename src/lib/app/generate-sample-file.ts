// "Generate sample" on the Data page: seeded synthetic accounts written to raw/accounts_<date>.csv,
// the file the daily pipeline and the batch endpoint read.
import { getLabStorage } from '../db/browser-storage';
import { checkSampleRows, sampleAccountsCsv, sampleFileName } from '../lab/sample-accounts';
import type { Datastore } from '../lab/storage';

/** Writes the sample and returns its name in raw/; refuses a row count out of range before writing anything. */
export async function generateSampleFile(datastore: Datastore, rows: number, seed: number, now: Date): Promise<string> {
	const problem = checkSampleRows(rows);
	if (problem) throw new RangeError(problem);
	const name = sampleFileName(now);
	await datastore.writeBlob('raw', name, new Blob(sampleAccountsCsv(rows, seed), { type: 'text/csv' }));
	return name;
}

/** The page's call, on the browser's datastore. */
export const browserGenerateSampleFile = async (rows: number, seed: number, now: Date) => generateSampleFile((await getLabStorage()).datastore, rows, seed, now);
