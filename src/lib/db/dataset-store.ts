// Confirmed column roles of CSV files in raw/, so an imported dataset is ready to train after a reload.
import type { ColumnSchema } from '../ml/table';
import type { PrepLabDb, StoredDataset } from './schema';

export const saveDatasetSchema = (db: PrepLabDb, file: string, schema: ColumnSchema[], now = new Date()) =>
	db.put('datasets', { file, schema, confirmedAt: now.toISOString() } satisfies StoredDataset);

export const loadDatasetSchemas = async (db: PrepLabDb): Promise<Map<string, ColumnSchema[]>> =>
	new Map((await db.getAll('datasets')).map((d) => [d.file, d.schema]));
