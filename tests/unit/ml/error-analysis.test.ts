import { describe, expect, it } from 'vitest';
import { binFeature, errorFlags, errorMatrix, errorTree, worstCohorts } from '../../../src/lib/ml/error-analysis';
import { evaluationSample } from '../../../src/lib/ml/explain';
import { seededRandom } from '../../../src/lib/ml/random';

const { records } = evaluationSample(3000, 5);
const random = seededRandom(9);
// A planted bad cohort: 60 % errors in the south with high utilisation, 5 % elsewhere.
const bad = (r: (typeof records)[number]) => r.region === 'south' && (r.credit_utilization as number) >= 0.5;
const errors = Uint8Array.from(records, (r) => (random() < (bad(r) ? 0.6 : 0.05) ? 1 : 0));

describe('binning and the error matrix', () => {
	it('bins numbers into quartiles and keeps categories', () => {
		const b = binFeature(records, 'credit_utilization');
		expect(b.labels).toHaveLength(4);
		const sizes = [0, 1, 2, 3].map((k) => b.codes.filter((c) => c === k).length);
		for (const s of sizes) expect(s).toBeGreaterThan(600);
		expect(binFeature(records, 'region').labels).toEqual(['east', 'north', 'south', 'west']);
	});

	it('counts errors per cell over two features', () => {
		const m = errorMatrix(records, errors, 'region', 'credit_utilization');
		expect(m.cells).toHaveLength(4);
		expect(m.cells[0]).toHaveLength(4);
		expect(m.cells.flat().reduce((s, c) => s + c.count, 0)).toBe(records.length);
		const south = m.cells[2]!;
		expect(south[3]!.rate).toBeGreaterThan(0.45);
		expect(m.cells[1]![3]!.rate).toBeLessThan(0.15);
	});

	it('flags disagreements at the threshold', () => {
		expect([...errorFlags([1, 0, 1, 0], [0.9, 0.9, 0.1, 0.1], 0.5)]).toEqual([0, 1, 1, 0]);
	});
});

describe('error tree', () => {
	it('finds the planted cohort as the worst leaf, with its size and rate', () => {
		const tree = errorTree(records, errors, ['region', 'credit_utilization', 'days_past_due_12m'], { minSize: 50 });
		expect(tree.size).toBe(3000);
		const [worst] = worstCohorts(tree);
		expect(worst!.path).toContain('region = south');
		expect(worst!.path).toMatch(/credit_utilization ≥ 0\.\d+/);
		expect(worst!.rate).toBeGreaterThan(0.45);
		expect(worst!.size).toBeGreaterThanOrEqual(50);
	});

	it('stops at depth 3 and never makes a cohort smaller than the minimum', () => {
		const tree = errorTree(records, errors, ['region', 'credit_utilization', 'annual_income', 'months_on_book'], { minSize: 100, maxDepth: 5 });
		const depth = (n: typeof tree): number => (n.children.length ? 1 + Math.max(...n.children.map(depth)) : 0);
		expect(depth(tree)).toBeLessThanOrEqual(3);
		const sizes: number[] = [];
		const walk = (n: typeof tree) => (sizes.push(n.size), n.children.forEach(walk));
		walk(tree);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(100);
	});
});

describe('missing values in the tree', () => {
	it('names the side of a numeric split that holds missing values', () => {
		const errs = Uint8Array.from(records, (r) => (r.annual_income === null || (r.annual_income as number) > 80000 ? 1 : 0));
		const tree = errorTree(records, errs, ['annual_income'], { minSize: 50, maxDepth: 1 });
		expect(tree.children.map((c) => c.condition).join(' | ')).toContain('or missing');
	});
});
