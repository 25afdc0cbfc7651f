import { describe, expect, it } from 'vitest';
import { buildGlossary, definedName, rewriteQuery } from '../../../src/lib/rag/query-rewrite';
import type { CorpusDoc } from '../../../src/lib/rag/types';

const doc = (text: string): CorpusDoc => ({ id: 'n', title: 'n', domain: 'd', text, url: '' });

describe('definedName', () => {
	it('takes the trailing words whose initials spell the acronym', () => {
		expect(definedName('Use Normalized discounted cumulative gain', 'NDCG')).toBe('Normalized discounted cumulative gain');
		expect(definedName('then Role-based access control', 'RBAC')).toBe('Role-based access control');
		expect(definedName('Automated machine learning', 'AutoML')).toBe('Automated machine learning');
		expect(definedName('the Bill of Materials', 'BOM')).toBe('Bill of Materials');
		expect(definedName('Token rate limits', 'TPM')).toBeNull();
		expect(definedName('Deployment types', 'SKUs')).toBeNull();
		expect(definedName('built-in evaluators', 'Evaluators')).toBeNull();
	});
});

describe('buildGlossary and rewriteQuery', () => {
	const glossary = buildGlossary([doc('## Ranking\n\nThe **Expected calibration error** (ECE) and Token rate limits (TPX) matter.')], { PTU: 'provisioned throughput unit' });

	it('learns definitions from the corpus and keeps the hand list', () => {
		expect(glossary.get('ece')).toBe('Expected calibration error');
		expect(glossary.has('tpx')).toBe(false);
		expect(glossary.get('ptu')).toBe('provisioned throughput unit');
	});

	it('appends the full name of an acronym and the acronym of a full name, saying what it added', () => {
		expect(rewriteQuery('How is PTU billed?', glossary)).toEqual({ query: 'How is PTU billed? provisioned throughput unit', added: ['provisioned throughput unit'] });
		expect(rewriteQuery('what is expected calibration error', glossary)).toEqual({ query: 'what is expected calibration error ECE', added: ['ECE'] });
		expect(rewriteQuery('ECE (expected calibration error)', glossary).added).toEqual([]);
		expect(rewriteQuery('nothing to expand', glossary)).toEqual({ query: 'nothing to expand', added: [] });
	});
});
