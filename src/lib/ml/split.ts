import { seededRandom, shuffle } from './random';

export interface Split {
	train: Uint32Array;
	test: Uint32Array;
}

/** Stratified train/test split: each class keeps its share in both parts. */
export function stratifiedSplit(y: Uint8Array, testFraction: number, seed: number): Split {
	if (!(testFraction > 0 && testFraction < 1)) throw new RangeError('testFraction must be between 0 and 1');
	const random = seededRandom(seed);
	const train: number[] = [];
	const test: number[] = [];
	for (const label of [0, 1]) {
		const idx: number[] = [];
		for (let i = 0; i < y.length; i++) if (y[i] === label) idx.push(i);
		shuffle(idx, random);
		const nTest = Math.round(idx.length * testFraction);
		// A loop, not push(...rows): spreading 300,000 arguments overflows the stack in browsers.
		for (let k = 0; k < idx.length; k++) (k < nTest ? test : train).push(idx[k]!);
	}
	return { train: Uint32Array.from(train).sort(), test: Uint32Array.from(test).sort() };
}

/** Stratified k-fold: each row is in exactly one test fold, and each fold keeps the class share. */
export function stratifiedKFold(y: Uint8Array, k: number, seed: number): Split[] {
	if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be a whole number of at least 2');
	const random = seededRandom(seed);
	const folds: number[][] = Array.from({ length: k }, () => []);
	for (const label of [0, 1]) {
		const idx: number[] = [];
		for (let i = 0; i < y.length; i++) if (y[i] === label) idx.push(i);
		if (idx.length < k) throw new RangeError(`class ${label} has ${idx.length} rows, fewer than ${k} folds`);
		shuffle(idx, random);
		idx.forEach((row, i) => folds[i % k]!.push(row));
	}
	return folds.map((test, f) => ({
		test: Uint32Array.from(test).sort(),
		train: Uint32Array.from(folds.flatMap((fold, g) => (g === f ? [] : fold))).sort()
	}));
}
