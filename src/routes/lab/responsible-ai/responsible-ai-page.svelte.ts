// State of the Responsible AI lab: the chosen registered version, its seeded evaluation sample and
// every view computed from them. The computing lives in $lib/ml; this class only holds choices.
import { errorMessage } from '$lib/error-message';
import { getLabStorage } from '$lib/app/browser';
import { errorFlags, errorMatrix, errorTree, worstCohorts } from '$lib/ml/error-analysis';
import {
	coefficientImportance,
	counterfactual,
	evaluationSample,
	explainRecord,
	generatorIncompatibility,
	inputColumns,
	permutationImportance,
	SENSITIVE_GROUPS,
	type Bounds,
	type Counterfactual,
	type EvaluationSample
} from '$lib/ml/explain';
import { fairnessReport } from '$lib/ml/fairness';
import { score, type FeatureRecord, type ModelVersion } from '$lib/ml/model-artifact';
import { MODEL_NAME } from '$lib/ml/train-model';

export const DEFAULT_ACTIONABLE = ['credit_utilization', 'payment_to_balance', 'debt_to_income'];

export class ResponsibleAiPage {
	versions = $state<ModelVersion[] | null>(null);
	chosen = $state<number | null>(null);
	seed = $state(2024);
	rows = $state(5000);
	error = $state<string | null>(null);

	model = $state.raw<ModelVersion | null>(null);
	sample = $state.raw<EvaluationSample | null>(null);
	probabilities = $state.raw<Float64Array | null>(null);
	incompatible = $state<string | null>(null);

	threshold = $state(0.5);
	recordIndex = $state(0);
	whatIf = $state<FeatureRecord>({});
	actionable = $state<string[]>([...DEFAULT_ACTIONABLE]);
	counterfactual = $state.raw<Counterfactual | null>(null);
	matrixRow = $state('region');
	matrixColumn = $state('credit_utilization');
	sensitive = $state('age_band');

	coefficients = $derived(this.model && !this.incompatible ? coefficientImportance(this.model) : []);
	permutation = $derived(this.model && this.sample ? permutationImportance(this.model, this.sample, { seed: this.seed, repeats: 3 }) : []);
	columns = $derived(this.model ? inputColumns(this.model) : []);
	numericColumns = $derived(this.model ? this.model.preprocessor.numeric.map((s) => s.name) : []);
	record = $derived(this.sample?.records[this.recordIndex] ?? null);
	explanation = $derived(this.model && this.record ? explainRecord(this.model, this.record) : null);
	whatIfScore = $derived(this.model ? score(this.model, [this.whatIf]) : null);
	errors = $derived(this.sample && this.probabilities ? errorFlags(this.sample.y, this.probabilities, this.threshold) : null);
	matrix = $derived(this.sample && this.errors ? errorMatrix(this.sample.records, this.errors, this.matrixRow, this.matrixColumn || undefined) : null);
	tree = $derived(this.sample && this.errors ? errorTree(this.sample.records, this.errors, this.columns) : null);
	worst = $derived(this.tree ? worstCohorts(this.tree, 3) : []);
	fairness = $derived(
		this.sample && this.probabilities ? fairnessReport(this.sample.sensitive[this.sensitive] ?? [], this.sample.y, this.probabilities, this.threshold, SENSITIVE_GROUPS[this.sensitive]) : null
	);
	errorRate = $derived(this.errors ? this.errors.reduce((s, e) => s + e, 0) / this.errors.length : NaN);

	/** Bounds for counterfactual values: the range seen in the evaluation sample. */
	bounds = $derived.by(() => {
		const out: Record<string, Bounds> = {};
		if (!this.sample) return out;
		for (const name of this.numericColumns) {
			let min = Infinity;
			let max = -Infinity;
			for (const r of this.sample.records) {
				const v = r[name];
				if (typeof v === 'number') {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
			if (min <= max) out[name] = { min, max };
		}
		return out;
	});

	async load(): Promise<void> {
		try {
			const { registry } = await getLabStorage();
			this.versions = await registry.list(MODEL_NAME);
			if (this.versions.length) {
				this.chosen = this.versions[0]!.version;
				this.evaluate();
			}
		} catch (e) {
			this.error = `The model registry could not be read: ${(e as Error).message}`;
		}
	}

	/** Draws the evaluation sample for the chosen version and seed and scores it. */
	evaluate(): void {
		this.error = null;
		this.counterfactual = null;
		const model = this.versions?.find((v) => v.version === this.chosen) ?? null;
		this.model = model;
		this.sample = null;
		this.probabilities = null;
		if (!model) return;
		this.incompatible = generatorIncompatibility(model);
		if (this.incompatible) return;
		if (!Number.isInteger(this.seed) || !Number.isInteger(this.rows) || this.rows < 200 || this.rows > 50000) {
			this.error = 'The seed must be a whole number and the sample between 200 and 50,000 rows.';
			return;
		}
		const sample = evaluationSample(this.rows, this.seed);
		this.probabilities = score(model, sample.records).probabilities;
		this.sample = sample;
		this.pickRecord(0);
	}

	pickRecord(index: number): void {
		if (!this.sample) return;
		this.recordIndex = Math.max(0, Math.min(this.sample.records.length - 1, index));
		this.whatIf = { ...this.sample.records[this.recordIndex] };
		this.counterfactual = null;
	}

	/** The record the model scores highest: a natural first case to explain and to change. */
	pickRiskiest(): void {
		if (!this.probabilities) return;
		let best = 0;
		this.probabilities.forEach((p, i) => {
			if (p > this.probabilities![best]!) best = i;
		});
		this.pickRecord(best);
	}

	setField(name: string, raw: string, numeric: boolean): void {
		this.counterfactual = null;
		this.whatIf = { ...this.whatIf, [name]: numeric ? (raw.trim() === '' ? null : Number(raw)) : raw };
	}

	findCounterfactual(): void {
		if (!this.model) return;
		if (!this.actionable.length) {
			this.error = 'Choose at least one feature the person could change.';
			return;
		}
		this.error = null;
		try {
			this.counterfactual = counterfactual(this.model, this.whatIf, { features: this.actionable, threshold: this.threshold, bounds: this.bounds });
		} catch (e) {
			// A what-if value the model cannot score (the same values score() rejects) is named, not guessed.
			this.counterfactual = null;
			this.error = errorMessage(e);
		}
	}

	applyCounterfactual(): void {
		if (this.counterfactual) this.whatIf = { ...this.whatIf, ...this.counterfactual.values };
		this.counterfactual = null;
	}
}
