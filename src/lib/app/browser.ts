// The page's way to its storage: the one shared IndexedDB connection and the lab storage built on
// it. Pages pass these to the workflows in this folder; they never call database modules themselves.
import type { RandomSource } from '../lab/online-endpoint';
import type { LabStorage } from '../lab/storage';

export { getDb, onDbProblem } from '../db/browser-db';

/** The lab storage, loaded on first use: pages outside the lab do not carry the datastore and registry code. */
export const getLabStorage = async (): Promise<LabStorage> => (await import('../db/browser-storage')).getLabStorage();

/** Endpoint keys are secrets: drawn from the browser's cryptographic randomness. */
export const cryptoRandom: RandomSource = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
