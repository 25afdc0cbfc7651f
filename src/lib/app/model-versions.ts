// Listing a model's versions for a page (Models, Endpoints). The registry checks every stored
// version when it reads it (ml/model-check): usable versions are listed, the others are named in
// `broken` with the field that is wrong, so a page shows what it can and says what it left out.
import type { BrokenVersion, ModelRegistry } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';

export interface ReadableVersions {
	/** Newest first. */
	versions: ModelVersion[];
	aliases: Record<string, number>;
	broken: BrokenVersion[];
}

export async function readableVersions(registry: ModelRegistry, name: string): Promise<ReadableVersions> {
	const [versions, aliases, broken] = await Promise.all([registry.list(name), registry.aliases(name), registry.broken(name)]);
	return { versions, aliases, broken };
}
