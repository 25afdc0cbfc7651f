// The one owner of the content schema: the shapes every loader, page and test agrees on.
// Formats are described for authors in content/README.md.

export const CATER_PARTS = ['context', 'architecture', 'tradeoffs', 'execution', 'risks'] as const;
export type CaterPart = (typeof CATER_PARTS)[number];

/** Notes about the interview method and project stories; not an exam domain. */
export const INTERVIEW_DOMAIN = 'interview-prep';

export interface ExamDomain {
	id: string;
	title: string;
	weight: [number, number];
	skills: string[];
}

export interface ExamOutline {
	exam: string;
	title: string;
	checked: string;
	source: string;
	domains: ExamDomain[];
	/** Pages the skill lines were checked against. */
	sources?: Source[];
	/** Anything the authors could not confirm, shown in the app. */
	unconfirmed?: string[];
	/** Task lines keyed by domain id, then skill. */
	subskills: Record<string, Record<string, string[]>>;
	[extra: string]: unknown;
}

/** `exam/ai300-labs.yaml`: a lab page and the AI-300 task lines it lets the learner practise. */
export interface LabSkills {
	route: string;
	title: string;
	tasks: string[];
	/** Line of each task in the file, for messages. */
	taskLines: number[];
	file: string;
}

export interface Source {
	title: string;
	url: string;
}

export interface Note {
	id: string;
	title: string;
	domain: string;
	order: number;
	objectives: string[];
	sources: Source[];
	lab?: string;
	/** AI-300 task lines (`exam/ai300.yaml` subskills) this note serves, from `ai300_skills`. */
	ai300Skills: string[];
	/** Line of each `ai300Skills` entry in the file, for messages. */
	ai300SkillLines: number[];
	/** Markdown body, compiled to HTML at build time. */
	body: string;
	file: string;
}

export interface Card {
	/** Globally unique: `<deck>/<card-id>`. */
	id: string;
	deck: string;
	front: string;
	back: string;
	tags: string[];
	note: string;
	file: string;
}

export interface Deck {
	id: string;
	title: string;
	description: string;
	cards: Card[];
	file: string;
}

export interface InterviewQuestion {
	id: string;
	question: string;
	source: string;
	area: string;
	notes: string[];
	checklist: Record<CaterPart, string[]>;
	answer: Record<CaterPart, string>;
	followups: string[];
	pitfalls: string[];
	file: string;
}

export type ItemType = 'single' | 'multiple' | 'ordering' | 'yesno' | 'case';

export interface ExamOption {
	text: string;
	correct: boolean;
	why: string;
}

export interface YesNoStatement {
	text: string;
	answer: boolean;
	why: string;
}

export interface ExamItem {
	id: string;
	type: ItemType;
	domain: string;
	note: string;
	/** Documentation page backing the answer (https). Empty on a case's sub-items. */
	source: string;
	/** The outline task line (`subskills` in exam/outline.yaml) the item tests; a case's sub-items inherit the case's. */
	skill: string;
	/** On an item of another exam's domain: the AI-300 task line it also tests (it carries over). */
	ai300?: string;
	stem: string;
	options: ExamOption[];
	statements: YesNoStatement[];
	scenario?: string;
	items: ExamItem[];
	explanation: string;
	file: string;
	/** Line where the item starts in its file. */
	line?: number;
}

/** A problem found in a content file, named so an author can fix it. */
export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly detail: string,
		readonly line?: number
	) {
		super(`${file}${line ? `:${line}` : ''}: ${detail}`);
		this.name = 'ContentError';
	}
}
