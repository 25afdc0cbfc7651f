// `npm run lab -- rag-eval`: evaluate a RAG configuration on the content dataset or a JSONL file and
// print the metrics as JSON, with the same code the lab worker runs. With --gate, a failed quality
// gate makes the command exit non-zero, so a CI job can gate on it.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateRagConfig, type RagDataset } from '../lib/app/evaluate-rag-config';
import { DEFAULT_RAG_CONFIG, validateRagConfig } from '../lib/rag/config';
import { describeRagConfig } from '../lib/rag/config-params';
import { corpusFromNotes } from '../lib/rag/corpus';
import { datasetFromContent, sampleExamples } from '../lib/rag/eval/dataset-from-content';
import { DEFAULT_GATES, describeFailures, gateProblems, type GateSpec } from '../lib/rag/eval/gates';
import { DEFAULT_MAPPING, parseJsonlDataset, type FieldMapping } from '../lib/rag/eval/jsonl-dataset';
import { buildIndex } from '../lib/rag/rag-index';
import type { RagConfig } from '../lib/rag/types';
import { loadContent } from './content-files';

/** A thrown failure whose output (the metrics) was already printed: the gate failed. */
export class GateFailed extends Error {}

function readJson(path: string, what: string): unknown {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		throw new Error(`The ${what} file ${path} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
	}
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new Error(`The ${what} file ${path} is not valid JSON: ${(e as Error).message}`);
	}
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A configuration file may name only the settings it changes; the rest are the defaults. */
export function configFromFile(value: unknown, path: string): RagConfig {
	if (!isObject(value)) throw new Error(`The configuration file ${path} must hold a JSON object.`);
	const d = DEFAULT_RAG_CONFIG;
	const nested = (key: 'bm25' | 'vector' | 'prices') => ({ ...d[key], ...(isObject(value[key]) ? value[key] : {}) });
	const config = { ...d, ...value, bm25: nested('bm25'), vector: nested('vector'), prices: nested('prices') } as RagConfig;
	const problem = validateRagConfig(config);
	if (problem) throw new Error(`The configuration in ${path} is not usable: ${problem}.`);
	return config;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${value}".`);
	return n;
}

export async function ragEvalCommand(args: string[], out: (line: string) => void): Promise<void> {
	const { values: o } = parseArgs({
		args,
		strict: true,
		options: { config: { type: 'string' }, dataset: { type: 'string' }, mapping: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' }, gate: { type: 'boolean' }, gates: { type: 'string' } }
	});
	const config = o.config ? configFromFile(readJson(o.config, 'configuration'), o.config) : structuredClone(DEFAULT_RAG_CONFIG);
	let gates: GateSpec[] = [];
	if (o.gates) gates = readJson(o.gates, 'gates') as GateSpec[];
	else if (o.gate) gates = [...DEFAULT_GATES];
	if (!Array.isArray(gates)) throw new Error(`The gates file ${o.gates} must hold a JSON list of gates.`);
	const problems = gateProblems(gates);
	if (problems.length) throw new Error(`The gates are not usable: ${problems.join('; ')}`);

	const content = loadContent();
	const source = o.dataset ?? 'content';
	let dataset: RagDataset;
	if (source === 'content') {
		const size = positiveInt(o.size, 'size', 100);
		const seed = positiveInt(o.seed, 'seed', 1);
		const all = datasetFromContent(content).examples;
		dataset = { name: `content (${Math.min(size, all.length)} of ${all.length}, seed ${seed})`, examples: sampleExamples(all, size, seed) };
	} else {
		const mapping = o.mapping ? (readJson(o.mapping, 'mapping') as FieldMapping) : DEFAULT_MAPPING;
		let text: string;
		try {
			text = readFileSync(source, 'utf8');
		} catch (e) {
			throw new Error(`The dataset file ${source} could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
		}
		dataset = { name: source, examples: parseJsonlDataset(text, mapping).examples };
	}

	const index = await buildIndex(corpusFromNotes(content.notes), config);
	const { summary, report, dataset: ran } = evaluateRagConfig(index, config, dataset, gates, { now: () => performance.now() });
	out(JSON.stringify({ config: describeRagConfig(config), dataset: ran, metrics: summary.metrics, ...(summary.gate ? { gate: summary.gate } : {}) }, null, 2));
	if (report.gates && !report.gates.passed) throw new GateFailed(`Quality gate failed: ${describeFailures(report.gates).join('; ')}.`);
}
