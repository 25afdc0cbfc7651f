/** A numeric table held row-major in one typed array: row i, feature j is x[i * features.length + j]. */
export interface Dataset {
	features: string[];
	x: Float64Array;
	/** Binary target, 0 or 1. */
	y: Uint8Array;
	rows: number;
	target: string;
}

export function featureCount(data: Dataset): number {
	return data.features.length;
}
