// The in-memory table every lab step works on: typed numeric columns (NaN = missing),
// string categorical columns (null = missing) and a binary target.

export type NumericColumn = { name: string; kind: 'numeric'; values: Float64Array };
export type CategoricalColumn = { name: string; kind: 'categorical'; values: (string | null)[] };
export type Column = NumericColumn | CategoricalColumn;

export interface LabelledTable {
	rows: number;
	columns: Column[];
	target: { name: string; values: Uint8Array };
}

/** What a column is for in training. Sensitive columns are kept for fairness analysis, never used as features. */
export type ColumnRole = 'feature' | 'target' | 'sensitive' | 'ignore';

export interface ColumnSchema {
	name: string;
	kind: 'numeric' | 'categorical';
	role: ColumnRole;
}

export function column(table: LabelledTable, name: string): Column {
	const c = table.columns.find((col) => col.name === name);
	if (!c) throw new RangeError(`no column "${name}"`);
	return c;
}

export function positiveRate(table: LabelledTable): number {
	let s = 0;
	for (let i = 0; i < table.rows; i++) s += table.target.values[i]!;
	return table.rows ? s / table.rows : NaN;
}

/** The model's input signature: the feature columns with their kinds, in order. */
export function featureSchema(schema: readonly ColumnSchema[]): { numeric: string[]; categorical: string[] } {
	const features = schema.filter((c) => c.role === 'feature');
	return {
		numeric: features.filter((c) => c.kind === 'numeric').map((c) => c.name),
		categorical: features.filter((c) => c.kind === 'categorical').map((c) => c.name)
	};
}
