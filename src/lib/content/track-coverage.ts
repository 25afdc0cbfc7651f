// Coverage of an exam's outline: for each task line, the notes, cards, items and labs that serve
// it. Pure; the outline page computes it at build time.
import type { ContentBundle } from './bundle';
import { skillLines } from './bank-lint';
import { noteTracks, trackItems, trackOutline, type Track } from './tracks';

export interface TaskCoverage {
	task: string;
	notes: { id: string; title: string }[];
	cards: number;
	items: number;
	labs: { route: string; title: string }[];
	/** Named in the outline's `unconfirmed` list. */
	unconfirmed: boolean;
}

export interface DomainCoverage {
	id: string;
	title: string;
	weight: [number, number];
	skills: { skill: string; unconfirmed: boolean; tasks: TaskCoverage[] }[];
}

export function trackCoverage(content: ContentBundle, track: Track): DomainCoverage[] {
	const outline = trackOutline(content, track);
	if (!outline) return [];
	const unconfirmed = outline.unconfirmed ?? [];
	const flagged = (text: string) => unconfirmed.some((u) => u.includes(text));
	const units = trackItems(content, track).flatMap((i) => (i.type === 'case' ? i.items : [i]));
	const cards = content.decks.flatMap((d) => d.cards);
	const lines = skillLines(outline);
	const coverage = (taskText: string): TaskCoverage => {
		const lineItems = units.filter((u) => u.skill === taskText);
		const noteIds = new Set([
			...content.notes.filter((n) => track === 'ai300' && n.ai300Skills.includes(taskText)).map((n) => n.id),
			...lineItems.map((u) => u.note).filter((id) => content.notes.some((n) => n.id === id && noteTracks(content, n).includes(track)))
		]);
		const notes = content.notes.filter((n) => noteIds.has(n.id));
		const labs =
			track === 'ai300'
				? content.labs.filter((l) => l.tasks.includes(taskText)).map((l) => ({ route: l.route, title: l.title }))
				: [...new Set(notes.flatMap((n) => (n.lab ? [n.lab] : [])))].map((route) => ({ route, title: route }));
		return {
			task: taskText,
			notes: notes.map((n) => ({ id: n.id, title: n.title })),
			cards: cards.filter((c) => noteIds.has(c.note)).length,
			items: lineItems.length,
			labs,
			unconfirmed: flagged(taskText)
		};
	};
	return outline.domains.map((d) => ({
		id: d.id,
		title: d.title,
		weight: d.weight,
		skills: d.skills.map((skill) => ({ skill, unconfirmed: flagged(skill), tasks: lines.filter((l) => l.domain === d.id && l.skill === skill).map((l) => coverage(l.task)) }))
	}));
}
