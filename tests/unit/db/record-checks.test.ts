// Records read back from IndexedDB: what pages cannot show is skipped and named; what they can show
// (including records with optional fields missing) passes.
import { describe, expect, it } from 'vitest';
import { keepReadable } from '../../../src/lib/db/record-checks';
import { skippedMessage } from '../../../src/lib/app/skipped-records';
import { formatDateTime, formatMetric } from '../../../src/lib/format';

const at = new Date('2026-11-25T09:00:00Z');

describe('record checks on read', () => {
	it('keeps model versions with missing or null metrics and skips those with text metrics, naming them', () => {
		const skipped: string[] = [];
		const kept = keepReadable('models', [
			{ name: 'delinquency', version: 1, metrics: {} },
			{ name: 'delinquency', version: 2, metrics: { rocAuc: null, prAuc: null, trainRows: 2, testRows: 0 } },
			{ name: 'delinquency', version: 3, metrics: { rocAuc: '0.9' } },
			{ name: 'delinquency', version: 4, metrics: 'good' },
			{ name: 'delinquency', version: 5, metrics: { rocAuc: 0.8 }, tags: { owner: 7 } }
		], skipped);
		expect(kept.map((v) => (v as { version: number }).version)).toEqual([1, 2]);
		expect(skipped).toEqual([
			'model version delinquency:3 ("metrics" has "rocAuc" that is not a number)',
			'model version delinquency:4 ("metrics" is missing or has the wrong type)',
			'model version delinquency:5 ("tags" is missing or has the wrong type)'
		]);
	});

	it('keeps an endpoint whose createdAt is null and skips one without keys', () => {
		const endpoint = { name: 'credit-risk', keys: { primary: 'a', secondary: 'b' }, deployments: [], traffic: {}, mirrorTraffic: {}, createdAt: null };
		const skipped: string[] = [];
		expect(keepReadable('endpoints', [endpoint, { ...endpoint, name: 'no-keys', keys: null }], skipped)).toEqual([endpoint]);
		expect(skipped).toEqual(['endpoint "no-keys" ("keys" is missing or has the wrong type)']);
	});

	it('skips runs, exam attempts, reviews and requests that would break their pages', () => {
		const run = { id: 14, experiment: 'train', startedAt: at, params: {}, metrics: { rocAuc: 0.8 }, tags: {} };
		const skipped: string[] = [];
		expect(keepReadable('runs', [run, { ...run, id: 15, metrics: { rocAuc: 'high' } }, { ...run, id: 16, startedAt: '2026-11-25' }], skipped)).toEqual([run]);
		expect(keepReadable('examAttempts', [{ id: 3, mode: 'full', startedAt: at, itemIds: ['a'], correct: {} }], skipped)).toEqual([]);
		expect(keepReadable('reviewLogs', [null, 'x'], skipped)).toEqual([]);
		expect(keepReadable('endpointRequests', [{ id: 9, endpoint: 'e', at, status: 200, latencyMs: Infinity, records: 1 }], skipped)).toEqual([]);
		expect(skipped).toEqual([
			'run 15 ("metrics" has "rocAuc" that is not a number)',
			'run 16 ("startedAt" is missing or has the wrong type)',
			'practice exam 3 ("score" is missing or has the wrong type)',
			'a reviewLogs record (is not an object)',
			'a reviewLogs record (is not an object)',
			'request 9 ("latencyMs" is missing or has the wrong type)'
		]);
	});

	it('says how many records were left out, naming the first five', () => {
		expect(skippedMessage([])).toBeNull();
		expect(skippedMessage(['run 14 (x)'])).toBe('1 record could not be read and is not shown: run 14 (x). Restore a backup or delete them to clear this message.');
		const seven = Array.from({ length: 7 }, (_, i) => `run ${i + 1} (x)`);
		expect(skippedMessage(seven)).toBe(
			'7 records could not be read and are not shown: run 1 (x); run 2 (x); run 3 (x); run 4 (x); run 5 (x); and 2 more. Restore a backup or delete them to clear this message.'
		);
	});

	it('pages show "—" for a missing metric or date instead of throwing', () => {
		expect(formatMetric(null)).toBe('—');
		expect(formatMetric(undefined)).toBe('—');
		expect(formatMetric(NaN)).toBe('—');
		expect(formatMetric(0.81234)).toBe('0.812');
		expect(formatMetric(0.81234, 4)).toBe('0.8123');
		expect(formatDateTime(null)).toBe('—');
		expect(formatDateTime('not a date')).toBe('—');
		expect(formatDateTime(at)).not.toBe('—');
	});
});
