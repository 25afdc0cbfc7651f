// The one way an unknown thrown value becomes words for the learner. Pages, workers and the CLI
// all call this, so a message reads the same wherever the error surfaces.
import { CsvSchemaError } from './ml/csv-schema';

export function errorMessage(e: unknown): string {
	if (e instanceof CsvSchemaError) return `CSV problem${e.row ? ` (row ${e.row}${e.column ? `, column "${e.column}"` : ''})` : ''}: ${e.message}`;
	const errno = e as { code?: unknown; path?: unknown };
	if (errno && errno.code === 'ENOENT' && typeof errno.path === 'string') return `File not found: ${errno.path}`;
	if (e instanceof Error) return e.message;
	return String(e);
}
