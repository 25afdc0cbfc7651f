// The single owner of Prep Lab's IndexedDB schema. Every store, key and index is declared here,
// and each schema version adds one cumulative `if (oldVersion < N)` step so no data is lost.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredDeployment, StoredEndpoint, StoredEndpointRequest } from '../lab/endpoint-record';
import type { StoredRun } from '../lab/run-record';
import type { StoredRagConfig } from '../rag/config-version';
import type { Zone } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';
import type { ColumnSchema } from '../ml/table';
import type { CaterPart } from '../content/schema';
import type { Responses } from '../study/exam-engine';
import type { ExamSession } from '../study/exam-session';
import type { CardState, Grade, ReviewLogEntry } from '../study/scheduler';

// The lab's record types belong to the lab; they are re-exported for the storage modules that use them.
export type { StoredDeployment, StoredEndpoint, StoredEndpointRequest, StoredRagConfig, StoredRun };

export const DB_NAME = 'prep-lab';
export const DB_VERSION = 6;

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

/** Study settings and the exam date, one record per key. */
export interface StoredSetting {
	key: string;
	value: unknown;
}

/** One mock-interview answer: what the learner wrote and which checklist points they ticked. */
export interface StoredInterviewAttempt {
	id?: number;
	questionId: string;
	startedAt: Date;
	durationMs: number;
	answer: string;
	/** Indexes of the checklist points ticked, per CATER part. */
	ticked: Record<CaterPart, number[]>;
	/** Share of each part's checklist covered, 0..1. */
	partScores: Record<CaterPart, number>;
	grade: Grade;
}

/** One finished (or stopped) practice exam. The optional fields arrived with schema 4: older
 * attempts have no answers recorded and open in review with verdicts and explanations only. */
export interface StoredExamAttempt {
	id?: number;
	mode: 'full' | 'domain';
	domain?: string;
	startedAt: Date;
	finishedAt: Date;
	itemIds: string[];
	/** Whether each item (by id) was answered correctly. */
	correct: Record<string, boolean>;
	score: number;
	byDomain: Record<string, { correct: number; total: number }>;
	/** "partial": stopped early and scored on the answered items only. Absent means finished. */
	status?: 'finished' | 'partial';
	/** Questions left without an answer (never counted as mistakes). */
	unanswered?: string[];
	/** What the learner answered, keyed by question id, and the seed that fixed the option order. */
	responses?: Responses;
	seed?: number;
	/** Top-level item ids in exam order (a case study is one id), to rebuild the exam for review. */
	examItemIds?: string[];
	timedOut?: boolean;
}

/** The practice or timed exam in progress; at most one, under the id "current". Not part of backups. */
export interface StoredExamSession extends ExamSession {
	id: 'current';
}

/**
 * A practice-exam item answered wrong, kept as a flashcard of the "mistakes" deck. Front and back
 * are plain text (never HTML), so an imported backup cannot inject markup.
 */
export interface StoredMistake {
	itemId: string;
	domain: string;
	note: string;
	front: string;
	back: string;
	addedAt: Date;
}

export interface PrepLabSchema extends DBSchema {
	cardStates: { key: string; value: CardState; indexes: { 'by-due': Date } };
	reviewLogs: { key: number; value: StoredReviewLog; indexes: { 'by-card': string; 'by-time': Date } };
	models: { key: [string, number]; value: ModelVersion; indexes: { 'by-name': string } };
	aliases: { key: [string, string]; value: StoredAlias; indexes: { 'by-name': string } };
	files: { key: [Zone, string]; value: StoredFile; indexes: { 'by-zone': Zone } };
	heldOut: { key: [string, number]; value: StoredHeldOut };
	datasets: { key: string; value: StoredDataset };
	settings: { key: string; value: StoredSetting };
	interviewAttempts: { key: number; value: StoredInterviewAttempt; indexes: { 'by-question': string; 'by-time': Date } };
	examAttempts: { key: number; value: StoredExamAttempt; indexes: { 'by-time': Date } };
	mistakes: { key: string; value: StoredMistake };
	runs: { key: number; value: StoredRun; indexes: { 'by-time': Date; 'by-experiment': string } };
	endpoints: { key: string; value: StoredEndpoint };
	endpointRequests: { key: number; value: StoredEndpointRequest; indexes: { 'by-endpoint': string; 'by-time': Date } };
	examSessions: { key: string; value: StoredExamSession };
	ragConfigs: { key: [string, number]; value: StoredRagConfig; indexes: { 'by-name': string } };
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
				db.createObjectStore('settings', { keyPath: 'key' });
				const interviews = db.createObjectStore('interviewAttempts', { keyPath: 'id', autoIncrement: true });
				interviews.createIndex('by-question', 'questionId');
				interviews.createIndex('by-time', 'startedAt');
				db.createObjectStore('examAttempts', { keyPath: 'id', autoIncrement: true }).createIndex('by-time', 'startedAt');
				db.createObjectStore('mistakes', { keyPath: 'itemId' });
			}
			if (oldVersion < 2) {
				// Version 2: experiment tracking.
				const runs = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
				runs.createIndex('by-time', 'startedAt');
				runs.createIndex('by-experiment', 'experiment');
			}
			if (oldVersion < 3) {
				// Version 3: online endpoints and their request log.
				db.createObjectStore('endpoints', { keyPath: 'name' });
				const requests = db.createObjectStore('endpointRequests', { keyPath: 'id', autoIncrement: true });
				requests.createIndex('by-endpoint', 'endpoint');
				requests.createIndex('by-time', 'at');
			}
			if (oldVersion < 4) {
				// Version 4: the practice exam in progress (it used to live in sessionStorage).
				db.createObjectStore('examSessions', { keyPath: 'id' });
			}
			if (oldVersion < 6) {
				// Version 6: the RAG lab's saved configurations, by name and version (with their aliases).
				db.createObjectStore('ragConfigs', { keyPath: ['name', 'version'] }).createIndex('by-name', 'name');
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
