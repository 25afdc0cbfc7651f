// Editing a registered version on the Models page: where its aliases point, and its description and
// tags. The model itself never changes (versions are immutable).
import type { ModelRegistry } from '../lab/storage';
import type { ModelVersion } from '../ml/model-artifact';

/** "owner=risk, data=raw/x.csv" → { owner: 'risk', data: 'raw/x.csv' }; a malformed pair is named. */
export function parseTags(text: string): Record<string, string> {
	const tags: Record<string, string> = Object.create(null); // keys are typed by the learner: "__proto__" is just a tag
	for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
		const eq = part.indexOf('=');
		if (eq <= 0) throw new RangeError(`Tag "${part}" needs the form key=value.`);
		tags[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
	}
	return tags;
}

/** The tags as the learner types them: "owner=risk, data=raw/x.csv". */
export const formatTags = (tags: Record<string, string> | undefined) =>
	Object.entries(tags ?? {})
		.map(([k, v]) => `${k}=${v}`)
		.join(', ');

/** Saves the description and the typed tags; a malformed tag saves nothing. */
export async function saveVersionMeta(registry: ModelRegistry, modelName: string, version: number, description: string, tagsText: string): Promise<ModelVersion> {
	return registry.updateMeta(modelName, version, { description, tags: parseTags(tagsText) });
}

/** Points `alias` at the version, or removes it with null. */
export const setVersionAlias = (registry: ModelRegistry, modelName: string, alias: string, version: number | null): Promise<void> => registry.setAlias(modelName, alias, version);
