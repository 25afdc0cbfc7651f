// The practice exam's pure core: draw an exam in proportion to the outline's domain weights,
// shuffle options for display, and score every item type. Randomness comes in as a seed, so an
// exam can be rebuilt exactly (after a reload) from its seed and item ids.
import type { ItemType } from '../content/schema';
import { seededRandom, shuffle, type Random } from '../ml/random';

/** The parts of an exam item the engine needs; content items and page views both fit. */
export interface ScorableItem<Self> {
	id: string;
	type: ItemType;
	domain: string;
	options: readonly { correct: boolean }[];
	statements: readonly { answer: boolean }[];
	items: readonly Self[];
}

export interface WeightedDomain {
	id: string;
	/** Percentage range from the study guide, e.g. [20, 25]. */
	weight: readonly [number, number];
}

/** What the learner gave for one item. Option indexes always refer to the content's order. */
export type ItemResponse =
	| { kind: 'choice'; selected: number[] }
	/** Content indexes of the steps in the learner's order. */
	| { kind: 'order'; order: number[] }
	| { kind: 'yesno'; answers: (boolean | null)[] }
	/** A case study's answers by sub-item id. */
	| { kind: 'case'; parts: Record<string, ItemResponse | undefined> };

export type Responses = Record<string, ItemResponse | undefined>;

/** One question the learner sees: a plain item, or one sub-item of a case with the case beside it. */
export interface ExamQuestion<T> {
	item: T;
	caseItem: T | null;
}

export interface OptionVerdict {
	chosen: boolean;
	correct: boolean;
	/** The learner treated this option as it should be (chose a correct one or left a wrong one). */
	right: boolean;
}

export interface StatementVerdict {
	given: boolean | null;
	answer: boolean;
	right: boolean;
}

export interface StepVerdict {
	/** Content index of the step, which is also its correct position. */
	step: number;
	right: boolean;
}

export interface ItemResult {
	itemId: string;
	domain: string;
	answered: boolean;
	correct: boolean;
	/** single / multiple: one verdict per option, in content order. */
	options: OptionVerdict[];
	/** ordering: the learner's sequence, each step marked right when it sits in its place. */
	steps: StepVerdict[];
	/** yesno: one verdict per statement. */
	statements: StatementVerdict[];
	/** case: one result per sub-item. */
	parts: ItemResult[];
}

export interface DomainScore {
	correct: number;
	total: number;
}

export interface ExamScore {
	results: ItemResult[];
	correct: number;
	total: number;
	/** 0–1000, see `scaledScore`. */
	scaled: number;
	passed: boolean;
	byDomain: Record<string, DomainScore>;
}

export const PASS_MARK = 700;
export const EXAM_LENGTHS = [20, 40, 60] as const;
/** DP-100 allowed about 100 minutes for a full-length exam, taken here as 60 items. */
export const FULL_EXAM_MINUTES = 100;
const FULL_EXAM_LENGTH = 60;

export const unitCount = (item: { type: ItemType; items: readonly unknown[] }): number => (item.type === 'case' ? item.items.length : 1);

/** Minutes allowed for an exam of `length` items: the full exam's time, scaled to the length. */
export const examMinutes = (length: number): number => Math.max(1, Math.round((FULL_EXAM_MINUTES * length) / FULL_EXAM_LENGTH));

const midpoint = (d: WeightedDomain) => (d.weight[0] + d.weight[1]) / 2;

/**
 * How many items each domain gets: `length` split in proportion to the weight midpoints (largest
 * remainder, so each share is within one item of its ideal), never more than `available` allows;
 * a domain that runs short hands its share to the others.
 */
export function domainQuotas(domains: readonly WeightedDomain[], length: number, available: ReadonlyMap<string, number>): Map<string, number> {
	const capacity = domains.map((d) => available.get(d.id) ?? 0);
	const target = Math.min(length, capacity.reduce((s, n) => s + n, 0));
	const totalWeight = domains.reduce((s, d) => s + midpoint(d), 0);
	const ideal = domains.map((d) => (totalWeight > 0 ? (target * midpoint(d)) / totalWeight : target / domains.length));
	const quota = ideal.map((x, i) => Math.min(Math.floor(x), capacity[i]!));
	let assigned = quota.reduce((s, n) => s + n, 0);
	while (assigned < target) {
		let best = -1;
		for (let i = 0; i < domains.length; i++) {
			if (quota[i]! >= capacity[i]!) continue;
			if (best === -1 || ideal[i]! - quota[i]! > ideal[best]! - quota[best]!) best = i;
		}
		quota[best]!++;
		assigned++;
	}
	return new Map(domains.map((d, i) => [d.id, quota[i]!]));
}

function shuffled<T>(list: readonly T[], random: Random): T[] {
	const order = shuffle(list.map((_, i) => i), random);
	return order.map((i) => list[i]!);
}

/**
 * A reproducible exam of `length` questions (a case study counts as its sub-items) drawn from
 * `items` in proportion to the domain weights. Items of domains not listed are ignored; the exam
 * is shorter only when there are not enough items. A case may take at most half of its domain's
 * share while single items remain, so one scenario does not crowd out a domain in a short exam.
 * Single items come first in mixed order; case studies follow, as they do on the real exam.
 */
export function drawExam<T extends ScorableItem<T>>(items: readonly T[], domains: readonly WeightedDomain[], length: number, seed: number): T[] {
	const random = seededRandom(seed);
	const pools = new Map(domains.map((d) => [d.id, shuffled(items.filter((i) => i.domain === d.id && unitCount(i) > 0), random)]));
	const available = new Map([...pools].map(([id, pool]) => [id, pool.reduce((s, i) => s + unitCount(i), 0)]));
	const quotas = domainQuotas(domains, length, available);
	const singles: T[] = [];
	const cases: T[] = [];
	for (const d of domains) {
		const quota = quotas.get(d.id) ?? 0;
		const taken = new Set<T>();
		let remaining = quota;
		const take = (allowCase: (units: number) => boolean) => {
			for (const item of pools.get(d.id) ?? []) {
				if (remaining === 0) return;
				const units = unitCount(item);
				if (taken.has(item) || units > remaining || (item.type === 'case' && !allowCase(units))) continue;
				taken.add(item);
				remaining -= units;
				(item.type === 'case' ? cases : singles).push(item);
			}
		};
		take((units) => units * 2 <= quota);
		take(() => true);
	}
	return [...shuffled(singles, random), ...cases];
}

/** The questions of an exam in the order they are shown: case studies expand into their sub-items. */
export function examQuestions<T extends ScorableItem<T>>(items: readonly T[]): ExamQuestion<T>[] {
	return items.flatMap((item): ExamQuestion<T>[] => (item.type === 'case' ? item.items.map((sub) => ({ item: sub, caseItem: item })) : [{ item, caseItem: null }]));
}

/** FNV-1a, to give every item its own random stream from one exam seed. */
function hash(text: string, seed: number): number {
	let h = (2166136261 ^ seed) >>> 0;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
	return h;
}

/**
 * The order in which an item's options are displayed, as content indexes. The same seed gives the
 * same order (so a reload shows the same screen). An ordering item with three or more steps is
 * never shown already in the correct order, which would give the answer away.
 */
export function displayOrder(item: { id: string; type: ItemType; options: readonly unknown[] }, seed: number): number[] {
	const n = item.options.length;
	const order = shuffle(
		Array.from({ length: n }, (_, i) => i),
		seededRandom(hash(item.id, seed))
	);
	if (item.type === 'ordering' && n >= 3 && order.every((v, i) => v === i)) order.push(order.shift()!);
	return order;
}

/** Whether the learner has given a complete answer (every statement of a yes/no item counts). */
export function isAnswered(item: ScorableItem<unknown>, response: ItemResponse | undefined): boolean {
	if (!response) return false;
	switch (item.type) {
		case 'single':
			return response.kind === 'choice' && response.selected.length === 1;
		case 'multiple':
			return response.kind === 'choice' && response.selected.length > 0;
		case 'ordering':
			return response.kind === 'order' && response.order.length === item.options.length;
		case 'yesno':
			return response.kind === 'yesno' && item.statements.every((_, i) => typeof response.answers[i] === 'boolean');
		case 'case':
			return false;
	}
}

/**
 * Scores one item. single: exactly the one correct option; multiple: exactly the set of correct
 * options (a partial selection is wrong, as on the real exam); ordering: every step in place;
 * yesno: every statement right; case: each sub-item on its own (the case is right when all are).
 */
export function scoreItem<T extends ScorableItem<T>>(item: T, response: ItemResponse | undefined): ItemResult {
	const result: ItemResult = { itemId: item.id, domain: item.domain, answered: false, correct: false, options: [], steps: [], statements: [], parts: [] };
	if (item.type === 'case') {
		const parts = response?.kind === 'case' ? response.parts : {};
		result.parts = item.items.map((sub) => scoreItem(sub, parts[sub.id]));
		result.answered = result.parts.every((p) => p.answered);
		result.correct = result.parts.every((p) => p.correct);
		return result;
	}
	result.answered = isAnswered(item, response);
	if (item.type === 'single' || item.type === 'multiple') {
		const selected = new Set(response?.kind === 'choice' ? response.selected : []);
		result.options = item.options.map((o, i) => ({ chosen: selected.has(i), correct: o.correct, right: selected.has(i) === o.correct }));
		result.correct = result.answered && result.options.every((o) => o.right);
	} else if (item.type === 'ordering') {
		const order = response?.kind === 'order' ? response.order : [];
		result.steps = order.map((step, position) => ({ step, right: step === position }));
		result.correct = result.answered && result.steps.every((s) => s.right);
	} else {
		const answers = response?.kind === 'yesno' ? response.answers : [];
		result.statements = item.statements.map((s, i) => {
			const given = answers[i] ?? null;
			return { given, answer: s.answer, right: given === s.answer };
		});
		result.correct = result.answered && result.statements.every((s) => s.right);
	}
	return result;
}

/**
 * Microsoft reports exams on a 1–1000 scale where 700 passes, but how raw marks map to that scale
 * is not public (it is not a plain percentage). This score is simply proportional:
 * round(1000 × correct ÷ total), so 700 here means 70 % of the questions right.
 */
export const scaledScore = (correct: number, total: number): number => (total === 0 ? 0 : Math.round((1000 * correct) / total));

/** Leaf questions of a result: a case contributes its sub-items, everything else itself. */
export const leafResults = (results: readonly ItemResult[]): ItemResult[] => results.flatMap((r) => (r.parts.length > 0 ? r.parts : [r]));

/**
 * Scores a whole exam. `responses` is keyed by question id (a case's sub-items by their own ids).
 * Totals and per-domain counts are in questions, so a case counts once per sub-item. A submitted
 * exam counts unanswered questions as wrong; an exam stopped early (`answeredOnly`) is scored on
 * the questions answered, though `results` still covers every question for the review.
 */
export function scoreExam<T extends ScorableItem<T>>(items: readonly T[], responses: Responses, { answeredOnly = false } = {}): ExamScore {
	const results = items.map((item) =>
		scoreItem(item, item.type === 'case' ? { kind: 'case', parts: Object.fromEntries(item.items.map((s) => [s.id, responses[s.id]])) } : responses[item.id])
	);
	const leaves = leafResults(results).filter((r) => !answeredOnly || r.answered);
	const byDomain: Record<string, DomainScore> = {};
	for (const r of leaves) {
		const d = (byDomain[r.domain] ??= { correct: 0, total: 0 });
		d.total++;
		if (r.correct) d.correct++;
	}
	const correct = leaves.filter((r) => r.correct).length;
	const scaled = scaledScore(correct, leaves.length);
	return { results, correct, total: leaves.length, scaled, passed: scaled >= PASS_MARK, byDomain };
}
