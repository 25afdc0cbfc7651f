// A database as schema version 1 left it must open under the current schema with every record
// intact. The v1 layout is rebuilt here by hand (not by the current upgrade code), so a later
// migration that loses or reshapes data fails this test.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromTaggedJson } from '../../../src/lib/backup/tagged-json';
import { loadExamHistory } from '../../../src/lib/app/exam-history';
import { openAttemptReview } from '../../../src/lib/app/review-attempt';
import { DB_VERSION, openPrepLabDb } from '../../../src/lib/db/schema';

type V1Store = { name: string; keyPath: string | string[]; autoIncrement?: boolean; indexes?: [string, string][] };
const V1_STORES: V1Store[] = [
	{ name: 'cardStates', keyPath: 'cardId', indexes: [['by-due', 'due']] },
	{ name: 'reviewLogs', keyPath: 'id', autoIncrement: true, indexes: [['by-card', 'cardId'], ['by-time', 'reviewedAt']] },
	{ name: 'models', keyPath: ['name', 'version'], indexes: [['by-name', 'name']] },
	{ name: 'aliases', keyPath: ['name', 'alias'], indexes: [['by-name', 'name']] },
	{ name: 'files', keyPath: ['zone', 'name'], indexes: [['by-zone', 'zone']] },
	{ name: 'heldOut', keyPath: ['name', 'version'] },
	{ name: 'datasets', keyPath: 'file' },
	{ name: 'settings', keyPath: 'key' },
	{ name: 'interviewAttempts', keyPath: 'id', autoIncrement: true, indexes: [['by-question', 'questionId'], ['by-time', 'startedAt']] },
	{ name: 'examAttempts', keyPath: 'id', autoIncrement: true, indexes: [['by-time', 'startedAt']] },
	{ name: 'mistakes', keyPath: 'itemId' }
];

const fixture = fromTaggedJson(readFileSync(join(import.meta.dirname, '../../fixtures/db/schema-v1-records.json'), 'utf8')) as Record<string, unknown[]>;

function createV1(name: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name, 1);
		request.onupgradeneeded = () => {
			for (const s of V1_STORES) {
				const store = request.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement ?? false });
				for (const [index, path] of s.indexes ?? []) store.createIndex(index, path);
			}
		};
		request.onsuccess = () => {
			const db = request.result;
			const tx = db.transaction(Object.keys(fixture), 'readwrite');
			for (const [store, records] of Object.entries(fixture)) for (const r of records) tx.objectStore(store).put(r);
			tx.oncomplete = () => {
				db.close();
				resolve();
			};
			tx.onerror = () => reject(tx.error);
		};
		request.onerror = () => reject(request.error);
	});
}

describe('schema migrations', () => {
	it(`opens a version-1 database at version ${DB_VERSION} with every record intact`, async () => {
		await createV1('migration-v1');
		const db = await openPrepLabDb({}, 'migration-v1');
		expect(db.version).toBe(DB_VERSION);
		for (const [store, records] of Object.entries(fixture)) {
			expect(records.length, store).toBeGreaterThan(0);
			expect(await db.getAll(store as never), store).toEqual(records);
		}
		// Indexes still answer, and the stores added since version 1 exist and work.
		expect(await db.getAllFromIndex('reviewLogs', 'by-card', 'dp100/a')).toHaveLength(1);
		expect(await db.count('runs')).toBe(0);
		expect(await db.count('endpoints')).toBe(0);
		await db.add('endpointRequests', { endpoint: 'e', at: new Date(0), status: 200, latencyMs: 1, records: 1 });
		expect(await db.getAllFromIndex('endpointRequests', 'by-endpoint', 'e')).toHaveLength(1);
	});

	it('version 4 adds the exam-in-progress store, and attempts saved before it still list and open for review', async () => {
		await createV1('migration-v4');
		const db = await openPrepLabDb({}, 'migration-v4');
		expect([...db.objectStoreNames]).toContain('examSessions');
		expect(await db.count('examSessions')).toBe(0);
		await db.put('examSessions', { id: 'current', mode: 'full', domain: null, seed: 1, itemIds: ['td-001'], responses: {}, marked: [], checked: [], position: 0, startedAt: new Date(0), minutes: null, strict: false, usedMs: 0, savedAt: new Date(0) });
		expect(await db.get('examSessions', 'current')).toMatchObject({ itemIds: ['td-001'] });

		const history = await loadExamHistory(db);
		expect(history.skipped).toEqual([]);
		expect(history.attempts).toEqual(fixture.examAttempts);
		const review = await openAttemptReview(db, 1);
		expect('attempt' in review && review.attempt.responses).toBeUndefined();
		expect('attempt' in review && review.attempt.correct).toEqual({ 'td-001': false });
	});
});
