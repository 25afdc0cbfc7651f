// The search-space form of the Sweep page as plain data: one row per tunable parameter, the
// expression a row describes (or why it cannot be read), the default rows and each parameter's help.
import type { ParamExpression } from '$lib/ml/sweep';
import { CATEGORICAL_PARAMETERS, FEATURE_SUBSETS, type SweepParameter } from '$lib/ml/sweep-trial';

export interface ParameterRow {
	name: SweepParameter;
	enabled: boolean;
	type: ParamExpression['type'];
	/** Comma-separated choice values. */
	values: string;
	min: number;
	max: number;
	q: number;
}

export const DEFAULT_ROWS: ParameterRow[] = [
	{ name: 'C', enabled: true, type: 'choice', values: '0.1, 1, 10', min: -3, max: 2, q: 0.5 },
	{ name: 'class_weight', enabled: true, type: 'choice', values: 'none, balanced', min: 0, max: 1, q: 1 },
	{ name: 'features', enabled: false, type: 'choice', values: Object.keys(FEATURE_SUBSETS).join(', '), min: 0, max: 1, q: 1 },
	{ name: 'threshold', enabled: false, type: 'uniform', values: '0.3, 0.5, 0.7', min: 0.2, max: 0.8, q: 0.05 }
];

/** The expression a form row describes, or the reason it cannot be read. */
export function rowExpression(row: ParameterRow): ParamExpression | string {
	if (row.type === 'choice') {
		const parts = row.values.split(',').map((v) => v.trim()).filter(Boolean);
		if (parts.length === 0) return `${row.name}: enter at least one choice value, separated by commas.`;
		if (CATEGORICAL_PARAMETERS.includes(row.name)) return { type: 'choice', values: parts };
		const numbers = parts.map(Number);
		const bad = parts.find((_, i) => !Number.isFinite(numbers[i]));
		if (bad !== undefined) return `${row.name}: "${bad}" is not a number.`;
		return { type: 'choice', values: numbers };
	}
	if (CATEGORICAL_PARAMETERS.includes(row.name)) return `${row.name} is categorical: it can only be a choice.`;
	if (row.type === 'quniform') return { type: 'quniform', min: row.min, max: row.max, q: row.q };
	return { type: row.type, min: row.min, max: row.max };
}

export const PARAMETER_HELP: Record<SweepParameter, string> = {
	C: 'Inverse regularisation strength',
	class_weight: 'none or balanced',
	features: `Named feature subset: ${Object.keys(FEATURE_SUBSETS).join(', ')}`,
	threshold: 'Decision threshold for F1 and accuracy'
};
