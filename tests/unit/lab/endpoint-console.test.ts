import { describe, expect, it } from 'vitest';
import type { StoredEndpointRequest } from '../../../src/lib/db/schema';
import { curlSnippet, fetchSnippet, percentile, sampleRecords, scoringUri, summarizeRequests } from '../../../src/lib/lab/endpoint-console';

const at = new Date(Date.UTC(2026, 10, 25));
const entry = (latencyMs: number, status: number, deployment?: string, mirror?: boolean): StoredEndpointRequest => ({ endpoint: 'e', at, latencyMs, status, records: 1, deployment, ...(mirror ? { mirror } : {}) });

describe('endpoint console', () => {
	it('samples feature records without the id or the target, reproducibly', () => {
		const records = sampleRecords(2, 5);
		expect(records).toHaveLength(2);
		expect(Object.keys(records[0]!)).toContain('credit_utilization');
		expect(Object.keys(records[0]!)).toContain('region');
		expect(records[0]).not.toHaveProperty('account_id');
		expect(records[0]).not.toHaveProperty('delinquent_90d');
		expect(sampleRecords(2, 5)).toEqual(records);
		expect(JSON.stringify(sampleRecords(200, 1))).not.toContain('NaN');
	});

	it('builds the scoring URI and snippets that carry key, header and body', () => {
		const uri = scoringUri('http://127.0.0.1:4173', 'credit-risk');
		expect(uri).toBe('http://127.0.0.1:4173/api/endpoints/credit-risk/score');
		const curl = curlSnippet(uri, 'KEY', `[{"region":"o'neil"}]`, 'green');
		expect(curl).toContain(`-H 'Authorization: Bearer KEY'`);
		expect(curl).toContain(`-H 'azureml-model-deployment: green'`);
		expect(curl).toContain(`-d '[{"region":"o'\\''neil"}]'`);
		const js = fetchSnippet(uri, 'KEY', '[{"a":1}]');
		expect(js).toContain(`fetch("${uri}"`);
		expect(js).toContain(`'Authorization': 'Bearer KEY'`);
		expect(js).not.toContain('azureml-model-deployment');
	});

	it('takes nearest-rank percentiles', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(percentile(values, 0.5)).toBe(50);
		expect(percentile(values, 0.95)).toBe(95);
		expect(percentile(values, 0.99)).toBe(99);
		expect(percentile([7], 0.99)).toBe(7);
		expect(percentile([], 0.5)).toBeNaN();
	});

	it('summarises live requests per deployment and status, counting mirrored copies apart', () => {
		const s = summarizeRequests([entry(1, 200, 'blue'), entry(2, 200, 'blue'), entry(3, 200, 'green'), entry(4, 401), entry(100, 200, 'green', true)]);
		expect(s).toMatchObject({ total: 4, p50: 2, p99: 4, byDeployment: { blue: 2, green: 1 }, byStatus: { '200': 3, '401': 1 }, mirrored: { green: 1 } });
	});
});
