// The bayesian sampler: a tree-structured Parzen estimator over the unit cube of the search space.
import { normal, type Random } from './random';
import type { Goal, SearchSpace, Trial } from './sweep-space';

/** Tree-structured Parzen estimator settings: random start-up trials, good share and candidates per suggestion. */
const TPE = { minStartup: 3, gamma: 0.25, candidates: 24, bandwidth: 0.15 };

function parzen(points: number[][], x: number[], choiceSizes: (number | null)[]): number {
	// Product over dimensions of a kernel density with a uniform prior mixed in, so no region has density 0.
	let density = 1;
	for (let d = 0; d < x.length; d++) {
		const n = choiceSizes[d];
		let sum = 1; // prior weight
		for (const p of points) {
			if (n) sum += Math.floor(p[d]! * n) === Math.floor(x[d]! * n) ? n : 0;
			else sum += Math.exp(-0.5 * ((p[d]! - x[d]!) / TPE.bandwidth) ** 2) / (TPE.bandwidth * Math.sqrt(2 * Math.PI));
		}
		density *= sum / (points.length + 1);
	}
	return density;
}

/**
 * Bayesian suggestion as TPE (Bergstra et al., 2011): split finished trials into the best
 * gamma share and the rest, draw candidates near the good ones, and take the candidate with the
 * highest ratio of good to bad density, which is proportional to its expected improvement.
 */
export function suggestBayesian(space: SearchSpace, finished: readonly Pick<Trial, 'unit' | 'metrics'>[], goal: Goal, random: Random): number[] {
	const exprs = Object.values(space);
	const dims = exprs.length;
	const fresh = () => exprs.map(() => random());
	if (finished.length < Math.max(TPE.minStartup, dims + 1)) return fresh();
	const sign = goal === 'maximize' ? -1 : 1;
	const sorted = [...finished].sort((a, b) => sign * (a.metrics.at(-1)! - b.metrics.at(-1)!));
	const nGood = Math.max(1, Math.ceil(sorted.length * TPE.gamma));
	const good = sorted.slice(0, nGood).map((t) => t.unit);
	const bad = sorted.slice(nGood).map((t) => t.unit);
	const sizes = exprs.map((e) => (e.type === 'choice' ? e.values.length : null));
	let best = fresh();
	let bestScore = -Infinity;
	for (let c = 0; c < TPE.candidates; c++) {
		const centre = good[Math.floor(random() * good.length)]!;
		const x = centre.map((v, d) => (sizes[d] ? (random() < 0.8 ? v : random()) : Math.min(1 - 1e-9, Math.max(0, v + TPE.bandwidth * normal(random)))));
		const score = parzen(good, x, sizes) / parzen(bad, x, sizes);
		if (score > bestScore) {
			bestScore = score;
			best = x;
		}
	}
	return best;
}
