// The sink behind the datastore writer: bytes in order, nothing after close or abort, and no write
// left waiting for ever.
import { describe, expect, it } from 'vitest';
import { streamSink } from '../../../src/lib/db/blob-sink';

const text = (s: string) => new TextEncoder().encode(s);

describe('streamSink', () => {
	it('keeps the order of writes nobody awaited, and skips empty ones', async () => {
		const sink = streamSink('text/csv', true);
		const writes = ['a,b\n', '', '1,2\n', '3,4\n'].map((s) => sink.write(text(s)));
		const blob = await sink.close();
		await Promise.all(writes);
		expect(await blob.text()).toBe('a,b\n1,2\n3,4\n');
		expect(blob.type).toBe('text/csv');
	});

	it('refuses a write or a second close once closed', async () => {
		const sink = streamSink('text/csv', true);
		await sink.write(text('x'));
		await sink.close();
		await expect(sink.write(text('y'))).rejects.toThrow('already closed');
		await expect(sink.close()).rejects.toThrow('already closed');
	});

	it('after abort, writes still waiting settle without adding anything, and close is refused', async () => {
		const sink = streamSink('text/csv', false);
		const first = sink.write(text('kept only in memory'));
		const second = sink.write(text('never added'));
		sink.abort();
		await expect(first).resolves.toBeUndefined();
		await expect(second).resolves.toBeUndefined();
		await expect(sink.write(text('late'))).rejects.toThrow('already closed');
		await expect(sink.close()).rejects.toThrow('already closed');
	});
});
