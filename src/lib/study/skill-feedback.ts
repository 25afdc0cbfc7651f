// Exam-level feedback beyond the domain bars: how the learner did on each skill of the outline
// (and each task line under it), and which notes to read next. Pure: the results screen passes the
// drawn items, the scored results (`scoreExam(...).results`) and the outline's task lines.
import type { SkillLine } from '../content/bank-lint';
import { leafResults, type ItemResult } from './exam-engine';

/** The parts of an exam item this needs; content items fit. */
export interface SkilledItem {
	id: string;
	type: string;
	domain: string;
	note: string;
	/** The outline task line the item tests. */
	skill: string;
	items: readonly SkilledItem[];
}

export interface TaskScore {
	task: string;
	correct: number;
	total: number;
}

export interface SkillScore {
	domain: string;
	skill: string;
	correct: number;
	total: number;
	/** Only the task lines this exam asked about, in outline order. */
	tasks: TaskScore[];
}

export interface NoteToRead {
	note: string;
	/** Questions on this note answered wrongly or left blank. */
	missed: number;
	total: number;
}

const leafItems = (items: readonly SkilledItem[]): Map<string, SkilledItem> =>
	new Map(items.flatMap((i) => (i.type === 'case' ? i.items : [i])).map((i) => [i.id, i]));

/**
 * Correct / total per outline skill (in outline order) and per task line under it, counting a
 * case's sub-items one by one as the exam score does. Skills the exam did not ask about are left out.
 */
export function scoreBySkill(items: readonly SkilledItem[], results: readonly ItemResult[], lines: readonly SkillLine[]): SkillScore[] {
	const byId = leafItems(items);
	const tally = new Map<string, { correct: number; total: number }>();
	for (const r of leafResults(results)) {
		const task = byId.get(r.itemId)?.skill;
		if (!task) continue;
		const t = tally.get(task) ?? { correct: 0, total: 0 };
		t.total++;
		if (r.correct) t.correct++;
		tally.set(task, t);
	}
	const skills: SkillScore[] = [];
	for (const line of lines) {
		const t = tally.get(line.task);
		if (!t) continue;
		let s = skills.find((x) => x.domain === line.domain && x.skill === line.skill);
		if (!s) skills.push((s = { domain: line.domain, skill: line.skill, correct: 0, total: 0, tasks: [] }));
		s.correct += t.correct;
		s.total += t.total;
		s.tasks.push({ task: line.task, ...t });
	}
	return skills;
}

/**
 * The notes behind the questions the learner missed, most missed first (ties: lower share right
 * first, then the order the questions came in), at most `limit`. Empty when nothing was missed.
 */
export function notesToReadNext(items: readonly SkilledItem[], results: readonly ItemResult[], limit = 3): NoteToRead[] {
	const byId = leafItems(items);
	const notes = new Map<string, NoteToRead>();
	for (const r of leafResults(results)) {
		const note = byId.get(r.itemId)?.note;
		if (!note) continue;
		const n = notes.get(note) ?? { note, missed: 0, total: 0 };
		n.total++;
		if (!r.correct) n.missed++;
		notes.set(note, n);
	}
	return [...notes.values()]
		.filter((n) => n.missed > 0)
		.map((n, order) => ({ n, order }))
		.sort((a, b) => b.n.missed - a.n.missed || b.n.missed / b.n.total - a.n.missed / a.n.total || a.order - b.order)
		.slice(0, limit)
		.map((x) => x.n);
}
