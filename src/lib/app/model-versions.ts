// Listing a model's versions for a page (Models, Endpoints): only versions a page can show (name,
// version, metrics as optional numbers) are returned; the others are named in `skipped`. Whether a
// version can be scored is checked where it is loaded for scoring.
import { keepReadable } from '../db/record-checks';
import type { ModelRegistry } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';

export interface ReadableVersions {
	/** Newest first. */
	versions: ModelVersion[];
	aliases: Record<string, number>;
	skipped: string[];
}

export async function readableVersions(registry: ModelRegistry, name: string): Promise<ReadableVersions> {
	const skipped: string[] = [];
	const [all, aliases] = await Promise.all([registry.list(name), registry.aliases(name)]);
	return { versions: keepReadable<ModelVersion>('models', all, skipped), aliases, skipped };
}
