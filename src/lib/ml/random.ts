// Seeded randomness, so every generated dataset and split can be rebuilt from its recorded seed.
// mulberry32 is a five-line, well-studied 32-bit generator; a dependency would add more than it saves.

export type Random = () => number;

export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard normal draw (Box–Muller). */
export function normal(random: Random): number {
	const u = 1 - random();
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T extends { [i: number]: unknown; length: number }>(items: T, random: Random): T {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const tmp = items[i]!;
		items[i] = items[j]!;
		items[j] = tmp;
	}
	return items;
}
