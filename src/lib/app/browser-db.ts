// Pages reach the browser's one database connection through the app layer, never through
// $lib/db directly; they pass it to the workflows here, which take the database as a parameter.
export { getDb, onDbProblem } from '../db/browser-db';
