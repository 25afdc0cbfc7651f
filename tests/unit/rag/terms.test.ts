import { describe, expect, it } from 'vitest';
import { singular, terms, words } from '../../../src/lib/rag/terms';

describe('retrieval terms', () => {
	it('lower-cases, splits on anything not a letter or digit, drops stop words', () => {
		expect(words('Deploy the ML-model to AKS (v2)!')).toEqual(['deploy', 'the', 'ml', 'model', 'to', 'aks', 'v2']);
		expect(terms('What is the batch endpoint of an Azure ML workspace?')).toEqual(['batch', 'endpoint', 'azure', 'ml', 'workspace']);
	});

	it('makes plurals singular and leaves other endings alone', () => {
		expect(['endpoints', 'queries', 'indexes', 'batches', 'processes', 'features', 'models'].map(singular)).toEqual(['endpoint', 'query', 'index', 'batch', 'process', 'feature', 'model']);
		expect(['class', 'status', 'analysis', 'sdk', 'uses'].map(singular)).toEqual(['class', 'status', 'analysis', 'sdk', 'use']);
	});
});
