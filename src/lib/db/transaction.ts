// The one way a multi-step write gives up: if any step throws, the transaction is aborted (nothing it
// wrote is kept) and the error is passed on to the caller unchanged.

/** The part of an idb transaction this needs, whatever its stores. */
export interface Abortable {
	abort(): void;
	done: Promise<unknown>;
}

/**
 * Runs `work` inside `tx`; when it throws, aborts `tx`, waits for it (and for the requests in `pending`,
 * so none is left rejecting unheard) to settle and rethrows.
 */
export async function abortOnError<T>(tx: Abortable, work: () => Promise<T>, pending: readonly Promise<unknown>[] = []): Promise<T> {
	try {
		return await work();
	} catch (e) {
		try {
			tx.abort();
		} catch {
			// already finished
		}
		await Promise.allSettled([...pending, tx.done]);
		throw e;
	}
}
