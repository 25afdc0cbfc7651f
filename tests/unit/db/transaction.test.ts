import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openPrepLabDb } from '../../../src/lib/db/schema';
import { abortOnError } from '../../../src/lib/db/transaction';

let n = 0;

describe('abortOnError', () => {
	it('keeps nothing a failed step wrote and passes its error on unchanged', async () => {
		const db = await openPrepLabDb({}, `transaction-${n++}`);
		const tx = db.transaction('settings', 'readwrite');
		const problem = new RangeError('second step refused');
		const failed = abortOnError(tx, async () => {
			await tx.store.put({ key: 'written-first', value: 1 });
			throw problem;
		});
		await expect(failed).rejects.toBe(problem);
		expect(await db.get('settings', 'written-first')).toBeUndefined();
	});

	it('returns what the work returns and lets the transaction commit', async () => {
		const db = await openPrepLabDb({}, `transaction-${n++}`);
		const tx = db.transaction('settings', 'readwrite');
		const key = await abortOnError(tx, async () => tx.store.put({ key: 'kept', value: 2 }));
		await tx.done;
		expect(key).toBe('kept');
		expect((await db.get('settings', 'kept'))?.value).toBe(2);
	});
});
