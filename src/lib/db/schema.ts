// The single owner of Prep Lab's IndexedDB schema. Every store, key and index is declared here,
// and each schema version adds one cumulative `if (oldVersion < N)` step so no data is lost.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Zone } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';
import type { ColumnSchema } from '../ml/table';
import type { CardState, ReviewLogEntry } from '../study/scheduler';

export const DB_NAME = 'prep-lab';
export const DB_VERSION = 1;

export interface StoredReviewLog extends ReviewLogEntry {
	id?: number;
}

export interface StoredFile {
	zone: Zone;
	name: string;
	blob: Blob;
	size: number;
	modifiedAt: string;
}

export interface StoredAlias {
	name: string;
	alias: string;
	version: number;
}

export interface StoredHeldOut {
	name: string;
	version: number;
	y: Uint8Array;
	p: Float64Array;
}

/** A CSV in raw/ whose column roles the learner confirmed for training. */
export interface StoredDataset {
	file: string;
	schema: ColumnSchema[];
	confirmedAt: string;
}

export interface PrepLabSchema extends DBSchema {
	cardStates: { key: string; value: CardState; indexes: { 'by-due': Date } };
	reviewLogs: { key: number; value: StoredReviewLog; indexes: { 'by-card': string; 'by-time': Date } };
	models: { key: [string, number]; value: ModelVersion; indexes: { 'by-name': string } };
	aliases: { key: [string, string]; value: StoredAlias; indexes: { 'by-name': string } };
	files: { key: [Zone, string]; value: StoredFile; indexes: { 'by-zone': Zone } };
	heldOut: { key: [string, number]; value: StoredHeldOut };
	datasets: { key: string; value: StoredDataset };
}

export type PrepLabDb = IDBPDatabase<PrepLabSchema>;

export interface OpenHandlers {
	/** Another tab opened a newer schema: this connection has been closed and the page should reload. */
	onVersionChange?: () => void;
	/** An older tab keeps the database open, so an upgrade is waiting. */
	onBlocked?: () => void;
}

export function openPrepLabDb(handlers: OpenHandlers = {}, name = DB_NAME): Promise<PrepLabDb> {
	return openDB<PrepLabSchema>(name, DB_VERSION, {
		upgrade(db, oldVersion) {
			if (oldVersion < 1) {
				const states = db.createObjectStore('cardStates', { keyPath: 'cardId' });
				states.createIndex('by-due', 'due');
				const logs = db.createObjectStore('reviewLogs', { keyPath: 'id', autoIncrement: true });
				logs.createIndex('by-card', 'cardId');
				logs.createIndex('by-time', 'reviewedAt');
				const models = db.createObjectStore('models', { keyPath: ['name', 'version'] });
				models.createIndex('by-name', 'name');
				db.createObjectStore('aliases', { keyPath: ['name', 'alias'] }).createIndex('by-name', 'name');
				db.createObjectStore('files', { keyPath: ['zone', 'name'] }).createIndex('by-zone', 'zone');
				db.createObjectStore('heldOut', { keyPath: ['name', 'version'] });
				db.createObjectStore('datasets', { keyPath: 'file' });
			}
		},
		blocked() {
			handlers.onBlocked?.();
		},
		blocking(_current, _next, event) {
			(event.target as IDBDatabase).close();
			handlers.onVersionChange?.();
		}
	});
}
