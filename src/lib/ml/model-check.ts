// The one check of a model artifact read back from storage (registry folder, IndexedDB, backup):
// schema and finiteness of everything score() multiplies with, so a hand-edited or truncated file
// is refused with the file and field named instead of scoring NaN or null probabilities.
import { ARTIFACT_FORMAT_VERSION, type ModelDraft, type ModelMetrics, type ModelVersion } from './model-artifact';

/** A stored model that cannot be used; the message names where it came from and the field. */
export class ModelArtifactError extends Error {
	constructor(
		readonly where: string,
		readonly field: string,
		problem: string
	) {
		super(`${where}: ${field ? `"${field}" ` : ''}${problem}`);
		this.name = 'ModelArtifactError';
	}
}

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (v: unknown) => {
	const text = v === undefined ? 'nothing' : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

class Checker {
	constructor(readonly where: string) {}
	fail(field: string, problem: string): never {
		throw new ModelArtifactError(this.where, field, problem);
	}
	object(v: unknown, field: string): Rec {
		if (!isObject(v)) this.fail(field, `must be an object, not ${shown(v)}.`);
		return v;
	}
	list(v: unknown, field: string): unknown[] {
		if (!Array.isArray(v)) this.fail(field, `must be a list, not ${shown(v)}.`);
		return v;
	}
	text(v: unknown, field: string): string {
		if (typeof v !== 'string' || v === '') this.fail(field, `must be non-empty text, not ${shown(v)}.`);
		return v;
	}
	finite(v: unknown, field: string): number {
		if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(field, `must be a finite number, not ${shown(v)}.`);
		return v;
	}
	positiveInt(v: unknown, field: string): number {
		if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) this.fail(field, `must be a whole number from 1, not ${shown(v)}.`);
		return v;
	}
}

/** The model part of a version (what model.json holds): everything scoring depends on. */
export function checkArtifact(value: unknown, where: string): Omit<ModelDraft, 'metrics'> {
	const c = new Checker(where);
	const a = c.object(value, '');
	const format = c.positiveInt(a.formatVersion, 'formatVersion');
	if (format > ARTIFACT_FORMAT_VERSION) c.fail('formatVersion', `is ${format}: this model was saved by a newer Prep Lab (this one reads format ${ARTIFACT_FORMAT_VERSION}). Update the app first.`);
	c.text(a.name, 'name');
	c.text(a.target, 'target');
	c.text(a.createdAt, 'createdAt');

	const p = c.object(a.preprocessor, 'preprocessor');
	const names = new Set<string>();
	const feature = (name: unknown, field: string) => {
		const n = c.text(name, field);
		if (names.has(n)) c.fail(field, `names the feature "${n}" twice.`);
		names.add(n);
		return n;
	};
	const numeric = c.list(p.numeric, 'preprocessor.numeric').map((step, j) => {
		const f = `preprocessor.numeric[${j}]`;
		const s = c.object(step, f);
		const name = feature(s.name, `${f}.name`);
		const median = c.finite(s.median, `${f}.median`);
		const mean = c.finite(s.mean, `${f}.mean`);
		const scale = c.finite(s.scale, `${f}.scale`);
		if (!(scale > 0)) c.fail(`${f}.scale`, `must be greater than 0, not ${scale}.`);
		return { name, median, mean, scale };
	});
	const categorical = c.list(p.categorical, 'preprocessor.categorical').map((step, j) => {
		const f = `preprocessor.categorical[${j}]`;
		const s = c.object(step, f);
		const name = feature(s.name, `${f}.name`);
		const categories = c.list(s.categories, `${f}.categories`).map((cat, k) => {
			if (typeof cat !== 'string') c.fail(`${f}.categories[${k}]`, `must be text, not ${shown(cat)}.`);
			return cat;
		});
		return { name, categories };
	});

	const weights = c.list(a.weights, 'weights').map((w, j) => c.finite(w, `weights[${j}]`));
	const width = numeric.length + categorical.reduce((n, s) => n + s.categories.length, 0);
	if (weights.length !== width) c.fail('weights', `has ${weights.length} values, but the preprocessing encodes ${width} features.`);
	c.finite(a.intercept, 'intercept');

	const sig = c.object(a.signature, 'signature');
	const inputs = c.list(sig.inputs, 'signature.inputs').map((input, j) => {
		const i = c.object(input, `signature.inputs[${j}]`);
		const name = c.text(i.name, `signature.inputs[${j}].name`);
		if (i.type !== 'double' && i.type !== 'string') c.fail(`signature.inputs[${j}].type`, `must be "double" or "string", not ${shown(i.type)}.`);
		if (!names.has(name)) c.fail(`signature.inputs[${j}].name`, `is "${name}", which the preprocessing does not use.`);
		return name;
	});
	const missing = [...names].find((n) => !inputs.includes(n));
	if (missing !== undefined) c.fail('signature.inputs', `does not list the feature "${missing}".`);
	if (sig.sensitive !== undefined) c.list(sig.sensitive, 'signature.sensitive').forEach((s, j) => c.text(s, `signature.sensitive[${j}]`));
	c.object(a.params, 'params');
	c.object(a.solver, 'solver');
	if (a.profile !== undefined) c.list(c.object(a.profile, 'profile').features, 'profile.features');
	return a as unknown as Omit<ModelDraft, 'metrics'>;
}

/** Metrics may be missing or null (shown as "—"), but must be numbers when present. */
export function checkMetrics(value: unknown, where: string): ModelMetrics {
	const c = new Checker(where);
	const m = c.object(value, 'metrics');
	for (const [key, v] of Object.entries(m)) {
		if (key === 'cv') continue;
		if (v !== null && (typeof v !== 'number' || Number.isNaN(v))) c.fail(`metrics.${key}`, `must be a number, not ${shown(v)}.`);
	}
	return m as unknown as ModelMetrics;
}

/** Version number, description and tags; a `threshold` tag must be a probability between 0 and 1. */
export function checkVersionMeta(value: unknown, where: string): Pick<ModelVersion, 'version' | 'description' | 'tags'> {
	const c = new Checker(where);
	const v = c.object(value, '');
	const version = c.positiveInt(v.version, 'version');
	const description = v.description ?? '';
	if (typeof description !== 'string') return c.fail('description', `must be text, not ${shown(description)}.`);
	const tags = c.object(v.tags ?? {}, 'tags');
	for (const [key, tag] of Object.entries(tags)) if (typeof tag !== 'string') c.fail(`tags.${key}`, `must be text, not ${shown(tag)}.`);
	if (Object.hasOwn(tags, 'threshold')) {
		const t = Number(tags.threshold);
		if (!(Number.isFinite(t) && t > 0 && t < 1)) c.fail('tags.threshold', `must be a probability between 0 and 1, not ${shown(tags.threshold)}.`);
	}
	return { version, description, tags: tags as Record<string, string> };
}

/** A whole stored version (an IndexedDB record): model, metrics and metadata checked together. */
export function parseModelVersion(value: unknown, where: string): ModelVersion {
	const artifact = checkArtifact(value, where);
	const record = value as Rec;
	const metrics = checkMetrics(record.metrics, where);
	const meta = checkVersionMeta(record, where);
	return { ...(artifact as ModelDraft), metrics, ...meta };
}
