// The questions of an evaluation in the lab worker: a seeded sample of the prerendered content
// dataset (fetched once), or the examples the page read from a JSONL file through its mapping.
import type { RagDataset } from '../app/evaluate-rag-config';
import { sampleExamples } from '../rag/eval/dataset-from-content';
import type { EvalExample } from '../rag/types';
import type { RagDatasetSource } from './rag-messages';

let content: Promise<EvalExample[]> | null = null;

function checkExamples(value: unknown): EvalExample[] {
	if (!Array.isArray(value) || !value.every((e) => e && typeof e.id === 'string' && typeof e.query === 'string' && typeof e.groundTruth === 'string' && Array.isArray(e.relevant))) {
		throw new Error('The content dataset is not a list of questions with their reference answers.');
	}
	return value as EvalExample[];
}

export async function loadRagDataset(source: RagDatasetSource, fetchJson: (path: string) => Promise<unknown>): Promise<RagDataset> {
	if (source.kind === 'examples') return { name: source.name, examples: source.examples };
	content ??= fetchJson('/lab/rag/dataset.json').then(checkExamples);
	const all = await content.catch((e) => {
		content = null;
		throw e;
	});
	return { name: `content (${Math.min(source.size, all.length)} of ${all.length}, seed ${source.seed})`, examples: sampleExamples(all, source.size, source.seed) };
}
