// Measures whether the practice-exam bank can be gamed (answers predictable by their form) and
// whether it tests every skill line of the outline. Pure: it takes parsed items and the outline,
// so the unit test (thresholds) and `npm run content:report` (table) print the same figures.
import type { ExamItem, ExamOutline } from './schema';

export const BANK_THRESHOLDS = {
	/** Share of single-answer items whose correct option is strictly the longest, overall and per domain. */
	maxLongestCorrect: 0.3,
	/** Share of yes/no statements whose answer is Yes. */
	yesShare: [0.45, 0.55] as const,
	/** Share of items with an option naming a retired SDK v1 / ACI-AKS artefact. */
	maxRetiredShare: 0.1,
	/** Two items at or above this similarity (see `itemSimilarity`) are near-duplicates. */
	duplicateSimilarity: 0.5,
	minItemsPerSkillLine: 4,
	/** Least share of the bank's items (case sub-items counted) per domain, where the outline weight demands it. */
	minDomainShare: { 'optimize-language-models': 0.27 } as Record<string, number>
};

/** SDK v1 names from content/README.md (plus their usual companions); an option naming one is easy to eliminate. */
export const RETIRED_PATTERN =
	/\b(ScriptRunConfig|Estimator|HyperDrive\w*|ParallelRun\w*|PythonScriptStep|RunConfiguration|\w*Webservice|InferenceConfig|TabularDataset|FileDataset|Dataset\.\w+|Datastore\.register\w*|Workspace\.(?:from_config|create)|Run\.get_context|azureml-core|azureml\.(?:core|train|pipeline)|Experiment\.submit|SynapseCompute|azure-cli-ml|ACI|Azure Container Instances|(?:AKS|Kubernetes Service) web services?|SDK v1|v1 extension|az ml run)\b/;

export interface SkillLine {
	domain: string;
	skill: string;
	task: string;
}

export interface DomainFigures {
	domain: string;
	items: number;
	single: number;
	longestCorrect: string[];
	statements: number;
	yes: number;
	retired: string[];
}

export interface BankReport {
	domains: DomainFigures[];
	overall: DomainFigures;
	duplicates: { a: string; b: string; similarity: number }[];
	perSkillLine: { line: SkillLine; items: string[] }[];
	/** Items whose `skill` names no line of the outline (the content schema also rejects these). */
	unmapped: string[];
}

/** The scored units of the bank: plain items and the sub-items of case studies. */
export function scoredUnits(items: readonly ExamItem[]): ExamItem[] {
	return items.flatMap((i) => (i.type === 'case' ? i.items : [i]));
}

/** Every task line under every skill of the outline's `subskills` map, in outline order. */
export function skillLines(outline: ExamOutline): SkillLine[] {
	const subskills = (outline.subskills ?? {}) as Record<string, Record<string, string[]>>;
	return outline.domains.flatMap((d) => d.skills.flatMap((skill) => (subskills[d.id]?.[skill] ?? []).map((task) => ({ domain: d.id, skill, task }))));
}

/** Correct option strictly longer than every distractor (a test-wise guess). */
export function correctIsLongest(item: Pick<ExamItem, 'type' | 'options'>): boolean {
	if (item.type !== 'single') return false;
	const key = item.options.find((o) => o.correct);
	if (!key) return false;
	return item.options.every((o) => o === key || o.text.trim().length < key.text.trim().length);
}

export function namesRetired(item: Pick<ExamItem, 'options' | 'statements'>): boolean {
	return [...item.options.map((o) => o.text), ...item.statements.map((s) => s.text)].some((t) => RETIRED_PATTERN.test(t));
}

/** Word 3-grams of a text, lower-cased, punctuation dropped. */
export function shingles(text: string, n = 3): Set<string> {
	const words = text.toLowerCase().replace(/[^a-z0-9_.]+/g, ' ').split(' ').filter(Boolean);
	const out = new Set<string>();
	for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
	return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
	if (a.size === 0 || b.size === 0) return 0;
	let shared = 0;
	for (const s of a) if (b.has(s)) shared++;
	return shared / (a.size + b.size - shared);
}

// Two signals, because case sub-items have short stems ("Which role should you assign?") that
// share no words with the standalone item they repeat, while both give the same answer.
// The instructions every yes/no or multiple item repeats are not what it asks.
const BOILERPLATE = /for each statement[^.]*?(?:,|\.)|select yes if[^.]*\.|otherwise,? select no\.?|\(?choose (?:two|three)\.?\)?/gi;
const stemGrams = (i: ExamItem) => shingles(i.stem.replace(BOILERPLATE, ' '), 3);
const keyGrams = (i: ExamItem) => shingles([...i.options.filter((o) => o.correct).map((o) => o.text), ...i.statements.map((s) => s.text)].join(' '), 2);

/** Near-duplicate score of two items: the larger of stem 3-gram and answer 2-gram Jaccard similarity. */
export function itemSimilarity(a: ExamItem, b: ExamItem): number {
	return Math.max(jaccard(stemGrams(a), stemGrams(b)), jaccard(keyGrams(a), keyGrams(b)));
}

function figures(domain: string, units: ExamItem[]): DomainFigures {
	const statements = units.flatMap((u) => (u.type === 'yesno' ? u.statements : []));
	return {
		domain,
		items: units.length,
		single: units.filter((u) => u.type === 'single').length,
		longestCorrect: units.filter(correctIsLongest).map((u) => u.id),
		statements: statements.length,
		yes: statements.filter((s) => s.answer).length,
		retired: units.filter(namesRetired).map((u) => u.id)
	};
}

export function bankReport(items: readonly ExamItem[], outline: ExamOutline, similarity = BANK_THRESHOLDS.duplicateSimilarity): BankReport {
	const units = scoredUnits(items);
	const domains = outline.domains.map((d) => figures(d.id, units.filter((u) => u.domain === d.id)));
	const grams = units.map((u) => ({ id: u.id, stem: stemGrams(u), key: keyGrams(u) }));
	const duplicates: BankReport['duplicates'] = [];
	for (let i = 0; i < grams.length; i++) {
		for (let j = i + 1; j < grams.length; j++) {
			const a = grams[i]!;
			const b = grams[j]!;
			const s = Math.max(jaccard(a.stem, b.stem), jaccard(a.key, b.key));
			if (s >= similarity) duplicates.push({ a: a.id, b: b.id, similarity: Math.round(s * 100) / 100 });
		}
	}
	const lines = skillLines(outline);
	const known = new Set(lines.map((l) => l.task));
	return {
		domains,
		overall: figures('all', units),
		duplicates,
		// A skill line is matched by its text: an item may test a line of another domain (a registry item
		// written for train-deploy still tests "Share assets across workspaces by using registries").
		perSkillLine: lines.map((line) => ({ line, items: units.filter((u) => u.skill === line.task).map((u) => u.id) })),
		unmapped: units.filter((u) => !known.has(u.skill)).map((u) => u.id)
	};
}

const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Every threshold the report breaks, each naming the offending item ids. Empty when the bank passes. */
export function bankProblems(report: BankReport, t = BANK_THRESHOLDS): string[] {
	const problems: string[] = [];
	for (const f of [report.overall, ...report.domains]) {
		if (share(f.longestCorrect.length, f.single) > t.maxLongestCorrect) {
			problems.push(`${f.domain}: correct option strictly longest in ${f.longestCorrect.length}/${f.single} single-answer items: ${f.longestCorrect.join(', ')}`);
		}
	}
	const o = report.overall;
	const yes = share(o.yes, o.statements);
	if (yes < t.yesShare[0] || yes > t.yesShare[1]) problems.push(`yes/no: ${o.yes}/${o.statements} statements are Yes (${pct(yes)})`);
	if (share(o.retired.length, o.items) > t.maxRetiredShare) problems.push(`retired SDK v1 options in ${o.retired.length}/${o.items} items: ${o.retired.join(', ')}`);
	for (const d of report.duplicates) problems.push(`near-duplicates ${d.a} ≈ ${d.b} (${d.similarity})`);
	for (const s of report.perSkillLine) {
		if (s.items.length < t.minItemsPerSkillLine) problems.push(`skill line "${s.line.task}" (${s.line.domain}) has ${s.items.length} items${s.items.length ? `: ${s.items.join(', ')}` : ''}`);
	}
	for (const [domain, min] of Object.entries(t.minDomainShare)) {
		const f = report.domains.find((d) => d.domain === domain);
		if (f && share(f.items, o.items) < min) problems.push(`${domain}: ${f.items}/${o.items} items (${pct(share(f.items, o.items))}), below ${pct(min)}`);
	}
	if (report.unmapped.length) problems.push(`items without a known skill line: ${report.unmapped.join(', ')}`);
	return problems;
}

export const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The report as a plain-text table (for `npm run content:report`). */
export function formatBankReport(report: BankReport): string {
	const rows = [...report.domains, report.overall].map((f) =>
		[f.domain.padEnd(26), String(f.items).padStart(5), `${f.longestCorrect.length}/${f.single} ${pct(share(f.longestCorrect.length, f.single))}`.padStart(14), `${f.yes}/${f.statements} ${pct(share(f.yes, f.statements))}`.padStart(14), `${f.retired.length} ${pct(share(f.retired.length, f.items))}`.padStart(10)].join(' ')
	);
	const header = ['domain'.padEnd(26), 'items'.padStart(5), 'longest key'.padStart(14), 'yes'.padStart(14), 'retired'.padStart(10)].join(' ');
	const lines = report.perSkillLine.map((s) => `${String(s.items.length).padStart(4)}  ${s.line.domain} · ${s.line.task}`);
	const dups = report.duplicates.map((d) => `  ${d.a} ≈ ${d.b} (${d.similarity})`);
	return [header, ...rows, '', 'Items per skill line:', ...lines, '', `Near-duplicate pairs: ${report.duplicates.length}`, ...dups].join('\n');
}
