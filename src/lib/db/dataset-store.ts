// Confirmed column roles of CSV files in raw/, so an imported dataset is ready to train after a reload.
import type { ColumnSchema } from '../ml/table';
import type { PrepLabDb, StoredDataset } from './schema';
import { keepReadable } from './record-checks';

export const saveDatasetSchema = (db: PrepLabDb, file: string, schema: ColumnSchema[], now = new Date()) =>
	db.put('datasets', { file, schema, confirmedAt: now.toISOString() } satisfies StoredDataset);

export const loadDatasetSchemas = async (db: PrepLabDb, skipped?: string[]): Promise<Map<string, ColumnSchema[]>> =>
	new Map(keepReadable<StoredDataset>('datasets', await db.getAll('datasets'), skipped).map((d) => [d.file, d.schema]));
