// A Blob the browser assembles as bytes arrive, for the datastore writer: the bytes go into a
// ReadableStream that `new Response(stream).blob()` reads, so the page never holds the whole output
// or copies it into fresh memory. (The writer before this gathered bytes and made a new Blob every
// 8 MB; each of those copied its bytes into fresh memory, which took 0.4 s of a 1.7 s 1M-row batch
// job in the lab worker. With this sink the job took 1.45–1.50 s, and the renderer grew by 8–26 MB
// instead of 35–45 MB; issue 18.)
//
// Reusing a buffer once it is handed over is safe only if the stream's reader is done with it, and
// runtimes differ: Chromium copies a chunk into its data pipe before it asks for the next one, while
// Node's Response.blob() keeps every chunk until the end. So the first sink of a realm checks, once,
// whether this runtime's reader is done with a chunk when it asks for the next; where it is not, the
// sink hands the stream a copy of each chunk instead.

export interface BlobSink {
	/** Adds bytes; once the promise settles the caller may change them again. */
	write(bytes: Uint8Array): Promise<void>;
	/** Ends the Blob after the last write and resolves with it. */
	close(): Promise<Blob>;
	/** Drops everything written; writes still waiting settle without adding anything. */
	abort(): void;
}

/** Exported for tests; use blobSink(), which decides `copy` for this runtime. */
export function streamSink(type: string, copy: boolean): BlobSink {
	let controller!: ReadableStreamDefaultController<Uint8Array>;
	/** The reader has asked for a chunk that was not given yet. */
	let wanted = false;
	let wake: (() => void) | null = null;
	let failure: unknown = null;
	/** close() or abort() was called: no more writes. */
	let closed = false;
	/** abort() was called: writes still waiting add nothing. */
	let discarded = false;
	const woken = () => {
		const w = wake;
		wake = null;
		w?.();
	};
	const stream = new ReadableStream<Uint8Array>(
		{
			start: (c) => void (controller = c),
			pull() {
				wanted = true;
				woken();
			},
			cancel(reason) {
				failure ??= reason ?? new Error('The file could not be assembled.');
				woken();
			}
		},
		{ highWaterMark: 0 }
	);
	const blob = new Response(stream, { headers: { 'content-type': type } }).blob();
	// However the reader stops (it fails, or ends without cancelling the stream), a write waiting for
	// it is woken and fails instead of waiting for ever; close() reports the reader's own error.
	blob
		.then(
			() => void (failure ??= new Error('The file was finished before everything was written.')),
			(e: unknown) => void (failure ??= e ?? new Error('The file could not be assembled.'))
		)
		.finally(woken);
	const asked = () => (wanted || failure !== null || discarded ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));
	let queue: Promise<void> = Promise.resolve();
	return {
		write(bytes) {
			if (closed) return Promise.reject(new Error('The file is already closed.'));
			const written = queue.then(async () => {
				await asked();
				if (discarded || bytes.length === 0) return;
				if (failure !== null) throw failure;
				wanted = false;
				controller.enqueue(copy ? bytes.slice() : bytes);
				// The reader asks for the next chunk once it is done with this one.
				if (!copy) await asked();
				if (failure !== null && !discarded) throw failure;
			});
			queue = written.catch(() => undefined);
			return written;
		},
		async close() {
			if (closed) throw new Error('The file is already closed.');
			closed = true;
			await queue;
			if (failure !== null) throw failure;
			controller.close();
			return blob;
		},
		abort() {
			if (discarded) return;
			closed = discarded = true;
			// Already closed or failed: the stream is finished, and its Blob is simply not used.
			try {
				controller.error(new Error('The file was discarded.'));
			} catch {
				/* nothing to discard */
			}
			woken();
		}
	};
}

let readerDoneWhenAsking: Promise<boolean> | null = null;

/** Whether this runtime's Response.blob() is done with a chunk when it asks for the next (checked once). */
export function readerReleasesChunks(): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	return (readerDoneWhenAsking ??= Promise.race([
		(async () => {
			// As large as the blocks batch scoring hands over, so a reader that copies in steps is seen doing so.
			const bytes = new Uint8Array(1 << 20);
			const sink = streamSink('application/octet-stream', false);
			await sink.write(bytes.fill(1));
			await sink.write(bytes.fill(2));
			const seen = new Uint8Array(await (await sink.close()).arrayBuffer());
			return seen.length === 2 * bytes.length && seen.every((b, i) => b === (i < bytes.length ? 1 : 2));
		})(),
		// A reader that never answers is not trusted with reused buffers.
		new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000)))
	])
		.catch(() => false)
		.finally(() => clearTimeout(timer)));
}

/** A sink for a Blob of this MIME type, copying each chunk only where the runtime needs it. */
export async function blobSink(type: string): Promise<BlobSink> {
	return streamSink(type, !(await readerReleasesChunks()));
}
