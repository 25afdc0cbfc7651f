// The Train page's data workflows: the CSV files in raw/ with the column roles confirmed for them,
// importing a file the worker has checked into raw/, confirming a file's column roles (kept so an
// imported dataset is ready to train after a reload), and opening a stored file for training.
import { getDb } from '../db/browser-db';
import { getLabStorage } from '../db/browser-storage';
import { loadDatasetSchemas, saveDatasetSchema } from '../db/dataset-store';
import type { PrepLabDb } from '../db/schema';
import { usableFileName, type Datastore, type StoredFileInfo } from '../lab/storage';
import type { ColumnSchema } from '../ml/table';
import { fileBlob } from './datastore-files';

export interface TrainingFiles {
	files: StoredFileInfo[];
	/** Confirmed column roles by file name in raw/. */
	schemas: Map<string, ColumnSchema[]>;
}

/** A name safe for the datastore, ending in .csv. */
export const storedCsvName = (original: string) => usableFileName(`${original.replace(/\.csv$/i, '')}.csv`);

export async function readTrainingFiles(db: PrepLabDb, datastore: Datastore): Promise<TrainingFiles> {
	return { files: await datastore.list('raw'), schemas: await loadDatasetSchemas(db) };
}

/** Stores a file (already checked as readable CSV) in raw/; returns its stored name and raw/'s files. */
export async function importTrainingFile(datastore: Datastore, file: File): Promise<{ name: string; files: StoredFileInfo[] }> {
	const name = storedCsvName(file.name);
	await datastore.writeBlob('raw', name, file);
	return { name, files: await datastore.list('raw') };
}

export const confirmDatasetSchema = (db: PrepLabDb, file: string, schema: ColumnSchema[], now: Date): Promise<unknown> => saveDatasetSchema(db, file, schema, now);

/** The page's calls, on the browser's database and datastore. */
export const browserTrainingData = {
	read: async () => readTrainingFiles(await getDb(), (await getLabStorage()).datastore),
	import: async (file: File) => importTrainingFile((await getLabStorage()).datastore, file),
	confirm: async (file: string, schema: ColumnSchema[]) => confirmDatasetSchema(await getDb(), file, schema, new Date()),
	open: async (name: string) => fileBlob((await getLabStorage()).datastore, 'raw', name)
};
