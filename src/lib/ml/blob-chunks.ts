// A Blob's bytes chunk by chunk, for the CSV reader. Each chunk is valid until the next is asked for
// (the caller copies it first).

/**
 * A BYOB stream read into two buffers used in turn, rather than slice(i, i + chunkSize).arrayBuffer():
 * in Chromium each slice is a separate read of the stored Blob into fresh memory, and for a 50 MB file
 * in IndexedDB the slices took twice as long as the stream (measured in the lab worker, issue 18).
 * The next chunk is read while the caller parses this one; a buffer is filled again only after the
 * caller has copied it. Where a Blob's stream has no BYOB reader (Safari before 26.4), the slices.
 */
export async function* blobChunks(blob: Blob, chunkSize: number): AsyncGenerator<Uint8Array> {
	let reader: ReadableStreamBYOBReader;
	try {
		reader = blob.stream().getReader({ mode: 'byob' });
	} catch {
		yield* sliceChunks(blob, chunkSize);
		return;
	}
	// Buffers no larger than the Blob: a lab job reads many small files, and two fresh 4 MB buffers for
	// each (with the writer's 8 MB) made a simulated month of 300-row days take over 15 s for 10 days,
	// where it now takes seconds for all 30 (fresh memory is slow to get).
	const size = Math.max(1, Math.min(chunkSize, blob.size));
	const fill = async (buffer: ArrayBuffer): Promise<{ bytes: Uint8Array; done: boolean }> => {
		let filled = 0;
		while (filled < size) {
			const { value, done } = await reader.read(new Uint8Array(buffer, filled, size - filled));
			if (value) buffer = value.buffer as ArrayBuffer;
			if (done) return { bytes: new Uint8Array(buffer, 0, filled), done: true };
			filled += value!.byteLength;
		}
		return { bytes: new Uint8Array(buffer, 0, filled), done: false };
	};
	let next = fill(new ArrayBuffer(size));
	try {
		let spare = new ArrayBuffer(size);
		for (;;) {
			const { bytes, done } = await next;
			if (!done) next = fill(spare);
			if (bytes.length > 0) yield bytes;
			if (done) break;
			spare = bytes.buffer as ArrayBuffer;
		}
	} finally {
		// Stopped early (a row limit, a bad row): the read ahead is dropped, whatever its outcome.
		next.catch(() => {});
		await reader.cancel().catch(() => {});
	}
}

/** Slices read one ahead: the next slice is read while this one is parsed. */
export async function* sliceChunks(blob: Blob, chunkSize: number): AsyncGenerator<Uint8Array> {
	const slice = (i: number) => (i < blob.size ? blob.slice(i, i + chunkSize).arrayBuffer() : null);
	let next = slice(0);
	for (let i = 0; next; i += chunkSize) {
		const bytes = new Uint8Array(await next);
		next = slice(i + chunkSize);
		yield bytes;
	}
}
