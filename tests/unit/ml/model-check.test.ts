// The artifact check run wherever a model is loaded: each bad field is refused with the place and the field named.
import { describe, expect, it } from 'vitest';
import { ModelArtifactError, parseModelVersion } from '../../../src/lib/ml/model-check';
import type { ModelVersion } from '../../../src/lib/ml/model-artifact';
import { DELINQUENCY_SCHEMA, generateDelinquencyTable } from '../../../src/lib/ml/delinquency-data';
import { DEFAULT_TRAIN_PARAMS, trainModel } from '../../../src/lib/ml/train-model';

const draft = trainModel(generateDelinquencyTable(300, 3), DELINQUENCY_SCHEMA, DEFAULT_TRAIN_PARAMS).draft;
const good: ModelVersion = { ...draft, version: 4, description: '', tags: { threshold: '0.3' } };
const WHERE = 'Model delinquency:4';

/** A deep copy of the good version with one change applied. */
function edited(change: (v: Record<string, any>) => void): unknown {
	const copy = JSON.parse(JSON.stringify(good));
	change(copy);
	return copy;
}

describe('parseModelVersion', () => {
	it('accepts a trained version and returns it unchanged', () => {
		expect(parseModelVersion(JSON.parse(JSON.stringify(good)), WHERE)).toEqual(JSON.parse(JSON.stringify(good)));
	});

	const cases: [what: string, change: (v: Record<string, any>) => void, message: string][] = [
		['a null weight', (v) => (v.weights[2] = null), `${WHERE}: "weights[2]" must be a finite number, not null.`],
		['a weight written as text', (v) => (v.weights[0] = '1'), `${WHERE}: "weights[0]" must be a finite number, not "1".`],
		['a weight that is not a number', (v) => (v.weights[1] = 'abc'), `${WHERE}: "weights[1]" must be a finite number, not "abc".`],
		['too few weights', (v) => v.weights.pop(), `${WHERE}: "weights" has 10 values, but the preprocessing encodes 11 features.`],
		['a null intercept', (v) => (v.intercept = null), `${WHERE}: "intercept" must be a finite number, not null.`],
		['a null scale (what ±1e300 used to store)', (v) => (v.preprocessor.numeric[3].scale = null), `${WHERE}: "preprocessor.numeric[3].scale" must be a finite number, not null.`],
		['a zero scale', (v) => (v.preprocessor.numeric[0].scale = 0), `${WHERE}: "preprocessor.numeric[0].scale" must be greater than 0, not 0.`],
		['a mean written as text', (v) => (v.preprocessor.numeric[1].mean = '0.4'), `${WHERE}: "preprocessor.numeric[1].mean" must be a finite number, not "0.4".`],
		['a missing median', (v) => delete v.preprocessor.numeric[2].median, `${WHERE}: "preprocessor.numeric[2].median" must be a finite number, not nothing.`],
		['a category that is not text', (v) => (v.preprocessor.categorical[0].categories[1] = 7), `${WHERE}: "preprocessor.categorical[0].categories[1]" must be text, not 7.`],
		['a feature named twice', (v) => (v.preprocessor.numeric[1].name = v.preprocessor.numeric[0].name), `${WHERE}: "preprocessor.numeric[1].name" names the feature "credit_utilization" twice.`],
		['a signature input the model does not use', (v) => (v.signature.inputs[0].name = 'income'), `${WHERE}: "signature.inputs[0].name" is "income", which the preprocessing does not use.`],
		['a feature missing from the signature', (v) => v.signature.inputs.pop(), `${WHERE}: "signature.inputs" does not list the feature "region".`],
		['a threshold tag that is not a probability', (v) => (v.tags.threshold = '1.5'), `${WHERE}: "tags.threshold" must be a probability between 0 and 1, not "1.5".`],
		['a metric written as text', (v) => (v.metrics.rocAuc = 'high'), `${WHERE}: "metrics.rocAuc" must be a number, not "high".`],
		['no version number', (v) => (v.version = '4'), `${WHERE}: "version" must be a whole number from 1, not "4".`],
		['a newer format', (v) => (v.formatVersion = 7), `${WHERE}: "formatVersion" is 7: this model was saved by a newer Prep Lab (this one reads format 1). Update the app first.`],
		['no preprocessor', (v) => delete v.preprocessor, `${WHERE}: "preprocessor" must be an object, not nothing.`]
	];
	it.each(cases)('refuses %s, naming the field', (_what, change, message) => {
		const e = (() => {
			try {
				parseModelVersion(edited(change), WHERE);
			} catch (error) {
				return error;
			}
			throw new Error('expected the check to refuse');
		})();
		expect(e).toBeInstanceOf(ModelArtifactError);
		expect((e as Error).message).toBe(message);
	});

	it('accepts missing (null) metrics, which pages show as "—"', () => {
		expect(parseModelVersion(edited((v) => (v.metrics.rocAuc = null)), WHERE).metrics.rocAuc).toBeNull();
	});

	it('refuses something that is not a record at all', () => {
		expect(() => parseModelVersion('model', WHERE)).toThrow(`${WHERE}: must be an object, not "model".`);
	});
});
