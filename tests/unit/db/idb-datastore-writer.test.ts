// The datastore writer folds its parts into a Blob every few MB; what it stores must not change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbDatastore, QuotaError } from '../../../src/lib/db/idb-datastore';
import { openPrepLabDb } from '../../../src/lib/db/schema';

let n = 0;
const lines = Array.from({ length: 500 }, (_, i) => `A${i},${(i / 7).toFixed(5)},"quoted, ${i}"\n`);

describe('idbDatastore writer (folded into a Blob)', () => {
	it('stores exactly what was written, in order, across many folds', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		// A 100-byte fold size makes almost every write fold.
		const datastore = idbDatastore(db, () => new Date('2026-11-25T08:00:00Z'), async () => ({}), 100);
		const writer = await datastore.createWriter('curated', 'out.csv');
		for (const line of lines) await writer.write(line);
		expect(await datastore.exists('curated', 'out.csv')).toBe(false);
		await writer.close();
		expect(await datastore.readText('curated', 'out.csv')).toBe(lines.join(''));
		expect((await datastore.list('curated'))[0]).toMatchObject({ name: 'out.csv', size: new Blob(lines).size, modifiedAt: '2026-11-25T08:00:00.000Z' });
		await expect(writer.write('more')).rejects.toThrow('writer is closed');
	});

	it('grows its buffer from small to the fold size and still stores every byte in order', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		// 64 KB to start, doubled to 300,000 bytes, then folded: about 1.2 MB written in lines and blocks.
		const datastore = idbDatastore(db, () => new Date(), async () => ({}), 300_000);
		const writer = await datastore.createWriter('curated', 'big.csv');
		const parts: string[] = [];
		for (let i = 0; i < 12_000; i++) {
			const part = i % 1000 === 999 ? 'x'.repeat(70_000) + '\n' : lines[i % lines.length]!;
			parts.push(part);
			await writer.write(i % 2 ? part : new TextEncoder().encode(part));
		}
		await writer.close();
		expect(await datastore.readText('curated', 'big.csv')).toBe(parts.join(''));
	});

	it('an aborted writer leaves the previous file as it was, even after folding', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		const datastore = idbDatastore(db, () => new Date(), async () => ({}), 100);
		await datastore.writeText('curated', 'out.csv', 'old\n');
		const writer = await datastore.createWriter('curated', 'out.csv');
		for (const line of lines) await writer.write(line);
		await writer.abort();
		expect(await datastore.readText('curated', 'out.csv')).toBe('old\n');
	});

	it('refuses at close when the folded output exceeds the free quota, keeping the old file', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		const datastore = idbDatastore(db, () => new Date(), async () => ({ usage: 0, quota: 10_000 }), 100);
		await datastore.writeText('curated', 'out.csv', 'old\n');
		const writer = await datastore.createWriter('curated', 'out.csv');
		for (const line of lines) await writer.write(line);
		await expect(writer.close()).rejects.toBeInstanceOf(QuotaError);
		expect(await datastore.readText('curated', 'out.csv')).toBe('old\n');
	});
});
