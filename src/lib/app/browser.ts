// The page's way to its storage: the one shared IndexedDB connection and the lab storage built on
// it. Pages pass these to the workflows in this folder; they never call database modules themselves.
export { getDb, onDbProblem } from '../db/browser-db';
export { getLabStorage } from '../db/browser-storage';
