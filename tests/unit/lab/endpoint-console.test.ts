import { describe, expect, it } from 'vitest';
import type { StoredEndpointRequest } from '../../../src/lib/db/schema';
import { answeringVersions, curlSnippet, fetchSnippet, missingFeatureWarnings, sampleRecords, scoringUri, summarizeRequests } from '../../../src/lib/lab/endpoint-console';
import { percentile } from '../../../src/lib/ml/percentile';
import { addDeployment, createEndpoint } from '../../../src/lib/lab/online-endpoint';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { seededRandom } from '../../../src/lib/ml/random';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const model = { ...trainModel(generateDelinquencyTable(400, 1), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft, version: 3 };
const full = { credit_utilization: 0.42, days_past_due_12m: 1, num_open_accounts: 5, annual_income: 48000, debt_to_income: 0.3, months_on_book: 40, payment_to_balance: 0.15, region: 'south' };

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

	it('warns before sending when a record lacks features the model expects, naming the record and the features', () => {
		expect(missingFeatureWarnings(JSON.stringify([full]), [model])).toEqual([]);
		const [warning, ...rest] = missingFeatureWarnings(JSON.stringify([full, { credit_utilization: 0.9 }]), [model]);
		expect(rest).toEqual([]);
		expect(warning).toMatch(/^delinquency:3 expects 8 features: record 2 lacks 7 of 8 \(days_past_due_12m, num_open_accounts, annual_income, debt_to_income, months_on_book, payment_to_balance, region\)\./);
		expect(warning).toContain('"imputed"');
		const many = missingFeatureWarnings(JSON.stringify({ input_data: Array.from({ length: 5 }, () => ({ ...full, region: null })) }), [model]);
		expect(many[0]).toContain('record 3 lacks 1 of 8 (region); and 2 more records lack some.');
		// A body the endpoint will refuse anyway gets its 400, not a warning.
		expect(missingFeatureWarnings('{oops', [model])).toEqual([]);
	});

	it('knows which versions may answer: the header\'s deployment, else those with live traffic', () => {
		let endpoint = createEndpoint('credit-risk', seededRandom(1), at);
		endpoint = addDeployment(endpoint, { name: 'blue', modelName: 'delinquency', modelVersion: 1 }, at);
		endpoint = addDeployment(endpoint, { name: 'green', modelName: 'delinquency', modelVersion: 2 }, at);
		expect(answeringVersions(endpoint, '')).toEqual([{ modelName: 'delinquency', modelVersion: 1 }]);
		expect(answeringVersions(endpoint, 'green')).toEqual([{ modelName: 'delinquency', modelVersion: 2 }]);
	});
});
