// A Sobol low-discrepancy sequence (the random sampler's rule="sobol"), scrambled by per-dimension shifts.
// Joe & Kuo's direction numbers (new-joe-kuo-6.21201) for dimensions 2–5; dimension 1 is van der Corput.
export const SOBOL_DIRECTIONS: { s: number; a: number; m: number[] }[] = [
	{ s: 1, a: 0, m: [1] },
	{ s: 1, a: 0, m: [1] },
	{ s: 2, a: 1, m: [1, 3] },
	{ s: 3, a: 1, m: [1, 3, 1] },
	{ s: 3, a: 2, m: [1, 1, 1] }
];
const SOBOL_BITS = 32;

function directionNumbers(dim: number): number[] {
	const v = new Array<number>(SOBOL_BITS + 1).fill(0);
	if (dim === 0) {
		for (let i = 1; i <= SOBOL_BITS; i++) v[i] = 2 ** (SOBOL_BITS - i);
		return v;
	}
	const { s, a, m } = SOBOL_DIRECTIONS[dim]!;
	for (let i = 1; i <= SOBOL_BITS; i++) {
		if (i <= s) v[i] = (m[i - 1]! * 2 ** (SOBOL_BITS - i)) >>> 0;
		else {
			let x = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
			for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x = (x ^ v[i - k]!) >>> 0;
			v[i] = x;
		}
	}
	return v;
}

/**
 * A Sobol sequence in Gray-code order. Seeding is a random digital shift (each coordinate XORed
 * with a seeded 32-bit word), which keeps the sequence's even spread; shift 0 gives the plain
 * sequence. The all-zero first point is skipped, as SciPy and most libraries do.
 */
export function sobolSequence(dimensions: number, shifts: number[] = []): () => number[] {
	if (dimensions > SOBOL_DIRECTIONS.length) throw new RangeError(`Sobol supports up to ${SOBOL_DIRECTIONS.length} dimensions.`);
	const v = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
	const x = new Array<number>(dimensions).fill(0);
	let n = 0;
	return () => {
		// Index of the rightmost zero bit of n (1-based) picks the direction number to XOR in.
		let c = 1;
		while ((n >>> (c - 1)) & 1) c++;
		n++;
		for (let d = 0; d < dimensions; d++) x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
		return x.map((xi, d) => ((xi ^ (shifts[d] ?? 0)) >>> 0) / 2 ** SOBOL_BITS);
	};
}
