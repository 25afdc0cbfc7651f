// An uploaded evaluation dataset: JSON Lines (one JSON object per line), its fields mapped to the
// evaluation's inputs with Foundry's data-mapping syntax, e.g.
//   { query: '${data.question}', ground_truth: '${data.answer}', context: '${data.passage}' }
// (`${data.a.b}` reaches into nested objects). Every problem is named with its line and field, so a
// wrong mapping says which fields the file does have.
import type { EvalExample } from '../types';

/** Evaluation input → `${data.<field>}`. query and ground_truth are required; the rest optional. */
export interface FieldMapping {
	query: string;
	ground_truth: string;
	/** Text (or a list of texts) given as context; kept on the example. */
	context?: string;
	/** Relevant documents: a note id, `<note id>#<section slug>`, or a list of them. */
	relevant?: string;
	/** A stable id for each line; `line-<n>` when not mapped. */
	id?: string;
}

export const DEFAULT_MAPPING: FieldMapping = { query: '${data.query}', ground_truth: '${data.ground_truth}' };

/** Most non-blank lines one upload may have. */
export const MAX_JSONL_LINES = 5000;
/** Most problems listed in one error message. */
const MAX_LISTED = 10;

export class JsonlDatasetError extends Error {
	constructor(readonly problems: string[]) {
		super(problems.length <= MAX_LISTED ? problems.join('\n') : [...problems.slice(0, MAX_LISTED), `…and ${problems.length - MAX_LISTED} more problems.`].join('\n'));
		this.name = 'JsonlDatasetError';
	}
}

type Input = keyof FieldMapping;
const INPUTS: Input[] = ['query', 'ground_truth', 'context', 'relevant', 'id'];
const REQUIRED: Input[] = ['query', 'ground_truth'];

/** The field path of a `${data.<path>}` mapping, or null when it is not one. */
export function mappedPath(mapping: string): string[] | null {
	const m = /^\$\{data\.([A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*)*)\}$/.exec(mapping.trim());
	return m ? m[1]!.split('.') : null;
}

function valueAt(row: Record<string, unknown>, path: string[]): unknown {
	let v: unknown = row;
	for (const key of path) {
		if (v === null || typeof v !== 'object' || Array.isArray(v) || !(key in v)) return undefined;
		v = (v as Record<string, unknown>)[key];
	}
	return v;
}

function typeName(v: unknown): string {
	return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A string, or a list of strings when `list` allows it; otherwise the problem. */
function textOf(v: unknown, list: boolean): string | string[] | { problem: string } {
	if (typeof v === 'string') return v;
	if (list && Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
	return { problem: `must be text${list ? ' or a list of texts' : ''}, not ${typeName(v)}` };
}

function relevantOf(value: string | string[]): EvalExample['relevant'] {
	return (Array.isArray(value) ? value : [value])
		.map((s) => s.trim())
		.filter((s) => s !== '')
		.map((s) => {
			const [docId, section] = s.split('#', 2) as [string, string | undefined];
			return section ? { docId, section } : { docId };
		});
}

/** Parses a JSONL dataset with a field mapping; throws a JsonlDatasetError listing every problem found. */
export function parseJsonlDataset(text: string, mapping: FieldMapping = DEFAULT_MAPPING): { examples: EvalExample[]; fields: string[] } {
	const paths = new Map<Input, string[]>();
	const problems: string[] = [];
	for (const input of INPUTS) {
		const m = mapping[input];
		if (m === undefined || m.trim() === '') {
			if (REQUIRED.includes(input)) problems.push(`The mapping for ${input} is missing: map it to a field, e.g. \${data.${input}}.`);
			continue;
		}
		const path = mappedPath(m);
		if (path) paths.set(input, path);
		else problems.push(`The mapping for ${input} must look like \${data.<field>}, not "${m}".`);
	}
	if (problems.length) throw new JsonlDatasetError(problems);

	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const rows: { line: number; row: Record<string, unknown> }[] = [];
	lines.forEach((raw, i) => {
		if (raw.trim() === '') return;
		try {
			const row: unknown = JSON.parse(raw);
			if (row === null || typeof row !== 'object' || Array.isArray(row)) problems.push(`Line ${i + 1} is ${typeName(row)}, not a JSON object.`);
			else rows.push({ line: i + 1, row: row as Record<string, unknown> });
		} catch (e) {
			problems.push(`Line ${i + 1} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
		}
	});
	const nonBlank = rows.length + problems.length;
	if (nonBlank === 0) throw new JsonlDatasetError(['The file is empty: a JSONL dataset has one JSON object per line.']);
	if (nonBlank > MAX_JSONL_LINES) throw new JsonlDatasetError([`The file has ${nonBlank} lines; at most ${MAX_JSONL_LINES} can be evaluated at once.`]);
	if (problems.length) throw new JsonlDatasetError(problems);

	const fields = [...new Set(rows.flatMap((r) => Object.keys(r.row)))];
	for (const [input, path] of paths) {
		if (!rows.some((r) => valueAt(r.row, path) !== undefined)) {
			problems.push(`The mapping for ${input} points at data.${path.join('.')}, but no line has that field. Fields found: ${fields.join(', ') || 'none'}.`);
		}
	}
	if (problems.length) throw new JsonlDatasetError(problems);

	const examples: EvalExample[] = [];
	const firstLineOfId = new Map<string, number>();
	for (const { line, row } of rows) {
		const values: Partial<Record<Input, string | string[]>> = {};
		for (const [input, path] of paths) {
			const field = `"${path.join('.')}" (mapped to ${input})`;
			const v = valueAt(row, path);
			if (v === undefined || v === null) {
				if (REQUIRED.includes(input) || input === 'id') problems.push(`Line ${line} has no ${field}.`);
				continue;
			}
			const t = input === 'id' && typeof v === 'number' ? String(v) : textOf(v, input === 'context' || input === 'relevant');
			if (typeof t === 'object' && !Array.isArray(t)) problems.push(`Line ${line}: ${field} ${t.problem}.`);
			else if (input === 'query' && (t as string).trim() === '') problems.push(`Line ${line}: ${field} is empty.`);
			else values[input] = t;
		}
		const id = typeof values.id === 'string' ? values.id : `line-${line}`;
		const first = firstLineOfId.get(id);
		if (first !== undefined) problems.push(`Line ${line} repeats the id "${id}" of line ${first}.`);
		firstLineOfId.set(id, first ?? line);
		if (values.query === undefined || values.ground_truth === undefined) continue;
		examples.push({
			id,
			query: (values.query as string).trim(),
			groundTruth: (values.ground_truth as string).trim(),
			relevant: values.relevant ? relevantOf(values.relevant) : [],
			...(values.context !== undefined ? { context: Array.isArray(values.context) ? values.context.join('\n\n') : values.context } : {})
		});
	}
	if (problems.length) throw new JsonlDatasetError(problems);
	return { examples, fields };
}
