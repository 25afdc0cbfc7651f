// Turns the files under content/ into one checked bundle. Used by the build (via
// import.meta.glob) and by the unit tests (via fs), so both see the same rules.
import { skillLines } from './bank-lint';
import { parseDeck, parseInterview, parseNote, parseOutline, parseQuestions } from './parse';
import {
	ContentError,
	INTERVIEW_DOMAIN,
	type Deck,
	type ExamItem,
	type ExamOutline,
	type InterviewQuestion,
	type Note
} from './schema';

export interface ContentBundle {
	outline: ExamOutline | null;
	notes: Note[];
	decks: Deck[];
	interviews: InterviewQuestion[];
	items: ExamItem[];
}

export interface BuiltContent {
	content: ContentBundle;
	errors: ContentError[];
}

/** @param files content-relative path (e.g. `notes/x/01-a.md`) → file text */
export function buildContent(files: Record<string, string>): BuiltContent {
	const errors: ContentError[] = [];
	const content: ContentBundle = { outline: null, notes: [], decks: [], interviews: [], items: [] };
	const attempt = (fn: () => void) => {
		try {
			fn();
		} catch (e) {
			if (e instanceof ContentError) errors.push(e);
			else throw e;
		}
	};

	for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		if (file === 'exam/outline.yaml') attempt(() => (content.outline = parseOutline(file, text)));
		else if (/^notes\/[^/]+\/[^/]+\.md$/.test(file)) attempt(() => content.notes.push(parseNote(file, text)));
		else if (/^cards\/[^/]+\.md$/.test(file)) attempt(() => content.decks.push(parseDeck(file, text)));
		else if (/^interview\/[^/]+\.md$/.test(file)) attempt(() => content.interviews.push(parseInterview(file, text)));
		else if (/^questions\/[^/]+\.yaml$/.test(file)) attempt(() => content.items.push(...parseQuestions(file, text)));
	}
	if (!content.outline) errors.push(new ContentError('exam/outline.yaml', 'the exam outline is missing'));
	errors.push(...crossCheck(content));
	content.notes.sort((a, b) => domainRank(content, a.domain) - domainRank(content, b.domain) || a.order - b.order);
	return { content, errors };
}

function domainRank(content: ContentBundle, domain: string): number {
	const i = content.outline?.domains.findIndex((d) => d.id === domain) ?? -1;
	return i === -1 ? 999 : i;
}

/** References between files: ids unique, domains known, every note reference and link resolves. */
function crossCheck(content: ContentBundle): ContentError[] {
	const errors: ContentError[] = [];
	const domains = new Set([...(content.outline?.domains.map((d) => d.id) ?? []), INTERVIEW_DOMAIN]);
	const noteIds = new Set<string>();
	const checkNote = (file: string, id: string, where: string) => {
		if (!noteIds.has(id)) errors.push(new ContentError(file, `${where}refers to unknown note "${id}"`));
	};
	const unique = (seen: Set<string>, file: string, id: string, what: string) => {
		if (seen.has(id)) errors.push(new ContentError(file, `${what} "${id}" is used twice`));
		seen.add(id);
	};

	for (const note of content.notes) unique(noteIds, note.file, note.id, 'note id');
	for (const note of content.notes) {
		if (!domains.has(note.domain)) errors.push(new ContentError(note.file, `unknown domain "${note.domain}"`));
		if (!note.file.startsWith(`notes/${note.domain}/`)) {
			errors.push(new ContentError(note.file, `a note of domain "${note.domain}" belongs in notes/${note.domain}/`));
		}
		if (note.domain !== INTERVIEW_DOMAIN && !/^## Exam traps\s*$/m.test(note.body)) {
			errors.push(new ContentError(note.file, 'missing the "## Exam traps" section'));
		}
		for (const m of note.body.matchAll(/\]\(\/notes\/([^)#\s]+)/g)) checkNote(note.file, m[1] ?? '', 'a link ');
	}

	const deckIds = new Set<string>();
	for (const deck of content.decks) {
		unique(deckIds, deck.file, deck.id, 'deck');
		for (const card of deck.cards) checkNote(deck.file, card.note, `card "${card.id}" `);
	}

	const interviewIds = new Set<string>();
	for (const q of content.interviews) {
		unique(interviewIds, q.file, q.id, 'interview id');
		for (const n of q.notes) checkNote(q.file, n, '');
	}

	const itemIds = new Set<string>();
	const tasks = new Set(content.outline ? skillLines(content.outline).map((l) => l.task) : []);
	for (const item of content.items) {
		if (!domains.has(item.domain) || item.domain === INTERVIEW_DOMAIN) {
			errors.push(new ContentError(item.file, `unknown exam domain "${item.domain}"`));
		}
		for (const it of [item, ...item.items]) {
			unique(itemIds, it.file, it.id, 'item id');
			checkNote(it.file, it.note, `item "${it.id}" `);
			if (it.type !== 'case' && content.outline && !tasks.has(it.skill)) {
				errors.push(new ContentError(it.file, `item "${it.id}": skill "${it.skill}" is not a task line of exam/outline.yaml (subskills)`));
			}
		}
	}
	return errors;
}
