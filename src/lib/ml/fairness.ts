// Group fairness metrics as Fairlearn defines them: per-group rates and the largest gaps between groups.
// Pure: labels, scores and group membership in, numbers out.

export interface GroupRates {
	group: string;
	count: number;
	/** Share predicted positive (flagged). */
	selectionRate: number;
	/** Recall within the group; NaN without positives. */
	tpr: number;
	/** NaN without negatives. */
	fpr: number;
	/** NaN when nobody in the group is flagged. */
	precision: number;
}

export interface FairnessReport {
	groups: GroupRates[];
	/** Largest minus smallest selection rate (Fairlearn's demographic_parity_difference). */
	demographicParityDifference: number;
	/** The larger of the TPR gap and the FPR gap (Fairlearn's equalized_odds_difference). */
	equalizedOddsDifference: number;
}

const gap = (values: number[]) => {
	const v = values.filter((x) => !Number.isNaN(x));
	return v.length ? Math.max(...v) - Math.min(...v) : NaN;
};

/** Rates per group at the threshold; records without a group are left out. `order` fixes the display order. */
export function fairnessReport(groups: readonly (string | null)[], y: ArrayLike<number>, p: ArrayLike<number>, threshold: number, order?: readonly string[]): FairnessReport {
	const counts = new Map<string, { n: number; tp: number; fp: number; tn: number; fn: number }>();
	for (const g of order ?? []) counts.set(g, { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 });
	groups.forEach((g, i) => {
		if (g === null) return;
		if (!counts.has(g)) counts.set(g, { n: 0, tp: 0, fp: 0, tn: 0, fn: 0 });
		const c = counts.get(g)!;
		const flagged = p[i]! >= threshold;
		c.n++;
		if (y[i] === 1) flagged ? c.tp++ : c.fn++;
		else flagged ? c.fp++ : c.tn++;
	});
	const rates: GroupRates[] = [...counts]
		.filter(([, c]) => c.n > 0)
		.map(([group, c]) => ({
			group,
			count: c.n,
			selectionRate: (c.tp + c.fp) / c.n,
			tpr: c.tp + c.fn ? c.tp / (c.tp + c.fn) : NaN,
			fpr: c.fp + c.tn ? c.fp / (c.fp + c.tn) : NaN,
			precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : NaN
		}));
	return {
		groups: rates,
		demographicParityDifference: gap(rates.map((r) => r.selectionRate)),
		equalizedOddsDifference: Math.max(gap(rates.map((r) => r.tpr)), gap(rates.map((r) => r.fpr)))
	};
}

/** What the two differences do and do not show, for the page and the model card. */
export const FAIRNESS_NOTE =
	'Demographic parity difference is the gap in how often groups are flagged; equalized odds difference is the larger gap in true- or false-positive rate. ' +
	'Both are measured on one evaluation sample, so small gaps can be noise. They describe outcomes, not causes: a gap can come from real differences in risk, from features correlated with the group, or from the data. ' +
	'A small gap does not prove a model fair, and the two criteria generally cannot both be zero when base rates differ.';
