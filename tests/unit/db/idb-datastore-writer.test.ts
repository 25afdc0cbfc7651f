// The datastore writer streams what it is given into a Blob (blob-sink.ts); what it stores must be
// exactly what was written, even when the caller reuses its buffer after each write, as batch
// scoring's output blocks do.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readerReleasesChunks } from '../../../src/lib/db/blob-sink';
import { idbDatastore, QuotaError } from '../../../src/lib/db/idb-datastore';
import { openPrepLabDb } from '../../../src/lib/db/schema';

let n = 0;
const lines = Array.from({ length: 500 }, (_, i) => `A${i},${(i / 7).toFixed(5)},"quoted, ${i}"\n`);
const encoder = new TextEncoder();

describe('idbDatastore writer (streamed into a Blob)', () => {
	it('stores exactly what was written, in order, and nothing before close', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		const datastore = idbDatastore(db, () => new Date('2026-11-25T08:00:00Z'), async () => ({}));
		const writer = await datastore.createWriter('curated', 'out.csv');
		for (const [i, line] of lines.entries()) await writer.write(i % 2 ? line : encoder.encode(line));
		expect(await datastore.exists('curated', 'out.csv')).toBe(false);
		await writer.close();
		expect(await datastore.readText('curated', 'out.csv')).toBe(lines.join(''));
		expect((await datastore.list('curated'))[0]).toMatchObject({ name: 'out.csv', size: new Blob(lines).size, modifiedAt: '2026-11-25T08:00:00.000Z' });
		await expect(writer.write('more')).rejects.toThrow('writer is closed');
	});

	it('keeps every byte when the caller fills the same buffer again after each write', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		const datastore = idbDatastore(db, () => new Date(), async () => ({}));
		const writer = await datastore.createWriter('curated', 'big.csv');
		// About 3 MB in blocks of up to 300 KB, all through one buffer.
		const buffer = new Uint8Array(300_000);
		const expected: string[] = [];
		for (let i = 0; i < 10; i++) {
			const block = `${String.fromCharCode(65 + i).repeat(299_999 - i * 1000)}\n`;
			expected.push(block);
			encoder.encodeInto(block, buffer);
			await writer.write(buffer.subarray(0, block.length));
		}
		await writer.close();
		expect(await datastore.readText('curated', 'big.csv')).toBe(expected.join(''));
	});

	it('hands copies to a stream reader that keeps chunks, as Node’s does', async () => {
		// Node's Response.blob() keeps each chunk until the end, so reusing a buffer would change what
		// was written: the check must say so here, and the sink then copies (the test above).
		expect(await readerReleasesChunks()).toBe(false);
	});

	it('an aborted writer leaves the previous file as it was', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		const datastore = idbDatastore(db, () => new Date(), async () => ({}));
		await datastore.writeText('curated', 'out.csv', 'old\n');
		const writer = await datastore.createWriter('curated', 'out.csv');
		for (const line of lines) await writer.write(line);
		await writer.abort();
		expect(await datastore.readText('curated', 'out.csv')).toBe('old\n');
		await expect(writer.write('more')).rejects.toThrow('writer is closed');
	});

	it('refuses at close when the output exceeds the free quota, keeping the old file', async () => {
		const db = await openPrepLabDb({}, `writer-${n++}`);
		const datastore = idbDatastore(db, () => new Date(), async () => ({ usage: 0, quota: 10_000 }));
		await datastore.writeText('curated', 'out.csv', 'old\n');
		const writer = await datastore.createWriter('curated', 'out.csv');
		for (const line of lines) await writer.write(line);
		await expect(writer.close()).rejects.toBeInstanceOf(QuotaError);
		expect(await datastore.readText('curated', 'out.csv')).toBe('old\n');
	});
});
